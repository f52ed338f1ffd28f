import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { ledgerActions } from '../../src/shared/actions/ledger';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { findPeople } from '../_core/council-chairs';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import { auditBalances, balanceOf, postEntry, servedDayOf, type LedgerEntryDoc, type NewEntry } from '../_core/ledger';
import { findMember } from '../_core/member-record';
import type { Permission } from '../../src/shared/permissions';
import type { CallContext } from '../_core/router';
import { viewsOf } from './entries';
import { correctionKey, nameOf, toEntryView } from './ledger.model';
import * as q from './ledger.queries';

type A = typeof ledgerActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** The committee of the caller's own 居民区, allowed `permission` there. */
async function committee(identity: Identity, permission: Permission): Promise<Caller & { communityId: string }> {
  const caller = await loadCaller(identity);
  authorize(caller, permission, { communityId: caller.communityId });
  return caller as Caller & { communityId: string };
}

/** Round trips: 3 (caller; the page; their balances). */
export async function members(input: In<'members'>, { identity }: CallContext): Out<'members'> {
  const caller = await committee(identity, 'ledger.viewMembers');
  const { rows, hasMore } = await q.membersPage(caller.communityId, input.name, input.page);
  const balances = await q.balancesOf(rows.map((r) => r._id));
  const items = rows.map((r) => {
    const b = balances.get(r._id);
    return { memberId: r._id, name: r.name, building: r.building, halfHours: b?.halfHours ?? 0, points: b?.points ?? 0 };
  });
  return { items, page: input.page, hasMore };
}

/**
 * Round trips: 3 (caller; the member, the page and the balance in parallel; names and corrections). The member is
 * checked before anything is answered, so another 居民区's member reads as not found.
 */
export async function memberLedger(input: In<'memberLedger'>, { identity }: CallContext): Out<'memberLedger'> {
  const caller = await committee(identity, 'ledger.viewMembers');
  const [member, { rows, hasMore }, totals] = await Promise.all([
    findMember(input.memberId),
    q.entriesPage(input.memberId, input.page),
    balanceOf(input.memberId),
  ]);
  ensureSameCommunity(caller, member);
  return { member: { memberId: input.memberId, name: member!.name }, items: await viewsOf(rows), page: input.page, hasMore, totals };
}

/**
 * A posted entry as the page shows it, with the member's new totals: one round trip (the balance) for an entry the
 * caller just posted; for one posted before, also who posted it and whether it was corrected since (in parallel).
 */
async function answer(caller: Caller, entry: LedgerEntryDoc, created: boolean): Promise<ActionOutput<A['award']>> {
  const viewOf = created
    ? Promise.resolve(toEntryView(entry, new Map(caller.record ? [[caller.memberId, caller.record]] : []), new Set()))
    : viewsOf([entry]).then(([view]) => view!);
  const [view, totals] = await Promise.all([viewOf, balanceOf(entry.memberId)]);
  return { entry: view, created, totals };
}

/**
 * Round trips: 2 (caller; the member) + the content check + postEntry (5 + commit) + 1 (the new balance; 2 in parallel for a repeat). The same
 * request id posts once; reused for another member or 居民区 it is refused and nothing changes.
 */
export async function award(input: In<'award'>, { identity }: CallContext): Out<'award'> {
  const caller = await committee(identity, 'ledger.award');
  const member = ensureSameCommunity(caller, await findMember(input.memberId));
  if (member.deletedAt || member.application.status !== 'approved') throw new AppError('LEDGER.NOT_A_MEMBER');
  await ensurePublishable(identity, [input.reason]);
  const entry: NewEntry = {
    key: `req:${input.requestId}`,
    communityId: caller.communityId,
    memberId: member._id,
    halfHours: input.halfHours,
    points: input.points,
    source: 'manual',
    sourceId: null,
    reason: input.reason,
    by: caller.memberId,
    at: clock().now(),
  };
  const posted = await postEntry(entry);
  const same = posted.entry.memberId === entry.memberId && posted.entry.communityId === entry.communityId && posted.entry.source === 'manual';
  if (!posted.created && !same) throw new AppError('LEDGER.REQUEST_REUSED');
  return answer(caller, posted.entry, posted.created);
}

/**
 * A reversing entry with negated amounts. Its key comes from the reversed entry, so however often or concurrently
 * asked, an entry is corrected once (a repeat answers that correction, `created: false`). Round trips: 2 (caller;
 * the entry) + the content check + postEntry (5 + commit) + 1 (the new balance; 2 in parallel for a repeat).
 */
export async function correct(input: In<'correct'>, { identity }: CallContext): Out<'correct'> {
  const caller = await committee(identity, 'ledger.correct');
  const original = ensureSameCommunity(caller, await q.findEntry(input.entryId));
  if (original.source === 'correction' || original.reverses) throw new AppError('LEDGER.CORRECTION_NOT_CORRECTABLE');
  if (original.source === 'redemption') throw new AppError('LEDGER.REDEMPTION_NOT_CORRECTABLE');
  await ensurePublishable(identity, [input.reason]);
  const reversal: NewEntry = {
    key: correctionKey(original._id),
    communityId: original.communityId,
    memberId: original.memberId,
    // `|| 0` keeps a zero a zero (never -0) in the stored sums.
    halfHours: -original.halfHours || 0,
    points: -original.points || 0,
    source: 'correction',
    sourceId: original._id,
    reason: input.reason,
    by: caller.memberId,
    at: clock().now(),
    // The reversal belongs to the day the reversed service was given, so that day's total on a certificate nets out.
    servedOn: servedDayOf(original),
    reverses: original._id,
  };
  try {
    // Points already spent cannot be taken back: the balance never goes below zero.
    const posted = await postEntry(reversal, { floorPoints: 0 });
    return answer(caller, posted.entry, posted.created);
  } catch (err) {
    if (err instanceof AppError && err.code === 'LEDGER.INSUFFICIENT_POINTS') throw new AppError('LEDGER.CORRECTION_BELOW_ZERO');
    throw err;
  }
}

/** Round trips: 1 (caller) + 2 per 1000 members of the 居民区 (the paged audit) + 1 for names when there is drift. */
export async function audit(_input: In<'audit'>, { identity }: CallContext): Out<'audit'> {
  const caller = await committee(identity, 'ledger.audit');
  const { members: count, drift } = await auditBalances(caller.communityId);
  const people = await findPeople(drift.map((d) => d.memberId));
  return { members: count, drift: drift.map((d) => ({ ...d, name: nameOf(people, d.memberId) })) };
}
