import type { ApplicationStatus, StaffRole } from '../../src/shared/domain/member';
import { COLLECTIONS } from './collections';
import { getDb } from './db';

/** Who may see a talent-pool field: the leaders (committee, grid leaders, chairs), the committee only, or nobody else. */
export type FieldVisibility = 'leaders' | 'committee' | 'hidden';

/** A person as stored in `members`: every function reads the caller's own record from here. */
export interface MemberDoc {
  _id: string;
  /** null for a record a grid leader or an import created for someone not (yet) on WeChat. */
  openid: string | null;
  appid: string;
  communityId: string | null;
  /** The 街道 a street admin oversees. */
  streetId?: string;
  name: string;
  building: string;
  room: string;
  phone: string;
  skills: string[];
  interests: string[];
  availability: string[];
  visibility: { skills: FieldVisibility; interests: FieldVisibility; availability: FieldVisibility; phone: FieldVisibility };
  roles: StaffRole[];
  /** The micro-grid of their building, kept in step with `building`. */
  gridId: string | null;
  /** Micro-grids they lead (微格长). */
  leadsGridIds: string[];
  /** Sub-councils they joined. */
  councilIds: string[];
  application: {
    status: ApplicationStatus;
    motivation?: string;
    submittedAt?: Date;
    reviewedAt?: Date;
    reviewerId?: string;
    reason?: string;
  };
  /** The privacy text version they accepted. */
  consent?: { version: string; at: Date };
  source: 'wechat' | 'proxy' | 'import';
  /** Set when they deleted their account: the record stays, anonymous, for what others need. */
  deletedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const DEFAULT_VISIBILITY: MemberDoc['visibility'] = {
  skills: 'leaders',
  interests: 'leaders',
  availability: 'leaders',
  phone: 'committee',
};

export function newMemberDoc(id: string, openid: string | null, appid: string, now: Date): MemberDoc {
  return {
    _id: id,
    openid,
    appid,
    communityId: null,
    name: '',
    building: '',
    room: '',
    phone: '',
    skills: [],
    interests: [],
    availability: [],
    visibility: { ...DEFAULT_VISIBILITY },
    roles: [],
    gridId: null,
    leadsGridIds: [],
    councilIds: [],
    application: { status: 'none' },
    source: 'wechat',
    createdAt: now,
    updatedAt: now,
  };
}

/** One round trip. */
export async function findMember(id: string): Promise<MemberDoc | null> {
  const res = await getDb().collection(COLLECTIONS.members).doc(id).get();
  return (res.data?.[0] as MemberDoc | undefined) ?? null;
}
