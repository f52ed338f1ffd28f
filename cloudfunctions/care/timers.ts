import { MISSED_IN_ROW_TELLS_LEADER } from '../../src/shared/domain/care';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import type { OnceMessage } from '../_core/message-outbox';
import { inTransaction } from '../_core/transaction';
import type { ElderDoc, PairingDoc, VisitDoc } from './care.model';
import * as q from './care.queries';
import { shanghaiDay } from './common';
import { postVisitHours } from './hours';
import { horizonOf, planPairing } from './plan';
import { missedMessage, tell, untoldOf } from './tell';

/**
 * The `care-visits` timer: every step is idempotent, so a run killed anywhere is finished by the next, and two runs
 * at once do nothing twice.
 * 1. plan: active pairings make their due visits through the horizon (plan.ts: deterministic ids, then a mark);
 * 2. missed: due visits whose day is over become missed, each in one transaction with its pairing's missed-in-a-row,
 *    the volunteer told and, at two in a row, the grid leader (messages written with the change, told after);
 * 3. confirm: logged visits nobody challenged in 72 hours post their hours (hours.ts, once per visit);
 * 4. tell: messages a dead call or run left behind.
 * Each step takes a batch per run; the counts say how much was done.
 */

/** Documents one step handles per run at most (the next run takes the rest). */
export const BATCH = 250;
/** How many documents a step works on at once. */
const PARALLEL = 8;
/** A call's own messages are its to tell for this long; then the timer tells them. */
const UNTOLD_GRACE_MS = 60_000;

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  let errors = 0;
  const runner = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (err) {
        // One document that fails is left for the next run; the rest go on.
        errors += 1;
        console.error('care timer:', err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, runner));
  return errors;
}

export async function planVisits(now: Date): Promise<{ planned: number; visitsMade: number }> {
  const today = shanghaiDay(now);
  const due = await q.pairingsToPlan(horizonOf(today), BATCH);
  let visitsMade = 0;
  await eachLimited(due, async (p) => {
    visitsMade += await planPairing(p, today, now);
  });
  return { planned: due.length, visitsMade };
}

/** Whom a missed visit tells: the volunteer always; the grid's leader (or the committee) at two in a row. */
function missedMessages(v: VisitDoc, elderName: string, inRow: number, leaders: readonly string[]): OnceMessage[] {
  const out = [missedMessage(v._id, v.volunteerId, elderName, v.day, '这次探访没有记录，方便时请补记或联系微格长')];
  if (inRow === MISSED_IN_ROW_TELLS_LEADER) for (const id of leaders) out.push(missedMessage(v._id, id, elderName, v.day, `志愿者已连续${inRow}次未探访，请关心一下`));
  return out;
}

/**
 * One missed visit: a transaction reads the visit and its pairing; a visit no longer due is left alone (a rerun, or
 * the volunteer logged it meanwhile); a pairing no longer active cancels it; otherwise the visit becomes missed and
 * the pairing's count moves by one, with the messages. Round trips: the transaction (2 reads, 2 writes, commit) + the
 * outbox's and a mark.
 */
async function markMissed(v: VisitDoc, elder: ElderDoc | undefined, leaders: readonly string[], now: Date): Promise<'missed' | 'cancelled' | 'skipped'> {
  const result = await inTransaction(async (tx) => {
    const vRef = tx.collection(COLLECTIONS.careVisits).doc(v._id);
    const pRef = tx.collection(COLLECTIONS.carePairings).doc(v.pairingId);
    const [vRes, pRes] = await Promise.all([vRef.get(), pRef.get()]);
    const cur = vRes.data as VisitDoc | null;
    if (!cur || cur.state !== 'due') return { outcome: 'skipped' as const, doc: null };
    const p = pRes.data as PairingDoc | null;
    if (!p || p.state !== 'active' || !elder || elder.removedAt) {
      await vRef.update({ state: 'cancelled', updatedAt: now });
      return { outcome: 'cancelled' as const, doc: null };
    }
    const inRow = p.missedInRow + 1;
    // Dated a grace period back: no call will tell these, so a rerun after a crash tells them at once.
    const untold = untoldOf(missedMessages(v, elder.name, inRow, leaders), `care-missed:${v._id}`, new Date(now.getTime() - UNTOLD_GRACE_MS));
    await vRef.update({ state: 'missed', missedAt: now, updatedAt: now, ...untold });
    await pRef.update({ missedInRow: inRow, updatedAt: now });
    return { outcome: 'missed' as const, doc: { ...v, ...untold } };
  });
  if (result.doc) await tell(COLLECTIONS.careVisits, result.doc);
  return result.outcome;
}

export async function markMissedVisits(now: Date): Promise<{ missed: number; cancelled: number; errors: number }> {
  const due = await q.visitsPastDue(shanghaiDay(now), BATCH);
  if (due.length === 0) return { missed: 0, cancelled: 0, errors: 0 };
  // The batch's elders and their grids' leaders: two reads for the whole batch.
  const elders = await q.eldersByIds(due.map((v) => v.elderId));
  const communities = [...new Set(due.map((v) => v.communityId))];
  const leadersOf = new Map<string, string[]>();
  await Promise.all(
    communities.map(async (c) => {
      const [grids, committee] = await Promise.all([q.gridsOf(c), q.committeeOf(c)]);
      for (const g of grids) leadersOf.set(`${c}:${g._id}`, g.leaderMemberId ? [g.leaderMemberId] : committee);
      leadersOf.set(`${c}:`, committee);
    }),
  );
  let missed = 0;
  let cancelled = 0;
  // One pairing's visits in day order, one after another: its count moves in the order the days passed.
  const byPairing = new Map<string, VisitDoc[]>();
  for (const v of due) byPairing.set(v.pairingId, [...(byPairing.get(v.pairingId) ?? []), v]);
  const errors = await eachLimited([...byPairing.values()], async (visits) => {
    for (const v of visits) {
      const outcome = await markMissed(v, elders.get(v.elderId), leadersOf.get(`${v.communityId}:${v.gridId ?? ''}`) ?? [], now);
      if (outcome === 'missed') missed += 1;
      if (outcome === 'cancelled') cancelled += 1;
    }
  });
  return { missed, cancelled, errors };
}

export async function autoConfirm(now: Date): Promise<{ confirmed: number; errors: number }> {
  const due = await q.visitsToAutoConfirm(now, BATCH);
  let confirmed = 0;
  const errors = await eachLimited(due, async (v) => {
    await postVisitHours(v, v.log?.by ?? v.volunteerId, v.log?.minutes ?? 0, now);
    confirmed += 1;
  });
  return { confirmed, errors };
}

export async function tellLeftBehind(now: Date): Promise<{ told: number }> {
  const before = new Date(now.getTime() - UNTOLD_GRACE_MS);
  const [pairings, visits] = await Promise.all([
    q.untoldIn<PairingDoc>(COLLECTIONS.carePairings, before, BATCH),
    q.untoldIn<VisitDoc>(COLLECTIONS.careVisits, before, BATCH),
  ]);
  await eachLimited(pairings, (p) => tell(COLLECTIONS.carePairings, p));
  await eachLimited(visits, (v) => tell(COLLECTIONS.careVisits, v));
  return { told: pairings.length + visits.length };
}

/** The whole run, step after step. */
export async function runCareTimer(now: Date = clock().now()): Promise<Record<string, number>> {
  const plan = await planVisits(now);
  const missed = await markMissedVisits(now);
  const confirm = await autoConfirm(now);
  const told = await tellLeftBehind(now);
  return { ...plan, ...missed, confirmed: confirm.confirmed, errors: missed.errors + confirm.errors, ...told };
}
