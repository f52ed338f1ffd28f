import { honoursActions } from '../../src/shared/actions/honours';
import { createFunction } from '../_core/router';
import * as awards from './awards.service';
import * as certificates from './certificates.service';
import * as service from './honours.service';

/** The `honours` cloud function: star levels and badges, the 风采展示墙, certificates and the monthly leaderboard. */
export const main = createFunction('honours', honoursActions, {
  mine: service.mine,
  setDisplay: service.setDisplay,
  wall: service.wall,
  milestones: service.milestones,
  leaderboard: service.leaderboard,
  levels: service.levels,
  setLevels: service.setLevels,
  award: awards.award,
  revoke: awards.revoke,
  awarded: awards.awarded,
  candidates: awards.candidates,
  requestCertificate: certificates.requestCertificate,
  certificates: certificates.certificates,
  verifyCertificate: certificates.verifyCertificate,
});
