import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { honoursActions } from '../../src/shared/actions/honours';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import type { CallContext } from '../_core/router';
import * as m from './honours.model';
import * as q from './honours.queries';

type A = typeof honoursActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/**
 * Round trips: 3 (the caller; the member beside their settings; the insert), plus the content check and the photo's
 * image check. The `_id` comes from the form's request id, so a retried award adds one honour.
 */
export async function award(input: In<'award'>, { identity }: CallContext): Out<'award'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.award', { communityId: caller.communityId });
  const [member, settings] = await Promise.all([q.findMemberIn(input.memberId), q.findSettings(input.memberId)]);
  const found = ensureSameCommunity(caller, member && !member.deletedAt ? member : null);
  if (found.application.status !== 'approved') throw new AppError('HONOURS.NOT_MEMBER');
  await ensurePublishable(identity, [input.title, input.citation]);
  const now = clock().now();
  const doc: m.HonourDoc = {
    _id: `${caller.communityId}-${input.requestId}`,
    communityId: caller.communityId!,
    memberId: found._id,
    title: input.title,
    citation: input.citation,
    // The wall shows the photo once its image check passes; the committee sees it as 审核中 until then.
    ...(imageFields('honourPhoto', null, [input.photoUrl]) as Pick<m.HonourDoc, 'photoUrl' | 'pendingImages' | 'refusedImages'>),
    awardedBy: caller.memberId,
    awardedAt: now,
  };
  // A duplicate is this very award retried: answer the one stored (another 居民区's id answers like a missing one).
  const stored = (await q.insertHonour(doc)) ? doc : ensureSameCommunity(caller, await q.findHonour(doc._id));
  await ensureImagesPublishable(identity, 'honourPhoto', stored._id, stored.awardedBy, stored.pendingImages ?? [], now);
  return { honour: m.toAdminHonour(stored, found.name, m.settingsOf(settings)) };
}

/** Round trips: 4 (the caller; the honour; the guarded update; its member's name and settings side by side). */
export async function revoke(input: In<'revoke'>, { identity }: CallContext): Out<'revoke'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.award', { communityId: caller.communityId });
  const honour = ensureSameCommunity(caller, await q.findHonour(input.honourId));
  const now = clock().now();
  // Guarded on not being withdrawn yet: a retry keeps the first withdrawal's time.
  const revokedAt = (await q.revokeHonour(honour._id, honour.communityId, caller.memberId, now)) ? now : (honour.revokedAt ?? now);
  const [member, settings] = await Promise.all([q.findMemberIn(honour.memberId), q.findSettings(honour.memberId)]);
  return { honour: m.toAdminHonour({ ...honour, revokedAt }, member?.deletedAt ? '' : (member?.name ?? ''), m.settingsOf(settings)) };
}

/** Round trips: 3 (the caller; the page with its members' names; their settings). */
export async function awarded(input: In<'awarded'>, { identity }: CallContext): Out<'awarded'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.award', { communityId: caller.communityId });
  const { rows, hasMore } = await q.awardedPage(caller.communityId!, input.page);
  const settings = await q.findSettingsOf([...new Set(rows.map((r) => r.memberId))]);
  return {
    items: rows.map((r) => m.toAdminHonour(r, r.member[0]?.name ?? '', m.settingsOf(settings.get(r.memberId)))),
    page: input.page,
    hasMore,
  };
}

/** Round trips: 2 (the caller; a page of members by name). */
export async function candidates(input: In<'candidates'>, { identity }: CallContext): Out<'candidates'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.award', { communityId: caller.communityId });
  const { rows, hasMore } = await q.candidatesPage(caller.communityId!, input.name, input.page);
  return { items: rows.map((r) => ({ memberId: r._id, name: r.name, building: r.building ?? '' })), page: input.page, hasMore };
}
