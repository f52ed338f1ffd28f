import { rosterActions } from '../../src/shared/actions/roster';
import { createFunction } from '../_core/router';
import * as service from './roster.service';

/** The `roster` cloud function: the committee checks and imports an existing roster (CSV). */
export const main = createFunction('roster', rosterActions, {
  preview: service.preview,
  commit: service.commit,
});
