import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { honoursActions } from '../../src/shared/actions/honours';
import { monthOf, monthsRange } from '../../src/shared/domain/honours';
import { PAGE_SIZE } from '../../src/shared/result';
import { BADGES, badgeLabel, badgesOf, DEFAULT_LEVEL_HOURS, EMPTY_SUMMARY, levelOf } from '../../src/shared/rules/levels';
import { authorize, can } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import { balanceOf } from '../_core/ledger';
import type { CallContext } from '../_core/router';
import * as m from './honours.model';
import * as q from './honours.queries';

type A = typeof honoursActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** The star-level hours in force for a 街道: 1 round trip. */
async function levelHoursOfStreet(streetId: string | undefined | null): Promise<{ levelHours: number[]; isDefault: boolean }> {
  const doc = streetId ? await q.findLevelHours(streetId) : null;
  return doc ? { levelHours: doc.levelHours, isDefault: false } : { levelHours: [...DEFAULT_LEVEL_HOURS], isDefault: true };
}

/** The star-level hours in force for a 居民区 (its 街道's): 2 round trips in sequence. */
export async function levelHoursOf(communityId: string): Promise<number[]> {
  const community = await q.findCommunity(communityId);
  return (await levelHoursOfStreet(community?.streetId)).levelHours;
}

/** Round trips: 6, 3 in sequence (the caller; then the balance, the badge summary, the settings, and the 居民区 then its 街道's levels, side by side). */
export async function mine(_input: In<'mine'>, { identity }: CallContext): Out<'mine'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewOwn', { memberId: caller.memberId });
  const [balance, summaries, levelHours, settings] = await Promise.all([
    balanceOf(caller.memberId),
    q.serviceSummaries([caller.memberId]),
    levelHoursOf(caller.communityId!),
    q.findSettings(caller.memberId),
  ]);
  const now = clock().now();
  const earned = new Set(badgesOf(summaries.get(caller.memberId) ?? EMPTY_SUMMARY, now));
  return {
    halfHours: balance.halfHours,
    level: levelOf(balance.halfHours, levelHours),
    badges: BADGES.map((b) => ({ id: b.id, label: b.label, hint: b.hint, earned: earned.has(b.id) })),
    settings: m.settingsOf(settings),
    levelHours,
  };
}

/**
 * Round trips: 3 (the caller; the update; the settings now), one more the first time (the insert) and another when a
 * racing first call inserted it. Only the choices sent change, by an update rather than a read and a write, so two changes never undo each other.
 */
export async function setDisplay(input: In<'setDisplay'>, { identity }: CallContext): Out<'setDisplay'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewOwn', { memberId: caller.memberId });
  const patch = {
    ...(input.showOnWall !== undefined ? { showOnWall: input.showOnWall } : {}),
    ...(input.onLeaderboard !== undefined ? { onLeaderboard: input.onLeaderboard } : {}),
  };
  const now = clock().now();
  if (!(await q.updateSettings(caller.memberId, patch, now))) {
    const doc: m.SettingsDoc = { _id: caller.memberId, communityId: caller.communityId!, ...m.settingsOf(null), ...patch, updatedAt: now };
    if (!(await q.insertSettings(doc))) await q.updateSettings(caller.memberId, patch, now);
  }
  return { settings: m.settingsOf(await q.findSettings(caller.memberId)) };
}

const nameIn = (row: { member: { name: string }[] }) => row.member[0]?.name ?? '';

/** Round trips: 2 (the caller; one aggregate that leaves out withdrawn honours and members who keep off the wall). */
export async function wall(input: In<'wall'>, { identity }: CallContext): Out<'wall'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewWall', { communityId: caller.communityId });
  const { rows, hasMore } = await q.wallPage(caller.communityId!, input.page);
  return { items: rows.map((r) => m.toWallHonour(r, nameIn(r))), page: input.page, hasMore };
}

/**
 * Round trips: 5, 4 in sequence (the caller; the page of members with hours who allow the wall, beside the 居民区 and
 * then its 街道's levels; the badge summaries of those 20 members).
 */
export async function milestones(input: In<'milestones'>, { identity }: CallContext): Out<'milestones'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewWall', { communityId: caller.communityId });
  const [{ rows, hasMore }, levelHours] = await Promise.all([q.milestonesPage(caller.communityId!, input.page), levelHoursOf(caller.communityId!)]);
  const summaries = await q.serviceSummaries(rows.map((r) => r._id));
  const now = clock().now();
  return {
    items: rows.map((r) => ({
      key: m.wallKey(r._id),
      name: nameIn(r),
      levelTitle: levelOf(r.halfHours, levelHours).title,
      badges: badgesOf(summaries.get(r._id) ?? EMPTY_SUMMARY, now).map((id) => ({ id, label: badgeLabel(id) })),
    })),
    page: input.page,
    hasMore,
  };
}

/** Round trips: 3 (the caller; the month's aggregate of members who opted in, beside the caller's own settings). */
export async function leaderboard(input: In<'leaderboard'>, { identity }: CallContext): Out<'leaderboard'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewLeaderboard', { communityId: caller.communityId });
  const month = input.month ?? monthOf(clock().now());
  const { start, end } = monthsRange(month, month);
  const [{ rows, hasMore }, settings] = await Promise.all([
    q.leaderboardPage(caller.communityId!, start, end, input.page),
    q.findSettings(caller.memberId),
  ]);
  const skipped = (input.page - 1) * PAGE_SIZE;
  return {
    items: rows.map((r, i) => ({ rank: skipped + i + 1, name: nameIn(r), halfHours: r.halfHours, isMe: r._id === caller.memberId })),
    page: input.page,
    hasMore,
    month,
    joined: m.settingsOf(settings).onLeaderboard,
  };
}

/** Round trips: 2 for the street admin (the caller; the levels), 3 for a resident (the 居民区 first). */
export async function levels(_input: In<'levels'>, { identity }: CallContext): Out<'levels'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewLevels', { communityId: caller.communityId, streetId: caller.streetId });
  const streetId = caller.streetId ?? (caller.communityId ? (await q.findCommunity(caller.communityId))?.streetId : null);
  if (!streetId) throw new AppError('HONOURS.NO_STREET');
  const found = await levelHoursOfStreet(streetId);
  return { ...found, canSet: can(caller, 'honours.setLevels', { streetId }) };
}

/** Round trips: 2 (the caller; the write). Setting the same hours again changes nothing. */
export async function setLevels(input: In<'setLevels'>, { identity }: CallContext): Out<'setLevels'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.setLevels', { streetId: caller.streetId });
  await q.saveLevelHours({ _id: caller.streetId!, levelHours: input.levelHours, updatedBy: caller.memberId, updatedAt: clock().now() });
  return { levelHours: input.levelHours, isDefault: false, canSet: true };
}
