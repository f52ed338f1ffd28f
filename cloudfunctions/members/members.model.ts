import type { CommunityOption } from '../../src/shared/domain/community';
import { DEFAULT_VISIBILITY, maskPhone, type ApplicationView, type MemberView } from '../../src/shared/domain/member';
import type { MemberDoc } from '../_core/member-record';

export interface CommunityDoc {
  _id: string;
  name: string;
  streetId: string;
  streetName: string;
  order: number;
}

const iso = (at: Date | undefined) => (at ? new Date(at).toISOString() : undefined);

function applicationView(doc: MemberDoc): MemberView['application'] {
  const { status, motivation, submittedAt, reviewedAt, reason } = doc.application;
  return {
    status,
    ...(motivation ? { motivation } : {}),
    ...(submittedAt ? { submittedAt: iso(submittedAt) } : {}),
    ...(reviewedAt ? { reviewedAt: iso(reviewedAt) } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** The caller's own record: they see their own phone in full. */
export function toMemberView(doc: MemberDoc): MemberView {
  return {
    id: doc._id,
    communityId: doc.communityId,
    name: doc.name,
    building: doc.building,
    room: doc.room,
    phone: doc.phone,
    skills: doc.skills,
    interests: doc.interests,
    availability: doc.availability ?? [],
    ...(doc.birthYear ? { birthYear: doc.birthYear } : {}),
    visibility: { ...DEFAULT_VISIBILITY, ...doc.visibility },
    roles: doc.roles,
    isMember: doc.application.status === 'approved',
    gridId: doc.gridId ?? null,
    leadsGridIds: doc.leadsGridIds ?? [],
    councilIds: doc.councilIds ?? [],
    application: applicationView(doc),
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}

/** A row of the review list; `fullPhone` only for the committee. */
export function toApplicationView(doc: MemberDoc, fullPhone: boolean): ApplicationView {
  return {
    memberId: doc._id,
    name: doc.name,
    building: doc.building,
    room: doc.room,
    phone: fullPhone ? doc.phone : maskPhone(doc.phone),
    skills: doc.skills,
    application: applicationView(doc),
  };
}

export function toCommunityOption(doc: CommunityDoc): CommunityOption {
  return { id: doc._id, name: doc.name, streetName: doc.streetName };
}
