// Crash scenarios of the members function (tests/support/crash-matrix.ts): every action that writes.
import { PRIVACY_VERSION } from '../../../../src/shared/privacy';
import type { CrashScenario } from '../../../support/crash-matrix';

const elder = { name: '顾阿婆', building: '2号楼', room: '102', phone: '', skills: ['编织'], note: '独居，不用微信' };

export const scenarios: CrashScenario[] = [
  { name: 'members.me (first call creates the record)', fn: 'members', action: 'me', caller: 'newcomer', payload: () => ({}) },
  { name: 'members.chooseCommunity', fn: 'members', action: 'chooseCommunity', caller: 'newcomer', payload: () => ({ communityId: 'cm-baiyu1' }) },
  {
    name: 'members.acceptPrivacy',
    fn: 'members',
    action: 'acceptPrivacy',
    caller: 'newcomer',
    setup: async (h) => {
      await h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, h.identities.newcomer);
    },
    payload: () => ({ version: PRIVACY_VERSION }),
  },
  {
    name: 'members.updateProfile',
    fn: 'members',
    action: 'updateProfile',
    caller: 'resident',
    payload: () => ({ name: '王秀兰', building: '3号楼', room: '201', phone: '13800000001', skills: ['理发'], interests: ['唱歌'], availability: [] }),
  },
  { name: 'members.apply', fn: 'members', action: 'apply', caller: 'resident', payload: () => ({ motivation: '想为邻居做点事' }) },
  {
    name: 'members.review (approve)',
    fn: 'members',
    action: 'review',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('applicant1'),
    payload: (memberId: string) => ({ memberId, decision: 'approve' }),
  },
  {
    name: 'members.review (reject)',
    fn: 'members',
    action: 'review',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('applicant1'),
    payload: (memberId: string) => ({ memberId, decision: 'reject', reason: '名额已满，明年再来' }),
  },
  { name: 'members.deleteAccount', fn: 'members', action: 'deleteAccount', caller: 'member', payload: () => ({ confirm: '注销' }) },
  { name: 'members.addChild', fn: 'members', action: 'addChild', caller: 'member', payload: () => ({ name: '豆豆', birthYear: 2018, guardianConsent: true }) },
  {
    name: 'members.removeChild',
    fn: 'members',
    action: 'removeChild',
    caller: 'member',
    setup: async (h) => (await h.call('members', 'addChild', { name: '豆豆', birthYear: 2018, guardianConsent: true }, h.identities.member)).child.id as string,
    payload: (childId: string) => ({ childId }),
  },
  { name: 'members.createForResident', fn: 'members', action: 'createForResident', caller: 'gridLeader', payload: () => elder },
  {
    name: 'members.setRole',
    fn: 'members',
    action: 'setRole',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('member'),
    payload: (memberId: string) => ({ memberId, role: 'building_leader', granted: true, reason: '热心负责' }),
  },
  {
    name: 'members.grantSubscriptions',
    fn: 'members',
    action: 'grantSubscriptions',
    caller: 'member',
    payload: () => ({ requestId: 'crash-grant-1', templates: ['event-reminder', 'notice-published'] }),
  },
];
