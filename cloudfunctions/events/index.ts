import { eventsActions } from '../../src/shared/actions/events';
import { createFunction } from '../_core/router';

/** The `events` cloud function. */
export const main = createFunction('events', eventsActions, {});
