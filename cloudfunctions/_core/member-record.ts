import { DEFAULT_VISIBILITY, type ApplicationStatus, type StaffRole, type Visibility } from '../../src/shared/domain/member';
import { createHash } from 'crypto';
import { COLLECTIONS } from './collections';
import { getDb } from './db';

/** A person as stored in `members`: every function reads the caller's own record from here. */
export interface MemberDoc {
  _id: string;
  /** null for a record a grid leader or an import created for someone not (yet) on WeChat, and after deletion. */
  openid: string | null;
  /** The live account's lookup key (identity.accountKeyOf); null when there is no WeChat account or it was deleted. */
  accountKey: string | null;
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
  /** The year they were born, if they chose to say (首页 offers the elder-friendly mode once from 60). */
  birthYear?: number | null;
  visibility: Visibility;
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
  /** Typed check-in codes are refused until then: their wrong codes used up the tries (checkin.typeCode). */
  codeLockedUntil?: Date;
  /** Set when they deleted their account: the record stays, anonymous, for what others need. */
  deletedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export function newMemberDoc(id: string, openid: string | null, appid: string, now: Date, accountKey: string | null = null): MemberDoc {
  return {
    _id: id,
    openid,
    accountKey,
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

/** The live record of a WeChat account: one round trip (indexed on accountKey). */
export async function findMemberByAccount(accountKey: string): Promise<MemberDoc | null> {
  const res = await getDb().collection(COLLECTIONS.members).where({ accountKey }).limit(1).get();
  return (res.data?.[0] as MemberDoc | undefined) ?? null;
}

/**
 * The id of someone recorded without a WeChat account (imported from a roster, or registered by a grid leader),
 * derived from their 居民区 and person key (rules/roster-csv.ts personKey: 姓名 + 楼栋 + 门牌 normalised), so the same
 * person recorded twice, by either path, is one record.
 */
export function offlineMemberId(communityId: string, personKey: string): string {
  return createHash('sha256').update(`roster:${communityId}|${personKey}`).digest('hex').slice(0, 24);
}
