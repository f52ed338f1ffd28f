import { membersActions } from '../../src/shared/actions/members';
import { createFunction } from '../_core/router';
import * as account from './account.service';
import * as application from './application.service';
import * as children from './children.service';
import * as committee from './committee.service';
import * as invite from './invite.service';
import * as ownData from './own-data.service';
import * as proxy from './proxy.service';
import * as subscriptions from './subscriptions.service';

/** The `members` cloud function: the person record, joining the echelon, own data, acting for elderly residents. */
export const main = createFunction('members', membersActions, {
  listCommunities: account.listCommunities,
  me: account.me,
  chooseCommunity: account.chooseCommunity,
  acceptPrivacy: account.acceptPrivacy,
  updateProfile: account.updateProfile,
  deleteAccount: account.deleteAccount,
  myData: ownData.myData,
  apply: application.apply,
  listApplications: application.listApplications,
  review: application.review,
  addChild: children.addChild,
  listChildren: children.listChildren,
  removeChild: children.removeChild,
  createForResident: proxy.createForResident,
  listProxyLog: proxy.listProxyLog,
  memberDetail: committee.memberDetail,
  setRole: committee.setRole,
  inviteCode: invite.inviteCode,
  grantSubscriptions: subscriptions.grantSubscriptions,
  mySubscriptions: subscriptions.mySubscriptions,
});
