import { membersActions } from '../../src/shared/actions/members';
import { createFunction } from '../_core/router';
import * as service from './members.service';

/** The `members` cloud function: profiles, the 居民区 choice, and joining the second echelon. */
export const main = createFunction('members', membersActions, {
  listCommunities: service.listCommunities,
  me: service.me,
  chooseCommunity: service.chooseCommunity,
  updateProfile: service.updateProfile,
  apply: service.apply,
  listApplications: service.listApplications,
  review: service.review,
});
