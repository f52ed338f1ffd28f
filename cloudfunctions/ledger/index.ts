import { ledgerActions } from '../../src/shared/actions/ledger';
import { createFunction } from '../_core/router';
import * as committee from './committee.service';
import * as mine from './mine.service';
import { report } from './report.service';
import * as rules from './rules.service';

/** The `ledger` cloud function: a member's own hours and points; the committee's awards, corrections, rules, audit and report. */
export const main = createFunction('ledger', ledgerActions, {
  myLedger: mine.myLedger,
  mySummary: mine.mySummary,
  members: committee.members,
  memberLedger: committee.memberLedger,
  award: committee.award,
  correct: committee.correct,
  audit: committee.audit,
  rules: rules.rules,
  setRules: rules.setRules,
  report,
});
