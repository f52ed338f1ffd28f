import { eventsActions } from '../../src/shared/actions/events';
import { createFunction } from '../_core/router';
import * as events from './events.service';
import { sendDayBeforeReminders } from './reminders';
import * as signups from './signups.service';

/** The `events` cloud function: events with roles and places, sign-ups with a waiting list served in arrival order. */
export const main = createFunction('events', eventsActions, {
  list: events.list,
  get: events.get,
  mine: events.mine,
  create: events.create,
  update: events.update,
  cancel: events.cancel,
  duplicate: events.duplicate,
  signUp: signups.signUp,
  cancelSignup: signups.cancelSignup,
  signups: events.signups,
  suggest: events.suggest,
}, {
  'event-reminders': sendDayBeforeReminders,
});
