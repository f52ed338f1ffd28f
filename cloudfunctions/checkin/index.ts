import { checkinActions } from '../../src/shared/actions/checkin';
import { createFunction } from '../_core/router';

/** The `checkin` cloud function. */
export const main = createFunction('checkin', checkinActions, {});
