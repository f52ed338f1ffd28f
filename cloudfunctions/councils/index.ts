import { councilsActions } from '../../src/shared/actions/councils';
import { createFunction } from '../_core/router';
import * as service from './councils.service';

/** The `councils` cloud function: the 自治家园理事会 and its 分会, membership, positions and rotating chairs. */
export const main = createFunction('councils', councilsActions, {
  list: service.list,
  detail: service.detail,
  members: service.members,
  join: service.join,
  leave: service.leave,
  create: service.create,
  rename: service.rename,
  retire: service.retire,
  restore: service.restore,
  setPositions: service.setPositions,
  setRotation: service.setRotation,
  skip: service.skip,
  swap: service.swap,
});
