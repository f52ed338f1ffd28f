import { normalizeBuilding } from '../../src/shared/domain/grid';
import { DEFAULT_VISIBILITY, type PrivacyStatus } from '../../src/shared/domain/member';
import { PRIVACY_VERSION } from '../../src/shared/privacy';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { command } from '../_core/db';
import { eraseReferencesTo } from '../_core/member-references';
import { AppError } from '../_core/errors';
import { findMemberByAccount, type MemberDoc } from '../_core/member-record';
import { accountKeyOf } from '../_core/identity';
import type { CallContext } from '../_core/router';
import { hasConsented, loadOrCreateMe, requireCommunity, requireConsent } from './me';
import { toCommunityOption, toMemberView } from './members.model';
import * as q from './members.queries';
import type { In, Out } from './members.types';

/** Self-service: the caller's own record, 居民区, profile, consent, and deleting it all. */

function privacyOf(doc: MemberDoc): PrivacyStatus {
  return {
    version: PRIVACY_VERSION,
    accepted: hasConsented(doc),
    acceptedVersion: doc.consent?.version ?? null,
    acceptedAt: doc.consent ? new Date(doc.consent.at).toISOString() : null,
  };
}

async function meView(doc: MemberDoc): Out<'me'> {
  const community = doc.communityId ? await q.findCommunity(doc.communityId) : null;
  return { member: toMemberView(doc), community: community ? toCommunityOption(community) : null, privacy: privacyOf(doc) };
}

export async function listCommunities(): Out<'listCommunities'> {
  return { items: (await q.listCommunities()).map(toCommunityOption) };
}

/** Round trips: 1 (2 with a 居民区; 3-4 on the very first call). */
export async function me(_input: In<'me'>, { identity }: CallContext): Out<'me'> {
  return meView(await loadOrCreateMe(identity));
}

/** Round trips: 3. Choosing the same 居民区 again is a harmless retry. */
export async function chooseCommunity(input: In<'chooseCommunity'>, { identity }: CallContext): Out<'chooseCommunity'> {
  const doc = await loadOrCreateMe(identity);
  const community = await q.findCommunity(input.communityId);
  if (!community) throw new AppError('MEMBERS.COMMUNITY_NOT_FOUND');
  if (doc.communityId !== community._id) {
    const now = clock().now();
    const taken = await q.updateMemberIf(doc._id, { communityId: null }, { communityId: community._id, updatedAt: now });
    if (!taken) throw new AppError('MEMBERS.COMMUNITY_ALREADY_SET');
    doc.communityId = community._id;
    doc.updatedAt = now;
  }
  return {
    member: toMemberView(doc),
    community: toCommunityOption(community),
    privacy: privacyOf(doc),
  };
}

/** Round trips: 1, or 2 when the version is current and not yet accepted. Accepting again is harmless. */
export async function acceptPrivacy(input: In<'acceptPrivacy'>, { identity }: CallContext): Out<'acceptPrivacy'> {
  if (input.version !== PRIVACY_VERSION) throw new AppError('MEMBERS.PRIVACY_OUTDATED');
  const doc = await loadOrCreateMe(identity);
  if (!hasConsented(doc)) {
    await q.updateMemberIf(doc._id, {}, { consent: command().set({ version: PRIVACY_VERSION, at: clock().now() }) });
  }
  return { version: PRIVACY_VERSION };
}

/** Round trips: 3, plus the content check. The micro-grid follows the building. */
export async function updateProfile(input: In<'updateProfile'>, { identity }: CallContext): Out<'updateProfile'> {
  const doc = await loadOrCreateMe(identity);
  const communityId = requireCommunity(doc);
  requireConsent(doc);
  await ensurePublishable(identity, [input.name, ...input.skills, ...input.interests]);
  // Grids keep buildings in normal form (3栋 -> 3号楼), so the profile does too.
  const building = normalizeBuilding(input.building);
  const gridId = await q.findGridIdOfBuilding(communityId, building);
  const _ = command();
  const patch = {
    name: input.name,
    building,
    room: input.room,
    phone: input.phone,
    skills: input.skills,
    interests: input.interests,
    availability: input.availability,
    visibility: input.visibility ?? doc.visibility ?? DEFAULT_VISIBILITY,
    ...(input.birthYear !== undefined ? { birthYear: input.birthYear } : {}),
    gridId,
    updatedAt: clock().now(),
  };
  // Lists and the visibility object are replaced whole (`set`), not merged by index or key.
  await q.updateMemberIf(doc._id, {}, {
    ...patch,
    skills: _.set(patch.skills),
    interests: _.set(patch.interests),
    availability: _.set(patch.availability),
    visibility: _.set(patch.visibility),
  });
  return { member: toMemberView({ ...doc, ...patch }) };
}

/**
 * Erases the caller's identity and profile. The record stays at its id as an anonymous tombstone so records others
 * need (history, check-ins) keep a valid reference that no longer leads to the person; a returning WeChat user
 * starts a new record. Their colour, children and the roles they held go with them (member-references.ts).
 * Round trips: 2 plus one per erased reference (14 for a resident of a 居民区).
 *
 * A chain of idempotent steps: the references go first, each a conditional remove or clear that a repeat finds
 * done; the tombstone, which unlinks the account and so falsifies "this account has a live record", is the last
 * write. A retry after a crash at any point finds the record still linked and completes what is missing, or finds
 * no live record and writes nothing (it must not create one: the tombstone once wrote first, so a retry created a
 * fresh record and erased references to that one, leaving the old references in place).
 */
export async function deleteAccount(_input: In<'deleteAccount'>, { identity }: CallContext): Out<'deleteAccount'> {
  const doc = await findMemberByAccount(accountKeyOf(identity));
  if (!doc) return { deleted: true };
  const _ = command();
  const now = clock().now();
  await eraseReferencesTo(doc._id, doc.communityId ?? null);
  await q.updateMemberIf(doc._id, { accountKey: doc.accountKey }, {
    accountKey: null,
    openid: null,
    name: '',
    building: '',
    room: '',
    phone: '',
    skills: _.set([]),
    interests: _.set([]),
    availability: _.set([]),
    birthYear: null,
    roles: _.set([]),
    leadsGridIds: _.set([]),
    councilIds: _.set([]),
    gridId: null,
    application: _.set({ status: 'none' }),
    consent: _.remove(),
    deletedAt: now,
    updatedAt: now,
  });
  return { deleted: true };
}
