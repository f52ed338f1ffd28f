import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';

/** The ledger function's actions, as the pages use them. */
export const ledgerApi = {
  myLedger: (page: number) => callCloud('ledger', 'myLedger', { page }),
  mySummary: () => callCloud('ledger', 'mySummary', {}),
  members: (name: string, page: number) => callCloud('ledger', 'members', { name, page }),
  memberLedger: (memberId: string, page: number) => callCloud('ledger', 'memberLedger', { memberId, page }),
  award: (input: InputOf<'ledger', 'award'>) => callCloud('ledger', 'award', input),
  correct: (input: InputOf<'ledger', 'correct'>) => callCloud('ledger', 'correct', input),
  rules: () => callCloud('ledger', 'rules', {}),
  setRules: (input: InputOf<'ledger', 'setRules'>) => callCloud('ledger', 'setRules', input),
  audit: () => callCloud('ledger', 'audit', {}),
  report: (month: string) => callCloud('ledger', 'report', { month }),
};

export { newRequestId } from '@/services/request-id';
