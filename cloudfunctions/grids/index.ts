import { gridsActions } from '../../src/shared/actions/grids';
import { createFunction } from '../_core/router';
import * as service from './grids.service';

/** The `grids` cloud function: micro-grids, their leaders and the 总格长, 双楼长 pairs, 微格分色 and rosters. */
export const main = createFunction('grids', gridsActions, {
  overview: service.overview,
  roster: service.roster,
  residentPhone: service.residentPhone,
  createGrid: service.createGrid,
  renameGrid: service.renameGrid,
  setBuildings: service.setBuildings,
  assignLeader: service.assignLeader,
  setChief: service.setChief,
  setColour: service.setColour,
  listPairs: service.listPairs,
  setPairMember: service.setPairMember,
  clearPair: service.clearPair,
});
