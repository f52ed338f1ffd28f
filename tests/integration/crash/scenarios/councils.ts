// Crash scenarios of the councils function (tests/support/crash-matrix.ts): every action that writes.
import { DEMO_COUNCIL_MEMBERS, DEMO_SERVICE_COUNCIL } from '../../../../emulator/seed/councils';
import type { Harness } from '../../../support/harness';
import type { CrashScenario } from '../../../support/crash-matrix';

const SERVICE = DEMO_SERVICE_COUNCIL;
const GOVERNANCE = 'cm-baiyu1-governance';
const FAMILY = 'cm-baiyu1-family';
const WU = DEMO_COUNCIL_MEMBERS[0]!._id;

const rotationOf = async (h: Harness) =>
  (await h.call('councils', 'detail', { councilId: SERVICE }, h.identities.committee)).council.rotation.id as string;
const today = (h: Harness) => new Date(h.stack.clock.nowMs() + 8 * 3600_000).toISOString().slice(0, 10);

export const scenarios: CrashScenario[] = [
  { name: 'councils.join', fn: 'councils', action: 'join', caller: 'member', payload: () => ({ councilId: FAMILY }) },
  { name: 'councils.leave', fn: 'councils', action: 'leave', caller: 'member', payload: () => ({ councilId: GOVERNANCE }) },
  { name: 'councils.create', fn: 'councils', action: 'create', caller: 'committee', payload: () => ({ name: '老年关爱分会', requestId: 'crash-council-1' }) },
  { name: 'councils.rename', fn: 'councils', action: 'rename', caller: 'committee', payload: () => ({ councilId: FAMILY, name: '亲子分会' }) },
  { name: 'councils.retire', fn: 'councils', action: 'retire', caller: 'committee', payload: () => ({ councilId: SERVICE }) },
  {
    name: 'councils.restore',
    fn: 'councils',
    action: 'restore',
    caller: 'committee',
    setup: async (h) => {
      await h.call('councils', 'retire', { councilId: SERVICE }, h.identities.committee);
    },
    payload: () => ({ councilId: SERVICE }),
  },
  {
    name: 'councils.setPositions',
    fn: 'councils',
    action: 'setPositions',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('member'),
    payload: (member: string) => ({ councilId: SERVICE, positions: [{ title: '会长', memberId: WU }, { title: '副会长', memberId: member }] }),
  },
  {
    name: 'councils.setRotation',
    fn: 'councils',
    action: 'setRotation',
    caller: 'committee',
    setup: async (h) => ({ member: h.memberIdOf('member'), today: today(h) }),
    payload: (c: { member: string; today: string }) => ({ councilId: SERVICE, order: [WU, c.member], termDays: 7, startDate: c.today, requestId: 'crash-rotation-1' }),
  },
  {
    name: 'councils.skip',
    fn: 'councils',
    action: 'skip',
    caller: 'committee',
    setup: async (h) => ({ rotationId: await rotationOf(h), chair: h.memberIdOf('gridLeader') }),
    payload: (c: { rotationId: string; chair: string }) => ({ councilId: SERVICE, rotationId: c.rotationId, term: 0, memberId: c.chair, reason: '张阿姨这个月住院' }),
  },
  {
    name: 'councils.swap',
    fn: 'councils',
    action: 'swap',
    caller: 'committee',
    setup: async (h) => ({ rotationId: await rotationOf(h), chair: h.memberIdOf('gridLeader'), next: h.memberIdOf('member') }),
    payload: (c: { rotationId: string; chair: string; next: string }) => ({
      councilId: SERVICE,
      rotationId: c.rotationId,
      term: 0,
      memberId: c.chair,
      otherMemberId: c.next,
      reason: '换一下班',
    }),
  },
];
