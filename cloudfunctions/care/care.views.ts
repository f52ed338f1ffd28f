import {
  isStale,
  planText,
  type CarePersonView,
  type ElderSummaryView,
  type ElderView,
  type PairingView,
  type VisitView,
} from '../../src/shared/domain/care';
import { maskPhone } from '../../src/shared/domain/member';
import type { Caller } from '../_core/caller';
import { can } from '../_core/authorize';
import type { ElderDoc, PairingDoc, VisitDoc } from './care.model';

/**
 * How the caller stands to one elder, which decides every sensitive field: the committee sees everything unmasked;
 * the leader of the elder's grid sees health notes and family (phones masked); a volunteer sees them only while
 * their pairing is active; a volunteer asked (proposed) sees who and where; anyone else sees nothing (not found).
 */
export interface Standing {
  committee: boolean;
  leader: boolean;
  activeVolunteer: boolean;
  volunteer: boolean;
}

export function standingOf(caller: Caller, elder: ElderDoc): Standing {
  const target = { communityId: elder.communityId, gridId: elder.gridId };
  const committee = caller.roles.includes('committee') && can(caller, 'care.manage', { communityId: elder.communityId });
  const leader = !committee && can(caller, 'care.manage', target);
  return {
    committee,
    leader,
    activeVolunteer: elder.activeVolunteerIds.includes(caller.memberId),
    volunteer: elder.volunteerIds.includes(caller.memberId),
  };
}

export const isStaff = (s: Standing) => s.committee || s.leader;
export const maySee = (s: Standing) => isStaff(s) || s.volunteer;
export const maySeeSensitive = (s: Standing) => isStaff(s) || s.activeVolunteer;

const phoneFor = (s: Standing, phone: string) => (s.committee ? phone : maskPhone(phone));
const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toElderView(s: Standing, e: ElderDoc, gridName: string, today: string): ElderView {
  const view: ElderView = {
    id: e._id,
    name: e.name,
    building: e.building,
    room: e.room,
    gridId: e.gridId,
    gridName,
    phone: phoneFor(s, e.phone),
    needs: e.needs,
    frequency: e.frequency,
    preferredTimes: e.preferredTimes,
    consent: { at: iso(e.consent.at)!, by: isStaff(s) ? e.consent.by : '', note: e.consent.note },
    memberId: isStaff(s) ? e.memberId : null,
    lastVisitDay: e.lastVisitDay,
    stale: isStale(e.lastVisitDay, today),
    activeVolunteers: e.activeVolunteerIds.length,
    openPairings: e.volunteerIds.length,
    version: e.version,
    registeredAt: iso(e.createdAt)!,
    may: { edit: isStaff(s), pair: isStaff(s), remove: s.committee },
  };
  if (maySeeSensitive(s)) {
    view.healthNotes = e.healthNotes;
    view.family = { name: e.family.name, relation: e.family.relation, phone: phoneFor(s, e.family.phone) };
  }
  return view;
}

export function toElderSummary(e: ElderDoc, gridName: string, today: string): ElderSummaryView {
  return {
    id: e._id,
    name: e.name,
    building: e.building,
    gridName,
    needs: e.needs,
    lastVisitDay: e.lastVisitDay,
    stale: isStale(e.lastVisitDay, today),
    activeVolunteers: e.activeVolunteerIds.length,
  };
}

export type Person = { _id: string; name: string; building: string; phone: string };

export function personView(caller: Caller, id: string, p: Person | undefined): CarePersonView {
  const committee = caller.roles.includes('committee');
  return { memberId: id, name: p?.name ?? '', building: p?.building ?? '', phone: committee ? (p?.phone ?? '') : maskPhone(p?.phone ?? '') };
}

export function toPairingView(caller: Caller, p: PairingDoc, elder: Pick<ElderDoc, 'name' | 'building'> | undefined, volunteer: Person | undefined, staff: boolean): PairingView {
  const mine = p.volunteerId === caller.memberId;
  const open = p.state === 'proposed' || p.state === 'active';
  return {
    id: p._id,
    elderId: p.elderId,
    elderName: elder?.name ?? '',
    elderBuilding: elder?.building ?? '',
    volunteer: personView(caller, p.volunteerId, volunteer),
    state: p.state,
    plan: p.plan,
    planText: planText(p.plan),
    missedInRow: p.missedInRow,
    proposedAt: iso(p.proposedAt)!,
    acceptedAt: iso(p.acceptedAt),
    endedAt: iso(p.endedAt),
    note: p.note,
    may: { respond: mine && p.state === 'proposed', end: open && (mine || staff) },
  };
}

export function toVisitView(v: VisitDoc, elderName: string, volunteerName: string, may: { mine: boolean; staff: boolean; now: Date }): VisitView {
  const open = v.state === 'logged' || v.state === 'challenged';
  return {
    id: v._id,
    pairingId: v.pairingId,
    elderId: v.elderId,
    elderName,
    volunteerName,
    day: v.day,
    state: v.state,
    log: v.log ? { at: iso(v.log.at)!, minutes: v.log.minutes, done: v.log.done, mood: v.log.mood, note: v.log.note, concern: v.log.concern } : null,
    halfHours: v.halfHours,
    confirmAfter: iso(v.confirmAfter),
    challengeReason: v.challengeReason,
    may: {
      log: may.mine && (v.state === 'due' || v.state === 'missed'),
      confirm: may.staff && open,
      challenge: may.staff && v.state === 'logged' && !!v.confirmAfter && may.now < new Date(v.confirmAfter),
    },
  };
}
