import type { CabinView, PersonView } from '../../src/shared/domain/cabin';
import { isOverdue, resolveRules } from '../../src/shared/rules/cabin-loans';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { canDesk, canManage, canSetup, viewableCabin } from './access';
import { cabinOpenStates, shortId, type CabinDoc, type ShiftDoc } from './cabin.model';
import * as q from './cabin.queries';
import type { In, Out } from './cabin.types';

function toCabinView(cabin: CabinDoc, caller: Caller, now: Date, onDuty: ShiftDoc[]): CabinView {
  const states = cabinOpenStates(cabin, now);
  const manage = canManage(caller, cabin);
  const people = (ids: string[]): PersonView[] => cabin.staff.filter((p) => ids.includes(p.memberId));
  return {
    id: cabin._id,
    name: cabin.name,
    place: cabin.place,
    openState: states.cabin,
    description: cabin.description,
    hours: cabin.hours,
    closures: cabin.closures,
    sections: states.sections,
    onDuty: onDuty.map((s) => ({ memberId: s.memberId, name: s.memberName })),
    canManage: manage,
    canDesk: canDesk(caller, cabin),
    canSetup: canSetup(caller, cabin),
    ...(manage ? { keepers: people(cabin.keeperIds), volunteers: people(cabin.volunteerIds) } : {}),
  };
}

/** Round trips: 1 (caller) + 1 (cabins, own open loans and live holds side by side). */
export async function home(_input: In<'home'>, { identity }: CallContext): Out<'home'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'cabin.view', { communityId: caller.communityId });
  const [cabins, openLoans, holds] = await Promise.all([q.cabinsOf(caller.communityId!), q.openLoansOf(caller.memberId), q.countLiveHolds(caller.memberId)]);
  const now = clock().now();
  return {
    cabins: cabins.map((c) => ({ id: c._id, name: c.name, place: c.place, openState: cabinOpenStates(c, now).cabin })),
    myOpenLoans: openLoans.length,
    myOverdue: openLoans.filter((l) => isOverdue(l.dueAt, now)).length,
    myHolds: holds,
    canManage: cabins.some((c) => canManage(caller, c)),
    canDesk: cabins.some((c) => canDesk(caller, c)),
    canSetup: canSetup(caller, { communityId: caller.communityId! }),
  };
}

/** Round trips: 1 (caller) + 1 (cabin) + 1 (who is on duty). */
export async function cabin(input: In<'cabin'>, { identity }: CallContext): Out<'cabin'> {
  const caller = await loadCaller(identity);
  const found = await viewableCabin(caller, input.cabinId);
  const now = clock().now();
  return { cabin: toCabinView(found, caller, now, await q.onDuty(found._id, now)) };
}

/**
 * Round trips: 1 (caller) + 1 (the cabin: added once per request id, or read) + 1 (items in dropped sections) + 1
 * (changed) + 1 (on duty); plus the content check. One write (a new cabin's id comes from the request id): a retry
 * adds nothing twice.
 */
export async function saveCabin(input: In<'saveCabin'>, { identity }: CallContext): Out<'saveCabin'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'cabin.setup', { communityId: caller.communityId });
  const c = input.cabin;
  await ensurePublishable(identity, [c.name, c.place, c.description, ...c.sections.map((s) => s.name), ...c.closures.map((x) => x.reason)]);
  const now = clock().now();
  const fields = { name: c.name, place: c.place, description: c.description, hours: c.hours, sections: c.sections, closures: c.closures, updatedAt: now };
  let saved: CabinDoc;
  if (input.cabinId) {
    const found = ensureSameCommunity(caller, await q.findCabin(input.cabinId));
    const dropped = found.sections.filter((s) => !c.sections.some((x) => x.key === s.key)).map((s) => s.key);
    if ((await q.countInSections(found._id, dropped)) > 0) throw new AppError('CABIN.SECTION_IN_USE');
    await q.updateCabinIf(found._id, { communityId: found.communityId }, fields);
    saved = { ...found, ...fields };
  } else {
    // A short id (10 characters), so a shelf label's scene `s=<cabinId>.<sectionKey>` fits WeChat's 32.
    const doc: CabinDoc = { _id: shortId('cb', caller.communityId!, input.requestId).slice(0, 10), communityId: caller.communityId!, ...fields, keeperIds: [], volunteerIds: [], staff: [], createdAt: now };
    saved = (await q.insertCabin(doc)) ? doc : ensureSameCommunity(caller, await q.findCabin(doc._id));
  }
  return { cabin: toCabinView(saved, caller, now, await q.onDuty(saved._id, now)) };
}

/** Round trips: 1 (caller) + 1 (cabin) + 1 (the people by phone) + 1 (saved) + 1 (on duty). One write, of whole lists: a retry writes the same. */
export async function setStaff(input: In<'setStaff'>, { identity }: CallContext): Out<'setStaff'> {
  const caller = await loadCaller(identity);
  const found = await viewableCabin(caller, input.cabinId);
  authorize(caller, 'cabin.setup', { communityId: found.communityId });
  const phones = [...new Set([...input.keeperPhones, ...input.volunteerPhones])];
  const people = await q.membersByPhone(found.communityId, phones);
  const byPhone = new Map(people.map((p) => [p.phone, p]));
  for (const phone of phones) {
    const person = byPhone.get(phone);
    if (!person) throw new AppError('CABIN.PERSON_NOT_FOUND', { phones: `没有找到手机号为 ${phone} 的居民` });
    if (person.application?.status !== 'approved') throw new AppError('CABIN.NOT_A_MEMBER', { phones: `${person.name}还不是梯队成员` });
  }
  const idsOf = (list: string[]) => list.map((p) => byPhone.get(p)!._id);
  const patch = {
    keeperIds: idsOf(input.keeperPhones),
    volunteerIds: idsOf(input.volunteerPhones),
    staff: phones.map((p) => ({ memberId: byPhone.get(p)!._id, name: byPhone.get(p)!.name })),
    updatedAt: clock().now(),
  };
  await q.updateCabinIf(found._id, { communityId: found.communityId }, patch);
  const now = clock().now();
  return { cabin: toCabinView({ ...found, ...patch }, caller, now, await q.onDuty(found._id, now)) };
}

/** Round trips: 2. */
export async function rules(_input: In<'rules'>, { identity }: CallContext): Out<'rules'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'cabin.view', { communityId: caller.communityId });
  return resolveRules(await q.findRules(caller.communityId!));
}

/** Round trips: 2. One write of the whole rules: a retry writes the same. */
export async function setRules(input: In<'setRules'>, { identity }: CallContext): Out<'setRules'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'cabin.setup', { communityId: caller.communityId });
  await q.saveRules({ _id: caller.communityId!, communityId: caller.communityId!, ...input.rules, updatedBy: caller.memberId, updatedAt: clock().now() });
  return resolveRules(input.rules);
}
