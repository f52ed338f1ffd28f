import type { ApplicationStatus, Visibility } from '../../src/shared/domain/member';
import { maskPhone } from '../../src/shared/domain/member';
import type { BuildingPairView, GridColour, GridView, PersonRef, RosterRow } from '../../src/shared/domain/grid';
import { visibleTo, type TalentViewer } from '../../src/shared/domain/talent';

/** A micro-grid as stored in `grids`. */
export interface GridDoc {
  _id: string;
  communityId: string;
  name: string;
  /** In normal form (normalizeBuilding); each also claimed in `grid_buildings`. */
  buildings: string[];
  order: number;
  /** 微格长; the member's `leadsGridIds` lists this grid too (grids.service keeps them in step). */
  leaderMemberId: string | null;
  /** Bumped by every change of `buildings`, which is guarded on it. */
  version: number;
  /** The buildings the last change added and removed, written with it: a retry completes its residents' moves. */
  lastChange?: { added: string[]; removed: string[] };
}

/** `grid_buildings`: the claim that makes a building belong to at most one grid of a 居民区. */
export interface BuildingClaimDoc {
  _id: string;
  communityId: string;
  building: string;
  gridId: string;
}

/** `grid_chiefs`: the 总格长 of a 居民区. */
export interface ChiefDoc {
  _id: string;
  communityId: string;
  memberId: string;
  since: Date;
  by: string;
}

/** `member_colours` (`_id` = the member's): 微格分色, sensitive, never on the member record. */
export interface ColourDoc {
  _id: string;
  memberId: string;
  communityId: string;
  colour: GridColour;
  setBy: string;
  setAt: Date;
}

/** `building_pairs` (`_id` = communityId:building): 双楼长. */
export interface PairDoc {
  _id: string;
  communityId: string;
  building: string;
  groupLeaderMemberId: string | null;
  partnerMemberId: string | null;
  updatedAt: Date;
}

/** The fields of a member a roster row or a name needs (the query projects to these). */
export interface RosterMemberDoc {
  _id: string;
  name: string;
  building: string;
  room: string;
  phone: string;
  skills: string[];
  visibility?: Partial<Visibility>;
  application: { status: ApplicationStatus };
  /** Joined from member_colours only for viewers allowed to see it. */
  colour?: { colour: GridColour }[];
}

export type PersonDoc = Pick<RosterMemberDoc, '_id' | 'name' | 'building'>;

export const claimId = (communityId: string, building: string) => `${communityId}:${building}`;
export const pairId = claimId;

export function toPersonRef(doc: PersonDoc | undefined): PersonRef | null {
  return doc ? { memberId: doc._id, name: doc.name, building: doc.building } : null;
}

export function toGridView(doc: GridDoc, people: Map<string, PersonDoc>): GridView {
  return {
    id: doc._id,
    name: doc.name,
    buildings: doc.buildings,
    leader: doc.leaderMemberId ? toPersonRef(people.get(doc.leaderMemberId)) : null,
  };
}

export function toRosterRow(doc: RosterMemberDoc, viewer: TalentViewer, withColour: boolean): RosterRow {
  const row: RosterRow = {
    memberId: doc._id,
    name: doc.name,
    building: doc.building,
    room: doc.room,
    phone: viewer === 'committee' ? doc.phone : maskPhone(doc.phone),
    status: doc.application.status,
    isMember: doc.application.status === 'approved',
    skills: visibleTo(doc.visibility?.skills, viewer) ? doc.skills : null,
  };
  if (withColour) row.colour = doc.colour?.[0]?.colour ?? null;
  return row;
}

export function toPairView(doc: PairDoc, gridId: string | null, people: Map<string, PersonDoc>): BuildingPairView {
  const person = (id: string | null) => (id ? toPersonRef(people.get(id)) : null);
  return { building: doc.building, gridId, groupLeader: person(doc.groupLeaderMemberId), partner: person(doc.partnerMemberId) };
}
