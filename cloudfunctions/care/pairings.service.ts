import {
  buildingDistance,
  MAX_ELDERS_PER_VOLUNTEER,
  MAX_VOLUNTEERS_PER_ELDER,
  NEED_SKILLS,
  addDays,
  nearbyBuildings,
  planText,
  scoreCandidate,
  type SuggestionView,
} from '../../src/shared/domain/care';
import { visibleTo } from '../../src/shared/domain/talent';
import type { Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { findMember } from '../_core/member-record';
import { toPage } from '../_core/paging';
import type { CallContext } from '../_core/router';
import { inTransaction } from '../_core/transaction';
import type { ElderDoc, PairingDoc } from './care.model';
import * as q from './care.queries';
import type { In, Out } from './care.types';
import { isStaff, toPairingView } from './care.views';
import { checkVisible, idOf, residentCaller, shanghaiDay } from './common';
import { planPairing } from './plan';
import { pairedMessage, tell, untoldOf } from './tell';

/** How many suggestions the grid leader is shown. */
const SUGGESTIONS = 10;
/** Buildings either side of the elder's the suggestions look in. */
const REACH = 3;
/** The most candidates each of the four reads brings back. */
const READ_LIMIT = 200;

/**
 * Volunteers for an elder: approved members of the elder's building, of the nearest buildings, of the elder's grid
 * and with skills the needs ask for (four reads side by side), scored by distance, skills, free times and load (`scoreCandidate`), leaving
 * out anyone at the load limit, the elder's own record and volunteers already paired with them. Only what the
 * volunteer lets leaders see (the talent pool's visibility) is scored or shown.
 * Round trips: 2 (caller and elder side by side; the four member reads and the loads side by side), whatever the
 * size of the 居民区.
 */
export async function suggest(input: In<'suggest'>, { identity }: CallContext): Out<'suggest'> {
  const [caller, found] = await Promise.all([residentCaller(identity), q.findElder(input.elderId)]);
  const { elder, standing } = checkVisible(caller, found);
  if (!isStaff(standing)) throw new AppError('COMMON.FORBIDDEN');
  const skills = [...new Set(elder.needs.flatMap((n) => NEED_SKILLS[n]))];
  const viewer = standing.committee ? 'committee' : 'leader';
  const [same, near, grid, skilled, loads] = await Promise.all([
    // The elder's own building apart: a busy neighbourhood must not crowd it out of the nearby read's limit.
    q.membersIn(elder.communityId, elder.building ? [elder.building] : [], READ_LIMIT),
    q.membersIn(elder.communityId, nearbyBuildings(elder.building, REACH).filter((b) => b !== elder.building), READ_LIMIT),
    elder.gridId ? q.membersOfGrid(elder.communityId, elder.gridId, READ_LIMIT) : Promise.resolve([]),
    q.membersWithSkills(elder.communityId, skills, viewer, READ_LIMIT),
    q.loadsOf(elder.communityId),
  ]);
  const seen = new Set<string>();
  const items: SuggestionView[] = [];
  for (const m of [...same, ...near, ...grid, ...skilled]) {
    if (seen.has(m._id)) continue;
    seen.add(m._id);
    const load = loads.get(m._id) ?? 0;
    if (m._id === elder.memberId || elder.volunteerIds.includes(m._id) || load >= MAX_ELDERS_PER_VOLUNTEER) continue;
    const shownSkills = visibleTo(m.visibility?.skills, viewer) ? (m.skills ?? []) : [];
    const shownTimes = visibleTo(m.visibility?.availability, viewer) ? (m.availability ?? []) : [];
    const s = scoreCandidate({ distance: buildingDistance(elder.building, m.building), sameGrid: !!elder.gridId && m.gridId === elder.gridId, skills: shownSkills, availability: shownTimes, load }, elder.needs, elder.preferredTimes);
    items.push({ memberId: m._id, name: m.name, building: m.building, score: s.score, reasons: s.reasons, skills: s.matchedSkills, times: s.matchedTimes, load });
  }
  items.sort((a, b) => b.score - a.score || a.load - b.load || (a.memberId < b.memberId ? -1 : 1));
  return { items: items.slice(0, SUGGESTIONS) };
}

/** A pairing's view with its elder and volunteer. One round trip (the volunteer's name). */
async function pairingView(caller: Caller, p: PairingDoc, elder: Pick<ElderDoc, 'name' | 'building'>, staff: boolean) {
  const people = await q.peopleOf([p.volunteerId]);
  return { pairing: toPairingView(caller, p, elder, people.get(p.volunteerId), staff) };
}

/**
 * One transaction: the pairing (under an id from the leader and the request id) and the elder's volunteer list, which
 * holds at most two and never the same volunteer twice, under any race; the invitation to the volunteer is written
 * with it and told through the outbox after. The volunteer's load is checked before (a read of their open pairings):
 * two leaders asking the same volunteer at the same instant may pass it together (documented in docs/care.md).
 * Round trips: 1 (caller) + 1 (elder) + 1 (volunteer and load side by side) + the content check + the transaction
 * (2 reads, 2 writes, commit) + the outbox's + 1 (mark) + 1 (name).
 */
export async function pair(input: In<'pair'>, { identity }: CallContext): Out<'pair'> {
  const caller = await residentCaller(identity);
  const { elder, standing } = checkVisible(caller, await q.findElder(input.elderId));
  if (!isStaff(standing)) throw new AppError('COMMON.FORBIDDEN');
  const id = idOf('cp', caller.memberId, input.requestId);
  const existing = await q.findPairing(id);
  if (existing) {
    if (existing.proposedBy !== caller.memberId || existing.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
    await tell(COLLECTIONS.carePairings, existing);
    return pairingView(caller, (await q.findPairing(id))!, elder, true);
  }
  const [volunteer, load] = await Promise.all([findMember(input.volunteerId), q.loadOf(input.volunteerId)]);
  if (!volunteer || volunteer.deletedAt || volunteer.communityId !== elder.communityId || volunteer.application.status !== 'approved' || volunteer._id === elder.memberId) {
    throw new AppError('CARE.VOLUNTEER_NOT_FOUND');
  }
  if (elder.volunteerIds.includes(volunteer._id)) throw new AppError('CARE.ALREADY_PAIRED');
  if (elder.volunteerIds.length >= MAX_VOLUNTEERS_PER_ELDER) throw new AppError('CARE.ELDER_FULL');
  if (load >= MAX_ELDERS_PER_VOLUNTEER) throw new AppError('CARE.VOLUNTEER_BUSY');
  if (input.note) await ensurePublishable(identity, [input.note]);
  const now = clock().now();
  const doc: PairingDoc = {
    _id: id,
    communityId: elder.communityId,
    elderId: elder._id,
    gridId: elder.gridId,
    volunteerId: volunteer._id,
    state: 'proposed',
    plan: { weekdays: [...input.plan.weekdays].sort((a, b) => a - b), everyWeeks: input.plan.everyWeeks },
    note: input.note,
    proposedBy: caller.memberId,
    proposedAt: now,
    acceptedAt: null,
    anchorDay: null,
    plannedThrough: null,
    missedInRow: 0,
    lastLoggedAt: null,
    endedAt: null,
    endedBy: null,
    endReason: '',
    updatedAt: now,
    ...untoldOf([pairedMessage({ _id: id, volunteerId: volunteer._id }, elder.name, planText(input.plan))], `care-pair:${id}`, now),
  };
  const saved = await inTransaction(async (tx) => {
    const pRef = tx.collection(COLLECTIONS.carePairings).doc(id);
    const eRef = tx.collection(COLLECTIONS.careElders).doc(elder._id);
    const [pRes, eRes] = await Promise.all([pRef.get(), eRef.get()]);
    if (pRes.data) return { ...(pRes.data as PairingDoc), _id: id };
    const e = eRes.data as ElderDoc | null;
    if (!e || e.removedAt) throw new AppError('COMMON.NOT_FOUND');
    if (e.volunteerIds.includes(volunteer._id)) throw new AppError('CARE.ALREADY_PAIRED');
    if (e.volunteerIds.length >= MAX_VOLUNTEERS_PER_ELDER) throw new AppError('CARE.ELDER_FULL');
    const { _id, ...rest } = doc;
    await pRef.set(rest);
    await eRef.update({ volunteerIds: [...e.volunteerIds, volunteer._id], updatedAt: now });
    return doc;
  });
  await tell(COLLECTIONS.carePairings, saved);
  return pairingView(caller, { ...saved, untold: [], untoldKey: null, untoldAt: null }, elder, true);
}

/**
 * The volunteer accepts or declines: one transaction moves the pairing from proposed and the elder's lists with it
 * (accepting adds them to who may see the health notes; declining frees the place). Asking again for what is already
 * so answers ok. After accepting, the plan makes its first visits (idempotent; the timer would too).
 * Round trips: 1 (caller) + 1 (pairing) + the transaction (2 reads, 2 writes, commit) [+ the plan's inserts and mark]
 * + 1 (elder) + 1 (name).
 */
export async function respond(input: In<'respond'>, { identity }: CallContext): Out<'respond'> {
  const caller = await residentCaller(identity);
  const found = await q.findPairing(input.pairingId);
  if (!found || found.communityId !== caller.communityId || found.volunteerId !== caller.memberId) throw new AppError('COMMON.NOT_FOUND');
  const wanted = input.accept ? 'active' : 'declined';
  const now = clock().now();
  const today = shanghaiDay(now);
  const p = await inTransaction(async (tx) => {
    const pRef = tx.collection(COLLECTIONS.carePairings).doc(found._id);
    const eRef = tx.collection(COLLECTIONS.careElders).doc(found.elderId);
    const [pRes, eRes] = await Promise.all([pRef.get(), eRef.get()]);
    const cur = { ...(pRes.data as PairingDoc), _id: found._id };
    if (cur.state === wanted) return cur;
    if (cur.state !== 'proposed') throw new AppError('CARE.WRONG_STATE');
    const e = eRes.data as ElderDoc;
    const patch: Partial<PairingDoc> = input.accept
      ? { state: 'active', acceptedAt: now, anchorDay: today, plannedThrough: addDays(today, -1), updatedAt: now }
      : { state: 'declined', endedAt: now, endedBy: caller.memberId, updatedAt: now };
    await pRef.update(patch);
    await eRef.update(
      input.accept
        ? { activeVolunteerIds: [...e.activeVolunteerIds.filter((v) => v !== caller.memberId), caller.memberId], updatedAt: now }
        : { volunteerIds: e.volunteerIds.filter((v) => v !== caller.memberId), updatedAt: now },
    );
    return { ...cur, ...patch } as PairingDoc;
  });
  if (p.state === 'active') await planPairing(p, today, now);
  const elder = await q.findElder(p.elderId);
  return pairingView(caller, p, elder ?? { name: '', building: '' }, false);
}

/**
 * Ends a proposed or active pairing (the grid leader or committee of the elder, or the volunteer): one transaction
 * moves the pairing and the elder's lists; then its coming due visits are cancelled (one write; a retry or the
 * missed-visit timer, which cancels the due visits of a pairing no longer active, finishes what a crash left).
 * Round trips: 1 (caller) + 1 (pairing) + 1 (elder) + the transaction (2 reads, 2 writes, commit) + 1 + 1 (name).
 */
export async function endPairing(input: In<'endPairing'>, { identity }: CallContext): Out<'endPairing'> {
  const caller = await residentCaller(identity);
  const found = await q.findPairing(input.pairingId);
  if (!found || found.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
  const elderDoc = await q.findElder(found.elderId);
  const mine = found.volunteerId === caller.memberId;
  let staff = false;
  if (!mine) staff = isStaff(checkVisible(caller, elderDoc).standing);
  if (!mine && !staff) throw new AppError('COMMON.NOT_FOUND');
  const now = clock().now();
  const p = await inTransaction(async (tx) => {
    const pRef = tx.collection(COLLECTIONS.carePairings).doc(found._id);
    const eRef = tx.collection(COLLECTIONS.careElders).doc(found.elderId);
    const [pRes, eRes] = await Promise.all([pRef.get(), eRef.get()]);
    const cur = { ...(pRes.data as PairingDoc), _id: found._id };
    if (cur.state === 'ended') return cur;
    if (cur.state !== 'proposed' && cur.state !== 'active') throw new AppError('CARE.WRONG_STATE');
    const e = eRes.data as ElderDoc;
    const patch: Partial<PairingDoc> = { state: 'ended', endedAt: now, endedBy: caller.memberId, endReason: input.reason, updatedAt: now };
    await pRef.update(patch);
    await eRef.update({ volunteerIds: e.volunteerIds.filter((v) => v !== cur.volunteerId), activeVolunteerIds: e.activeVolunteerIds.filter((v) => v !== cur.volunteerId), updatedAt: now });
    return { ...cur, ...patch } as PairingDoc;
  });
  await q.updateIf(COLLECTIONS.careVisits, { pairingId: p._id, state: 'due' }, { state: 'cancelled', updatedAt: now });
  return pairingView(caller, p, elderDoc ?? { name: '', building: '' }, staff);
}

/** Round trips: 1 (caller) + 1 (page) + 1 (elders and the caller's name side by side). */
export async function myPairings(input: In<'myPairings'>, { identity }: CallContext): Out<'myPairings'> {
  const caller = await residentCaller(identity);
  const page = toPage(await q.pairingsOfVolunteer(caller.memberId, input.page));
  const [elders, people] = await Promise.all([q.eldersByIds(page.rows.map((p) => p.elderId)), q.peopleOf([caller.memberId])]);
  return { items: page.rows.map((p) => toPairingView(caller, p, elders.get(p.elderId), people.get(caller.memberId), false)), page: input.page, hasMore: page.hasMore };
}
