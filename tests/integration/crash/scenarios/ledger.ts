// The ledger's writing actions for the crash matrix (tests/support/crash-matrix.ts, docs/crash-safety.md).
import type { CrashScenario } from '../../../support/crash-matrix';

export const scenarios: CrashScenario[] = [
  {
    name: 'ledger.award (manual posting)',
    fn: 'ledger',
    action: 'award',
    caller: 'committee',
    // The member's id is known only once the harness runs: the setup reads it.
    setup: async (h) => h.memberIdOf('member'),
    payload: (memberId: string) => ({ requestId: 'crash-award-0001', memberId, points: 15, halfHours: 3, reason: '帮独居老人换灯泡' }),
  },
  {
    name: 'ledger.correct',
    fn: 'ledger',
    action: 'correct',
    caller: 'committee',
    payload: () => ({ entryId: 'req:demo-award-2', reason: '记错人了' }),
  },
  {
    name: 'ledger.setRules',
    fn: 'ledger',
    action: 'setRules',
    caller: 'committee',
    payload: () => ({ pointsPerHour: 12, eventTypes: [{ name: '网格巡逻', pointsPerHour: 10 }], dailyCap: 60 }),
  },
];
