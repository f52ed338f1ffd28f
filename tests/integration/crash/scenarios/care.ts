import type { ElderInput } from '../../../../src/shared/actions/care';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';

/**
 * The care function's writing actions and its timers for the crash matrix (docs/crash-safety.md). Registering is a
 * keyed insert then a keyed proxy line; pairing, answering, ending and logging are each one transaction (pairing and
 * elder; pairing and elder; pairing and elder; visit, pairing and elder) followed by idempotent steps (messages told,
 * the plan's keyed visits, the due visits cancelled); confirming posts through the ledger's keyed transaction then
 * marks the visit; removing an elder is a chain of conditional bulk writes. Reads that need an elder have rows with no
 * write point.
 */

const DAY = 24 * 60 * 60_000;

const elder = (extra: Partial<ElderInput> = {}): ElderInput => ({
  name: '顾阿婆',
  building: '3号楼',
  room: '102',
  phone: '13911112222',
  needs: ['medicine', 'chat'],
  frequency: 'weekly',
  preferredTimes: ['工作日白天'],
  healthNotes: '高血压',
  family: { name: '顾小红', relation: '女儿', phone: '13933334444' },
  consent: { given: true, note: '本人口头同意' },
  ...extra,
});

interface Made {
  elderId: string;
  version: number;
  pairingId: string;
  visitId: string;
  volunteerId: string;
}

async function registered(h: Harness, label = 'x'): Promise<Made> {
  const e = (await h.call('care', 'registerElder', { elder: elder({ name: `顾阿婆${label}` }), requestId: `crash-setup-reg-${label}` }, h.identities.gridLeader)).elder;
  return { elderId: e.id, version: e.version, pairingId: '', visitId: '', volunteerId: h.memberIdOf('member') };
}

async function proposed(h: Harness, label = 'x'): Promise<Made> {
  const m = await registered(h, label);
  const { pairing } = await h.call('care', 'pair', { elderId: m.elderId, volunteerId: h.memberIdOf('member'), plan: { weekdays: [2], everyWeeks: 1 }, requestId: `crash-setup-pair-${label}` }, h.identities.gridLeader);
  return { ...m, pairingId: pairing.id };
}

async function active(h: Harness, label = 'x'): Promise<Made> {
  const m = await proposed(h, label);
  await h.call('care', 'respond', { pairingId: m.pairingId, accept: true }, h.identities.member);
  return m;
}

const today = (h: Harness) => new Date(h.stack.clock.nowMs() + 8 * 3_600_000).toISOString().slice(0, 10);
const log = (day: string, concern = '') => ({ startAt: `${day}T02:00:00.000Z`, minutes: 50, done: ['medicine'], mood: 'fair', note: '送药', concern });

async function logged(h: Harness, label = 'x'): Promise<Made> {
  const m = await active(h, label);
  const { visit } = await h.call('care', 'logVisit', { pairingId: m.pairingId, day: today(h), log: log(today(h)), requestId: `crash-setup-log-${label}` }, h.identities.member);
  return { ...m, visitId: visit.id };
}

/** Runs `work` with the clock `days` back, then puts it back to the matrix's instant. */
async function daysAgo<T>(h: Harness, days: number, work: () => Promise<T>): Promise<T> {
  h.stack.clock.offsetMs = -days * DAY;
  try {
    return await work();
  } finally {
    h.stack.clock.offsetMs = 0;
  }
}

const grant = (h: Harness, who: 'member' | 'gridLeader', templates: string[], n: number, label: string) =>
  Promise.all(Array.from({ length: n }, (_, i) => h.call('members', 'grantSubscriptions', { requestId: `crash-grant-care-${label}-${i}`, templates }, h.identities[who])));

export const scenarios: CrashScenario[] = [
  scenario({ name: 'care.registerElder', fn: 'care', action: 'registerElder', caller: 'gridLeader', payload: () => ({ elder: elder(), requestId: 'crash-register' }) }),
  scenario({
    name: 'care.updateElder',
    fn: 'care',
    action: 'updateElder',
    caller: 'gridLeader',
    setup: (h) => registered(h),
    payload: (m: Made) => ({ elderId: m.elderId, version: m.version, elder: elder({ healthNotes: '高血压，糖尿病' }) }),
  }),
  scenario({
    name: 'care.removeElder (a pairing, a logged visit with a concern, due visits)',
    fn: 'care',
    action: 'removeElder',
    caller: 'committee',
    setup: async (h) => {
      const m = await active(h);
      await h.call('care', 'logVisit', { pairingId: m.pairingId, day: today(h), log: log(today(h), '头晕'), requestId: 'crash-setup-log-rm' }, h.identities.member);
      return m;
    },
    payload: (m: Made) => ({ elderId: m.elderId }),
  }),
  scenario({
    name: 'care.pair (the volunteer told)',
    fn: 'care',
    action: 'pair',
    caller: 'gridLeader',
    setup: async (h) => {
      await grant(h, 'member', ['care-paired'], 1, 'pair');
      return registered(h);
    },
    payload: (m: Made) => ({ elderId: m.elderId, volunteerId: m.volunteerId, plan: { weekdays: [2, 5], everyWeeks: 1 }, note: '阿婆人很好', requestId: 'crash-pair' }),
  }),
  scenario({ name: 'care.respond (accept: the plan makes visits)', fn: 'care', action: 'respond', caller: 'member', setup: (h) => proposed(h), payload: (m: Made) => ({ pairingId: m.pairingId, accept: true }) }),
  scenario({ name: 'care.respond (decline)', fn: 'care', action: 'respond', caller: 'member', setup: (h) => proposed(h), payload: (m: Made) => ({ pairingId: m.pairingId, accept: false }) }),
  scenario({ name: 'care.endPairing (due visits cancelled)', fn: 'care', action: 'endPairing', caller: 'gridLeader', setup: (h) => active(h), payload: (m: Made) => ({ pairingId: m.pairingId, reason: '搬家' }) }),
  scenario({
    name: 'care.logVisit (a concern told to the grid leader)',
    fn: 'care',
    action: 'logVisit',
    caller: 'member',
    setup: async (h) => {
      await grant(h, 'gridLeader', ['care-concern'], 1, 'log');
      return active(h);
    },
    payload: (m: Made) => ({ pairingId: m.pairingId, day: '2026-03-10', log: log('2026-03-10', '老人说头晕'), requestId: 'crash-log' }),
  }),
  scenario({ name: 'care.confirmVisit (hours posted)', fn: 'care', action: 'confirmVisit', caller: 'gridLeader', setup: (h) => logged(h), payload: (m: Made) => ({ visitId: m.visitId }) }),
  scenario({ name: 'care.challengeVisit', fn: 'care', action: 'challengeVisit', caller: 'gridLeader', setup: (h) => logged(h), payload: (m: Made) => ({ visitId: m.visitId, reason: '时长不对' }) }),
  scenario({ name: 'care.getElder', fn: 'care', action: 'getElder', caller: 'member', setup: (h) => active(h), payload: (m: Made) => ({ elderId: m.elderId }) }),
  scenario({ name: 'care.suggest', fn: 'care', action: 'suggest', caller: 'gridLeader', setup: (h) => registered(h), payload: (m: Made) => ({ elderId: m.elderId }) }),
  scenario({ name: 'care.visitsOf', fn: 'care', action: 'visitsOf', caller: 'gridLeader', setup: (h) => logged(h), payload: (m: Made) => ({ elderId: m.elderId }) }),
  scenario({
    name: 'care@care-visits (plans made, visits missed and told, one confirmed after 72 h)',
    fn: 'care',
    timer: 'care-visits',
    setup: async (h) => {
      await grant(h, 'member', ['care-missed'], 3, 'timer');
      await grant(h, 'gridLeader', ['care-missed'], 2, 'timer-leader');
      await daysAgo(h, 14, () => active(h, 'a'));
      await daysAgo(h, 4, () => logged(h, 'b'));
    },
  }),
  scenario({
    name: 'care@message-outbox (after a timer run; its messages already sent)',
    fn: 'care',
    timer: 'message-outbox',
    setup: async (h) => {
      await grant(h, 'member', ['care-missed'], 2, 'outbox');
      await daysAgo(h, 8, () => active(h, 'o'));
      await h.timer('care', 'care-visits');
    },
  }),
];
