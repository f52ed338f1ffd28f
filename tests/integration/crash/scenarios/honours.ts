// The honours' writing actions for the crash matrix (tests/support/crash-matrix.ts, docs/crash-safety.md).
import { DEMO_HONOUR } from '../../../../emulator/seed/honours';
import { monthOf } from '../../../../src/shared/domain/honours';
import { FROZEN_AT, type CrashScenario } from '../../../support/crash-matrix';

const award = { title: '热心邻里', citation: '常年帮独居老人买菜配药，风雨无阻。' };
const MONTH = monthOf(new Date(FROZEN_AT));

export const scenarios: CrashScenario[] = [
  {
    name: 'honours.award',
    fn: 'honours',
    action: 'award',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('member'),
    payload: (memberId: string) => ({ ...award, memberId, photoUrl: '', requestId: 'crash-honour-0001' }),
  },
  {
    name: 'honours.award (with a photo)',
    fn: 'honours',
    action: 'award',
    caller: 'committee',
    setup: async (h) => h.memberIdOf('member'),
    payload: (memberId: string) => ({ ...award, memberId, photoUrl: 'https://example.com/crash/honour.jpg', requestId: 'crash-honour-0002' }),
  },
  {
    name: 'honours.revoke',
    fn: 'honours',
    action: 'revoke',
    caller: 'committee',
    payload: () => ({ honourId: DEMO_HONOUR._id }),
  },
  {
    name: 'honours.setDisplay',
    fn: 'honours',
    action: 'setDisplay',
    caller: 'member',
    payload: () => ({ showOnWall: false, onLeaderboard: true }),
  },
  {
    name: 'honours.setLevels',
    fn: 'honours',
    action: 'setLevels',
    caller: 'streetAdmin',
    payload: () => ({ levelHours: [50, 150, 300, 600, 1000] }),
  },
  {
    name: 'honours.requestCertificate',
    fn: 'honours',
    action: 'requestCertificate',
    caller: 'member',
    payload: () => ({ from: MONTH, to: MONTH }),
    // The certificate's code is random by design (nobody can work it out from a member's details).
    random: [/^[2-9A-HJ-NP-Z]{12}$/],
  },
];
