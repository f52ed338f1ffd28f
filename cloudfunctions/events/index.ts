import { eventsActions } from '../../src/shared/actions/events';
import { deliverDue } from '../_core/message-outbox';
import { createFunction } from '../_core/router';
import * as events from './events.service';
import * as invites from './invites.service';
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
  invite: invites.invite,
  invitations: invites.invitations,
}, {
  'event-reminders': sendDayBeforeReminders,
  // Subscribe messages left behind by a crashed call, and retries (_core/message-outbox.ts).
  'message-outbox': (now) => deliverDue('events', now),
});
