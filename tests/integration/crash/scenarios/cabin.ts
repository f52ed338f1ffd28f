import config from '../../../../cloudfunctions/cabin/config.json';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';
import { addMember } from '../../honours/support';

/**
 * The 爱心格子屋's writing actions and timer for the crash matrix (issue 15): a row per action, several where the
 * paths differ (a hold from the shelf or in the queue, a return to the shelf, to the next in line or lost...). Setups
 * go through real calls; times in the past are made by moving the clock back while they run (the matrix freezes it
 * at a Tuesday 10:00, when every section but the paper rack is open).
 */

const CABIN = 'cabin-baiyu1';
const TRIGGERS = config.triggers.map((t) => t.name);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

type People = { a: string; b: string; c: string; aId: string; bId: string; cId: string };

/** Three residents of 白玉一居 (the same ids every run). */
async function people(h: Harness): Promise<People> {
  const [a, b, c] = await Promise.all([addMember(h, 'crash-a', '甲'), addMember(h, 'crash-b', '乙'), addMember(h, 'crash-c', '丙')]);
  return { a: a.openid, b: b.openid, c: c.openid, aId: a.memberId, bId: b.memberId, cId: c.memberId };
}

async function allow(h: Harness, openid: string, templates: string[], requestId: string): Promise<void> {
  await h.call('members', 'grantSubscriptions', { requestId, templates }, openid);
}

/** Runs `work` with the clock moved by `ms` (negative: in the past), then puts it back. */
async function at<T>(h: Harness, ms: number, work: () => Promise<T>): Promise<T> {
  h.stack.clock.offsetMs += ms;
  try {
    return await work();
  } finally {
    h.stack.clock.offsetMs -= ms;
  }
}

const borrow = (h: Harness, openid: string, itemId: string, requestId: string) => h.call('cabin', 'borrow', { itemId, requestId }, openid);
const holdIt = (h: Harness, openid: string, itemId: string, requestId: string) => h.call('cabin', 'hold', { itemId, requestId }, openid);

/**
 * What the platform does later: the cabin's timer (tells whom a hand-over left untold), then, where the function has
 * one, the subscribe-message outbox's delivery timer (_core's, delivering what a crashed send left queued).
 */
const sweep = async (h: Harness) => {
  await h.timer('cabin', 'cabin-sweep');
  if (TRIGGERS.includes('message-outbox')) await h.timer('cabin', 'message-outbox');
};

/** An item with a loan out and people queued behind it (the queued ones allowed the hold-ready message). */
async function lentWithQueue(h: Harness, itemId: string, queue: number): Promise<People & { loanId: string; holdIds: string[] }> {
  const p = await people(h);
  const { loan } = await borrow(h, p.a, itemId, 'setup-borrow');
  const holdIds: string[] = [];
  for (const openid of [p.b, p.c].slice(0, queue)) {
    await allow(h, openid, ['hold-ready'], `setup-grant-${openid}`);
    holdIds.push((await holdIt(h, openid, itemId, `setup-hold-${openid}`)).hold.id);
  }
  return { ...p, loanId: loan.id, holdIds };
}

const sewingKit = { kind: 'loanable', sectionKey: 'sewing', name: '崩溃测试针线包', description: '', condition: '新', loanClass: 'sewing' } as const;

export const scenarios: CrashScenario[] = [
  // ---- holds -------------------------------------------------------------------------------------------------------
  scenario({
    name: 'cabin.hold (from the shelf)',
    fn: 'cabin',
    action: 'hold',
    setup: people,
    caller: (p) => p.b,
    payload: () => ({ itemId: 'cbi-book-2', requestId: 'crash-hold-shelf' }),
  }),
  scenario({
    name: 'cabin.hold (joining the queue)',
    fn: 'cabin',
    action: 'hold',
    setup: async (h) => {
      const p = await people(h);
      await borrow(h, p.a, 'cbi-book-1', 'setup-borrow');
      return p;
    },
    caller: (p) => p.b,
    payload: () => ({ itemId: 'cbi-book-1', requestId: 'crash-hold-queue' }),
  }),
  scenario({
    name: 'cabin.hold (after a hold that ran out)',
    fn: 'cabin',
    action: 'hold',
    setup: async (h) => {
      const p = await people(h);
      await at(h, -5 * DAY, () => holdIt(h, p.a, 'cbi-book-2', 'setup-hold'));
      return p;
    },
    caller: (p) => p.b,
    payload: () => ({ itemId: 'cbi-book-2', requestId: 'crash-hold-expired' }),
  }),
  scenario({
    name: 'cabin.cancelHold (a waiting place)',
    fn: 'cabin',
    action: 'cancelHold',
    setup: (h) => lentWithQueue(h, 'cbi-book-1', 2),
    caller: (p) => p.b,
    payload: (p) => ({ holdId: p.holdIds[0], requestId: 'crash-cancel-waiting' }),
  }),
  scenario({
    name: 'cabin.cancelHold (a ready hold, handed to the next with a message)',
    // The timer tells a new holder whom a crash or failed send left untold.
    settle: sweep,
    fn: 'cabin',
    action: 'cancelHold',
    setup: async (h) => {
      const p = await people(h);
      const { hold } = await holdIt(h, p.a, 'cbi-book-2', 'setup-hold-a');
      await allow(h, p.b, ['hold-ready'], 'setup-grant-b');
      await holdIt(h, p.b, 'cbi-book-2', 'setup-hold-b');
      return { ...p, holdId: hold.id as string };
    },
    caller: (p) => p.a,
    payload: (p) => ({ holdId: p.holdId, requestId: 'crash-cancel-ready' }),
  }),

  // ---- loans -------------------------------------------------------------------------------------------------------
  scenario({
    name: 'cabin.borrow (from the shelf, first loan)',
    fn: 'cabin',
    action: 'borrow',
    setup: people,
    caller: (p) => p.a,
    payload: () => ({ itemId: 'cbi-sew-1', requestId: 'crash-borrow' }),
  }),
  scenario({
    name: 'cabin.borrow (own hold, a later loan)',
    fn: 'cabin',
    action: 'borrow',
    setup: async (h) => {
      const p = await people(h);
      await borrow(h, p.a, 'cbi-book-1', 'setup-borrow');
      await holdIt(h, p.a, 'cbi-book-2', 'setup-hold');
      return p;
    },
    caller: (p) => p.a,
    payload: () => ({ itemId: 'cbi-book-2', requestId: 'crash-borrow-held' }),
  }),
  scenario({
    name: 'cabin.lend (at the desk)',
    fn: 'cabin',
    action: 'lend',
    setup: people,
    caller: 'member',
    payload: (p) => ({ itemId: 'cbi-sew-2', memberId: p.aId, requestId: 'crash-lend' }),
  }),
  scenario({
    name: 'cabin.renew',
    fn: 'cabin',
    action: 'renew',
    setup: async (h) => {
      const p = await people(h);
      const { loan } = await at(h, -2 * DAY, () => h.call('cabin', 'lend', { itemId: 'cbi-sew-1', memberId: p.aId, requestId: 'setup-lend' }, h.identities.member));
      return { ...p, loanId: loan.id as string };
    },
    caller: (p) => p.a,
    payload: (p) => ({ loanId: p.loanId, requestId: 'crash-renew' }),
  }),
  scenario({
    name: 'cabin.takeBack (back on the shelf)',
    fn: 'cabin',
    action: 'takeBack',
    setup: (h) => lentWithQueue(h, 'cbi-book-1', 0),
    caller: 'member',
    payload: (p) => ({ loanId: p.loanId, condition: '完好', status: 'available', requestId: 'crash-take-back' }),
  }),
  scenario({
    name: 'cabin.takeBack (to the next in line, with a message)',
    // The timer tells a new holder whom a crash or failed send left untold.
    settle: sweep,
    fn: 'cabin',
    action: 'takeBack',
    setup: (h) => lentWithQueue(h, 'cbi-book-1', 2),
    caller: 'member',
    payload: (p) => ({ loanId: p.loanId, condition: '', status: 'available', requestId: 'crash-take-back-next' }),
  }),
  scenario({
    name: 'cabin.takeBack (lost, ending its queue)',
    // The timer tells a new holder whom a crash or failed send left untold.
    settle: sweep,
    fn: 'cabin',
    action: 'takeBack',
    setup: (h) => lentWithQueue(h, 'cbi-book-1', 2),
    caller: 'member',
    payload: (p) => ({ loanId: p.loanId, condition: '', status: 'lost', requestId: 'crash-take-back-lost' }),
  }),
  scenario({
    name: 'cabin.borrowerPhone (read only: 0 write points)',
    fn: 'cabin',
    action: 'borrowerPhone',
    setup: async (h) => {
      // A demo resident, who left a phone number.
      const memberId = h.memberIdOf('resident');
      const { loan } = await at(h, -10 * DAY, () => h.call('cabin', 'lend', { itemId: 'cbi-umbrella-1', memberId, requestId: 'setup-lend' }, h.identities.member));
      return { loanId: loan.id as string };
    },
    caller: 'member',
    payload: (ctx) => ({ loanId: ctx.loanId }),
  }),
  scenario({
    name: 'cabin.remind',
    settle: sweep,
    fn: 'cabin',
    action: 'remind',
    setup: async (h) => {
      const p = await people(h);
      await allow(h, p.a, ['loan-overdue'], 'setup-grant');
      const { loan } = await at(h, -10 * DAY, () => h.call('cabin', 'lend', { itemId: 'cbi-umbrella-1', memberId: p.aId, requestId: 'setup-lend' }, h.identities.member));
      return { ...p, loanId: loan.id as string };
    },
    caller: 'member',
    payload: (p) => ({ loanId: p.loanId, requestId: 'crash-remind' }),
  }),

  // ---- consumables ---------------------------------------------------------------------------------------------------
  scenario({
    name: 'cabin.take',
    fn: 'cabin',
    action: 'take',
    setup: people,
    caller: (p) => p.a,
    payload: () => ({ itemId: 'cbi-needles', quantity: 2, requestId: 'crash-take' }),
  }),
  scenario({
    name: 'cabin.take (crossing the low-stock line: the keepers alerted)',
    settle: sweep,
    fn: 'cabin',
    action: 'take',
    setup: async (h) => {
      const p = await people(h);
      await allow(h, h.identities.member, ['stock-low'], 'setup-grant-member');
      await allow(h, h.identities.committee, ['stock-low'], 'setup-grant-committee');
      return p;
    },
    caller: (p) => p.a,
    payload: () => ({ itemId: 'cbi-thread', quantity: 10, requestId: 'crash-take-low' }),
  }),
  scenario({
    name: 'cabin.restock',
    fn: 'cabin',
    action: 'restock',
    caller: 'member',
    payload: () => ({ itemId: 'cbi-thread', delta: 20, note: '补货', requestId: 'crash-restock' }),
  }),
  scenario({
    name: 'cabin.restock (a correction down)',
    fn: 'cabin',
    action: 'restock',
    caller: 'member',
    payload: () => ({ itemId: 'cbi-needles', delta: -5, note: '盘点少了', requestId: 'crash-correct' }),
  }),

  // ---- items, sales, donations -----------------------------------------------------------------------------------
  scenario({
    name: 'cabin.createItem',
    fn: 'cabin',
    action: 'createItem',
    caller: 'member',
    payload: () => ({ cabinId: CABIN, item: sewingKit, requestId: 'crash-create' }),
  }),
  scenario({
    name: 'cabin.updateItem',
    fn: 'cabin',
    action: 'updateItem',
    caller: 'member',
    payload: () => ({ itemId: 'cbi-sew-1', item: { ...sewingKit, name: '针线包（一号）', condition: '换了新剪刀' } }),
  }),
  scenario({
    name: 'cabin.setStatus (to repair)',
    fn: 'cabin',
    action: 'setStatus',
    caller: 'member',
    payload: () => ({ itemId: 'cbi-umbrella-2', status: 'in-repair', note: '伞骨断了', requestId: 'crash-status-repair' }),
  }),
  scenario({
    name: 'cabin.setStatus (repaired, handed to the next in line)',
    // The timer tells a new holder whom a crash or failed send left untold.
    settle: sweep,
    fn: 'cabin',
    action: 'setStatus',
    setup: async (h) => {
      const p = await lentWithQueue(h, 'cbi-book-1', 2);
      await h.call('cabin', 'takeBack', { loanId: p.loanId, condition: '', status: 'in-repair' }, h.identities.member);
      return p;
    },
    caller: 'member',
    payload: () => ({ itemId: 'cbi-book-1', status: 'available', note: '修好了', requestId: 'crash-status-repaired' }),
  }),
  scenario({
    name: 'cabin.setStatus (retired, ending its queue)',
    // The timer tells a new holder whom a crash or failed send left untold.
    settle: sweep,
    fn: 'cabin',
    action: 'setStatus',
    setup: async (h) => {
      const p = await lentWithQueue(h, 'cbi-book-1', 2);
      await h.call('cabin', 'takeBack', { loanId: p.loanId, condition: '', status: 'in-repair' }, h.identities.member);
      return p;
    },
    caller: 'member',
    payload: () => ({ itemId: 'cbi-book-1', status: 'retired', note: '太旧了', requestId: 'crash-status-retired' }),
  }),
  scenario({
    name: 'cabin.recordSale',
    fn: 'cabin',
    action: 'recordSale',
    caller: 'member',
    payload: () => ({ itemId: 'cbi-coasters', priceFen: 600, note: '现金', requestId: 'crash-sale' }),
  }),
  scenario({
    name: 'cabin.offerDonation',
    fn: 'cabin',
    action: 'offerDonation',
    caller: 'resident',
    payload: () => ({ cabinId: CABIN, what: '旧台灯', description: '', condition: '能用', requestId: 'crash-offer' }),
  }),
  ...(['withdrawDonation', 'acceptDonation', 'declineDonation'] as const).map((action) =>
    scenario({
      name: `cabin.${action}`,
      fn: 'cabin',
      action,
      settle: sweep,
      setup: async (h) => {
        await allow(h, h.identities.resident, ['donation-answered'], 'setup-grant');
        const { donation } = await h.call('cabin', 'offerDonation', { cabinId: CABIN, what: '旧毛衣', description: '', condition: '洗干净了', requestId: 'setup-offer' }, h.identities.resident);
        return { donationId: donation.id as string };
      },
      caller: action === 'withdrawDonation' ? 'resident' : 'member',
      payload: (ctx: { donationId: string }) =>
        action === 'withdrawDonation'
          ? { donationId: ctx.donationId }
          : action === 'acceptDonation'
            ? { donationId: ctx.donationId, item: { kind: 'loanable', sectionKey: 'sewing', name: '捐赠的毛衣', description: '', condition: '洗干净了', loanClass: 'other' }, note: '谢谢', requestId: 'crash-accept' }
            : { donationId: ctx.donationId, reason: '谢谢！衣物我们暂时不收', requestId: 'crash-decline' },
    }),
  ),

  // ---- cabins, staff, rules, duty -------------------------------------------------------------------------------
  scenario({
    name: 'cabin.saveCabin (a new cabin)',
    fn: 'cabin',
    action: 'saveCabin',
    caller: 'committee',
    payload: () => ({
      cabin: { name: '楼道小书屋', place: '8号楼一楼', description: '', hours: Array.from({ length: 7 }, () => [{ from: '08:00', to: '12:00' }]), sections: [{ key: 'books', name: '书架' }] },
      requestId: 'crash-save-cabin',
    }),
  }),
  scenario({
    name: 'cabin.setStaff',
    fn: 'cabin',
    action: 'setStaff',
    caller: 'committee',
    payload: () => ({ cabinId: CABIN, keeperPhones: ['13900001003'], volunteerPhones: [] }),
  }),
  scenario({
    name: 'cabin.setRules',
    fn: 'cabin',
    action: 'setRules',
    setup: async (h) => ({ rules: await h.call('cabin', 'rules', {}, h.identities.resident) }),
    caller: 'committee',
    payload: (ctx: { rules: { holdHours: number } }) => ({ rules: { ...ctx.rules, holdHours: 24 } }),
  }),
  scenario({
    name: 'cabin.addShifts',
    fn: 'cabin',
    action: 'addShifts',
    setup: async (h) => ({ memberId: h.memberIdOf('gridLeader') }),
    caller: 'member',
    payload: (ctx) => ({ cabinId: CABIN, memberId: ctx.memberId, date: '2026-03-16', from: '14:00', to: '16:00', weeks: 3 }),
  }),
  scenario({
    name: 'cabin.removeShift',
    fn: 'cabin',
    action: 'removeShift',
    setup: async (h) => {
      const { shifts } = await h.call('cabin', 'addShifts', { cabinId: CABIN, memberId: h.memberIdOf('gridLeader'), date: '2026-03-16', from: '14:00', to: '16:00' }, h.identities.member);
      return { shiftId: shifts[0].id as string };
    },
    caller: 'committee',
    payload: (ctx) => ({ shiftId: ctx.shiftId }),
  }),
  scenario({
    name: 'cabin.postDuty',
    fn: 'cabin',
    action: 'postDuty',
    setup: async (h) => {
      const { shifts } = await h.call('cabin', 'addShifts', { cabinId: CABIN, memberId: h.memberIdOf('gridLeader'), date: '2026-03-09', from: '14:00', to: '16:00' }, h.identities.member);
      return { shiftId: shifts[0].id as string };
    },
    caller: 'committee',
    payload: (ctx) => ({ shiftId: ctx.shiftId }),
  }),

  // ---- the timer -----------------------------------------------------------------------------------------------------
  scenario({
    name: 'cabin-sweep (a hold ran out: handed to the next, who is told)',
    settle: sweep,
    fn: 'cabin',
    timer: 'cabin-sweep',
    setup: async (h) => {
      const p = await people(h);
      await allow(h, p.b, ['hold-ready'], 'setup-grant-b');
      await at(h, -5 * DAY, async () => {
        await holdIt(h, p.a, 'cbi-book-2', 'setup-hold-a');
        await holdIt(h, p.b, 'cbi-book-2', 'setup-hold-b');
      });
      return p;
    },
  }),
  scenario({
    name: 'cabin-sweep (a hold ran out, nobody waiting)',
    fn: 'cabin',
    timer: 'cabin-sweep',
    setup: async (h) => {
      const p = await people(h);
      await at(h, -5 * DAY, () => holdIt(h, p.a, 'cbi-book-2', 'setup-hold-a'));
      return p;
    },
  }),
  scenario({
    name: 'cabin-sweep (overdue reminders)',
    settle: sweep,
    fn: 'cabin',
    timer: 'cabin-sweep',
    setup: async (h) => {
      const p = await people(h);
      for (const [openid, memberId, item] of [[p.a, p.aId, 'cbi-umbrella-1'], [p.b, p.bId, 'cbi-umbrella-2']] as const) {
        await allow(h, openid, ['loan-overdue'], `setup-grant-${openid}`);
        await at(h, -10 * DAY, () => h.call('cabin', 'lend', { itemId: item, memberId, requestId: `setup-lend-${openid}` }, h.identities.member));
      }
      return p;
    },
  }),
  scenario({
    name: 'cabin-sweep (due tomorrow, and a hold running out soon)',
    settle: sweep,
    fn: 'cabin',
    timer: 'cabin-sweep',
    setup: async (h) => {
      const p = await people(h);
      await allow(h, p.a, ['loan-due'], 'setup-grant-a');
      await allow(h, p.b, ['hold-ready'], 'setup-grant-b');
      // An umbrella is lent for 3 days: lent on Sunday at the desk, it is due on Wednesday, tomorrow.
      await at(h, -2 * DAY, () => h.call('cabin', 'lend', { itemId: 'cbi-umbrella-1', memberId: p.aId, requestId: 'setup-lend' }, h.identities.member));
      // Held Monday 11:00 with holds of a day: it runs out at 11:00 today, within the reminder's three hours.
      const rules = await h.call('cabin', 'rules', {}, h.identities.resident);
      await h.call('cabin', 'setRules', { rules: { ...rules, holdHours: 24 } }, h.identities.committee);
      await at(h, -23 * HOUR, () => holdIt(h, p.b, 'cbi-book-2', 'setup-hold-b'));
      return p;
    },
  }),
];
