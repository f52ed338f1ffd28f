import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import type { CheckinEventDoc } from '../../../cloudfunctions/checkin/checkin.model';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';

/**
 * Events, sign-ups and volunteers written directly in the shapes the events function stores (the contract in
 * src/shared/domain/event.ts), so check-in is tested without depending on the events actions.
 */

export const COMMUNITY = 'cm-baiyu1';
const MINUTE = 60_000;

export interface Volunteer {
  openid: string;
  memberId: string;
}

/** `count` approved members of 白玉 with their own WeChat accounts. */
export async function addVolunteers(prefix: string, count: number, now: Date): Promise<Volunteer[]> {
  const people = Array.from({ length: count }, (_v, i) => {
    const openid = `${prefix}-${i}`;
    const identity = { openid, appid: LOCAL_APPID };
    return { openid, memberId: memberIdFor(identity), accountKey: accountKeyOf(identity), name: `志愿者${i + 1}` };
  });
  const docs = people.map((p) => ({
    ...newMemberDoc(p.memberId, p.openid, LOCAL_APPID, now, p.accountKey),
    communityId: COMMUNITY,
    name: p.name,
    gridId: `${COMMUNITY}-g1`,
    application: { status: 'approved' as const, submittedAt: now },
  }));
  for (let i = 0; i < docs.length; i += 500) await getDb().collection(COLLECTIONS.members).add(docs.slice(i, i + 500));
  return people.map(({ openid, memberId }) => ({ openid, memberId }));
}

/** An event starting `startsInMinutes` from `now`, lasting `hours`. */
export async function addEvent(id: string, now: Date, over: Partial<CheckinEventDoc> & { startsInMinutes?: number; hours?: number } = {}): Promise<CheckinEventDoc> {
  const { startsInMinutes = 10, hours = 2, ...rest } = over;
  const startAt = new Date(now.getTime() + startsInMinutes * MINUTE);
  const event = {
    _id: id,
    communityId: COMMUNITY,
    title: '楼道清洁日',
    description: '',
    type: '绿化养护',
    place: '1号楼门口',
    startAt,
    endAt: new Date(startAt.getTime() + hours * 60 * MINUTE),
    audience: { kind: 'community' },
    signupOpensAt: new Date(now.getTime() - 7 * 24 * 60 * MINUTE),
    signupClosesAt: startAt,
    roles: [{ key: 'helper', name: '志愿者', places: 1000, skills: [], taken: 0 }],
    allowWalkIns: false,
    checkinOpensMinutesBefore: 30,
    checkinGraceMinutesAfter: 30,
    organizerId: 'nobody',
    scannerIds: [],
    status: 'published',
    signupSeq: 0,
    createdAt: now,
    updatedAt: now,
    ...rest,
  };
  await getDb().collection(COLLECTIONS.events).add(event);
  return event as CheckinEventDoc;
}

export async function signUp(eventId: string, memberIds: readonly string[], now: Date, status: 'confirmed' | 'waiting' | 'cancelled' = 'confirmed'): Promise<void> {
  const docs = memberIds.map((memberId, i) => ({
    _id: `${eventId}:${memberId}`,
    eventId,
    communityId: COMMUNITY,
    memberId,
    roleKey: 'helper',
    status,
    seq: i + 1,
    createdAt: now,
  }));
  for (let i = 0; i < docs.length; i += 500) await getDb().collection(COLLECTIONS.eventSignups).add(docs.slice(i, i + 500));
}

let n = 0;
/** A fresh request nonce, as the page makes one per scan. */
export const nonce = (): string => `nonce-${Date.now().toString(36)}-${(n += 1)}`;
