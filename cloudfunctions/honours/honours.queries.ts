import type { HonourSettings } from '../../src/shared/domain/honours';
import { EMPTY_SUMMARY, type ServiceSummary } from '../../src/shared/rules/levels';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import { CERTIFICATE_SOURCES, type CertificateDoc, type CertificateEntry, type HonourDoc, type LevelHoursDoc, type SettingsDoc } from './honours.model';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import { startsWith } from '../_core/text-match';

/**
 * Each function here is one database round trip. Lists that show people join `honour_settings` and `members` inside
 * the aggregate, so a member who keeps off the wall or the leaderboard (or deleted their account) never reaches a
 * page, and pages stay exactly 20 long. Aggregations end in limit(): CloudBase answers 20 groups otherwise.
 */

const db = () => getDb();
const col = (name: string) => getDb().collection(name);

export interface CommunityDoc {
  _id: string;
  name: string;
  streetId?: string;
}

export async function findCommunity(id: string): Promise<CommunityDoc | null> {
  const res = await col(COLLECTIONS.communities).doc(id).get();
  return (res.data?.[0] as CommunityDoc | undefined) ?? null;
}

export async function findLevelHours(streetId: string): Promise<LevelHoursDoc | null> {
  const res = await col(COLLECTIONS.levelHours).doc(streetId).get();
  return (res.data?.[0] as LevelHoursDoc | undefined) ?? null;
}

export async function saveLevelHours(doc: LevelHoursDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await col(COLLECTIONS.levelHours).doc(_id).set(fields);
}

export async function findSettings(memberId: string): Promise<SettingsDoc | null> {
  const res = await col(COLLECTIONS.honourSettings).doc(memberId).get();
  return (res.data?.[0] as SettingsDoc | undefined) ?? null;
}

export async function findSettingsOf(memberIds: readonly string[]): Promise<Map<string, SettingsDoc>> {
  if (memberIds.length === 0) return new Map();
  const res = await col(COLLECTIONS.honourSettings)
    .where({ _id: command().in([...memberIds]) })
    .limit(memberIds.length)
    .get();
  return new Map((res.data as SettingsDoc[]).map((s) => [s._id, s]));
}

/** Changes only the given choices (no read first): false when the member has no settings document yet. */
export async function updateSettings(memberId: string, patch: Partial<HonourSettings>, now: Date): Promise<boolean> {
  const res = await col(COLLECTIONS.honourSettings)
    .where({ _id: memberId })
    .update({ ...patch, updatedAt: now });
  return res.updated === 1;
}

/** The first settings document of a member; false when a racing call created it first. */
export async function insertSettings(doc: SettingsDoc): Promise<boolean> {
  return insertOnce(COLLECTIONS.honourSettings, doc);
}

/**
 * Badge summaries of several members from their ledger entries with hours: total, services (entries that added hours
 * less corrections that took hours back) and the first service.
 */
export async function serviceSummaries(memberIds: readonly string[]): Promise<Map<string, ServiceSummary>> {
  const out = new Map<string, ServiceSummary>();
  if (memberIds.length === 0) return out;
  const _ = command();
  const $ = _.aggregate;
  const res = await db()
    .collection(COLLECTIONS.ledgerEntries)
    .aggregate()
    .match({ memberId: _.in([...memberIds]), halfHours: _.neq(0) })
    .group({
      _id: '$memberId',
      halfHours: $.sum('$halfHours'),
      services: $.sum($.cond({ if: $.gt(['$halfHours', 0]), then: 1, else: -1 })),
      firstServiceAt: $.min($.cond({ if: $.gt(['$halfHours', 0]), then: '$at', else: null })),
    })
    .limit(memberIds.length)
    .end();
  for (const row of res.data as { _id: string; halfHours: number; services: number; firstServiceAt: Date | string | null }[]) {
    out.set(row._id, {
      ...EMPTY_SUMMARY,
      halfHours: row.halfHours,
      services: Math.max(0, row.services),
      firstServiceAt: row.firstServiceAt ? new Date(row.firstServiceAt) : null,
    });
  }
  return out;
}

/** Entries read per round trip when listing a certificate's records (a get answers at most 1000). */
const CERTIFICATE_BATCH = 1000;

/**
 * A member's entries with hours served on the Shanghai days [fromDay, toDay) (YYYY-MM-DD); an entry from before the
 * day of service was stored counts by when it was entered, [start, end). Round trips: 1 per 1000 entries (by `_id`).
 */
export async function certificateEntries(memberId: string, days: { fromDay: string; toDay: string; start: Date; end: Date }): Promise<CertificateEntry[]> {
  const _ = command();
  const inPeriod = _.or([
    { servedOn: _.gte(days.fromDay).and(_.lt(days.toDay)) },
    { servedOn: _.exists(false), at: _.gte(days.start).and(_.lt(days.end)) },
  ]);
  const out: CertificateEntry[] = [];
  let after: string | null = null;
  for (;;) {
    const base: Record<string, unknown> = { memberId, halfHours: _.neq(0), source: _.in([...CERTIFICATE_SOURCES]) };
    if (after !== null) base._id = _.gt(after);
    const res = await db()
      .collection(COLLECTIONS.ledgerEntries)
      .where(_.and([base, inPeriod]))
      .orderBy('_id', 'asc')
      .field({ _id: true, halfHours: true, source: true, reason: true, at: true, servedOn: true })
      .limit(CERTIFICATE_BATCH)
      .get();
    const rows = res.data as CertificateEntry[];
    out.push(...rows);
    if (rows.length < CERTIFICATE_BATCH) return out;
    after = rows.at(-1)!._id;
  }
}

/** Joins each row's member (by `field`) to their settings and live record in the 居民区, keeping only those `allowed`. */
function onlyShown(communityId: string, field: string, allowed: Record<string, unknown>) {
  const _ = command();
  return {
    settings: { from: COLLECTIONS.honourSettings, localField: field, foreignField: '_id', as: 'settings' },
    member: { from: COLLECTIONS.members, localField: field, foreignField: '_id', as: 'member' },
    allowed,
    live: { 'member.communityId': communityId, 'member.deletedAt': _.exists(false) },
  };
}

type WithMember<T> = T & { member: Pick<MemberDoc, 'name'>[] };

/** A page of the committee's honours for the wall: not withdrawn, of live members who allow the wall; newest first. */
export async function wallPage(communityId: string, page: number): Promise<{ rows: WithMember<HonourDoc>[]; hasMore: boolean }> {
  const _ = command();
  const j = onlyShown(communityId, 'memberId', { 'settings.showOnWall': _.neq(false) });
  const res = await db()
    .collection(COLLECTIONS.honours)
    .aggregate()
    .match({ communityId, revokedAt: _.exists(false) })
    .sort({ awardedAt: -1, _id: 1 })
    .lookup(j.settings)
    .match(j.allowed)
    .lookup(j.member)
    .match(j.live)
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .project({ 'member.name': 1, memberId: 1, title: 1, citation: 1, photoUrl: 1, awardedAt: 1, communityId: 1 })
    .end();
  return toPage(res.data as WithMember<HonourDoc>[]);
}

/** A page of members with hours for the wall's milestones, of live members who allow the wall; recently active first. */
export async function milestonesPage(
  communityId: string,
  page: number,
): Promise<{ rows: WithMember<{ _id: string; halfHours: number }>[]; hasMore: boolean }> {
  const _ = command();
  const j = onlyShown(communityId, '_id', { 'settings.showOnWall': _.neq(false) });
  const res = await db()
    .collection(COLLECTIONS.ledgerBalances)
    .aggregate()
    .match({ communityId, halfHours: _.gt(0) })
    .sort({ updatedAt: -1, _id: 1 })
    .lookup(j.settings)
    .match(j.allowed)
    .lookup(j.member)
    .match(j.live)
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .project({ halfHours: 1, 'member.name': 1 })
    .end();
  return toPage(res.data as WithMember<{ _id: string; halfHours: number }>[]);
}

/** A page of the month's leaderboard: hours in [start, end) of live members who opted in; most hours first. */
export async function leaderboardPage(
  communityId: string,
  start: Date,
  end: Date,
  page: number,
): Promise<{ rows: WithMember<{ _id: string; halfHours: number }>[]; hasMore: boolean }> {
  const _ = command();
  const j = onlyShown(communityId, '_id', { 'settings.onLeaderboard': true });
  const res = await db()
    .collection(COLLECTIONS.ledgerEntries)
    .aggregate()
    .match({ communityId, at: _.gte(start).and(_.lt(end)), halfHours: _.neq(0) })
    .group({ _id: '$memberId', halfHours: _.aggregate.sum('$halfHours') })
    .match({ halfHours: _.gt(0) })
    .lookup(j.settings)
    .match(j.allowed)
    .lookup(j.member)
    .match(j.live)
    .sort({ halfHours: -1, _id: 1 })
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .project({ halfHours: 1, 'member.name': 1 })
    .end();
  return toPage(res.data as WithMember<{ _id: string; halfHours: number }>[]);
}

/** Inserts under the award's deterministic `_id`; false when a retried or racing call inserted it first. */
export async function insertHonour(doc: HonourDoc): Promise<boolean> {
  return insertOnce(COLLECTIONS.honours, doc);
}

export async function findHonour(id: string): Promise<HonourDoc | null> {
  const res = await col(COLLECTIONS.honours).doc(id).get();
  return (res.data?.[0] as HonourDoc | undefined) ?? null;
}

/** Withdraws once: guarded on not being withdrawn yet. */
export async function revokeHonour(id: string, communityId: string, by: string, now: Date): Promise<boolean> {
  const res = await col(COLLECTIONS.honours)
    .where({ _id: id, communityId, revokedAt: command().exists(false) })
    .update({ revokedAt: now, revokedBy: by });
  return res.updated === 1;
}

/** The committee's list: every honour of the 居民区 with its member's name, newest first. */
export async function awardedPage(communityId: string, page: number): Promise<{ rows: WithMember<HonourDoc>[]; hasMore: boolean }> {
  const res = await db()
    .collection(COLLECTIONS.honours)
    .aggregate()
    .match({ communityId })
    .sort({ awardedAt: -1, _id: 1 })
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .lookup({ from: COLLECTIONS.members, localField: 'memberId', foreignField: '_id', as: 'member' })
    .project({ 'member.name': 1, memberId: 1, title: 1, citation: 1, photoUrl: 1, pendingImages: 1, refusedImages: 1, awardedAt: 1, revokedAt: 1, communityId: 1 })
    .end();
  return toPage(res.data as WithMember<HonourDoc>[]);
}

export async function findMemberIn(memberId: string): Promise<MemberDoc | null> {
  const res = await col(COLLECTIONS.members).doc(memberId).get();
  return (res.data?.[0] as MemberDoc | undefined) ?? null;
}

/** Approved live members of a 居民区 whose name starts with `name`, by name. */
export async function candidatesPage(
  communityId: string,
  name: string,
  page: number,
): Promise<{ rows: Pick<MemberDoc, '_id' | 'name' | 'building'>[]; hasMore: boolean }> {
  const where: Record<string, unknown> = { communityId, 'application.status': 'approved', deletedAt: command().exists(false) };
  if (name) where.name = startsWith(name);
  const res = await col(COLLECTIONS.members)
    .where(where)
    .field({ _id: true, name: true, building: true })
    .orderBy('name', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as Pick<MemberDoc, '_id' | 'name' | 'building'>[]);
}

/** Inserts a certificate under its derived `_id`; false when the same one exists (a retry or a race). */
export async function insertCertificate(doc: CertificateDoc): Promise<boolean> {
  return insertOnce(COLLECTIONS.certificates, doc);
}

export async function findCertificate(id: string): Promise<CertificateDoc | null> {
  const res = await col(COLLECTIONS.certificates).doc(id).get();
  return (res.data?.[0] as CertificateDoc | undefined) ?? null;
}

export async function findCertificateByCode(code: string): Promise<CertificateDoc | null> {
  const res = await col(COLLECTIONS.certificates).where({ code }).limit(1).get();
  return (res.data?.[0] as CertificateDoc | undefined) ?? null;
}

export async function certificatesPage(memberId: string, page: number): Promise<{ rows: CertificateDoc[]; hasMore: boolean }> {
  const res = await col(COLLECTIONS.certificates)
    .where({ memberId })
    .orderBy('issuedAt', 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as CertificateDoc[]);
}
