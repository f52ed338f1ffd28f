import type { ReceiptGroupView, ReceiptRowView } from '../../src/shared/domain/notices';
import { ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { AppError } from '../_core/errors';
import { toPage } from '../_core/paging';
import type { Identity } from '../_core/identity';
import { canManage } from './access';
import * as m from './notices.model';
import * as q from './notices.queries';
import type { CallContext } from '../_core/router';
import type { In, Out } from './notices.types';

/** The writer's view of who has read, confirmed or replied. */

/** A published notice the caller manages. Round trips: 1 (caller and notice at once). */
export async function managedNotice(identity: Identity, noticeId: string): Promise<{ caller: Caller; notice: m.NoticeDoc }> {
  const [caller, found] = await Promise.all([loadCaller(identity), q.findNotice(noticeId)]);
  return { caller, notice: ensureManaged(caller, found) };
}

function ensureManaged<T extends m.NoticeDoc>(caller: Caller, found: T | null): T {
  const notice = ensureSameCommunity(caller, found);
  if (!canManage(caller, notice)) throw new AppError('COMMON.FORBIDDEN');
  if (notice.status !== 'published') throw new AppError('NOTICES.NOT_PUBLISHED');
  return notice;
}

function toRow(doc: q.RosterDoc, groupNames: Record<string, string>): ReceiptRowView {
  const r = doc.r[0];
  return {
    memberId: doc._id,
    name: doc.name,
    building: doc.building,
    room: doc.room,
    state: r?.state ?? 'unread',
    reply: r?.reply ?? null,
    readAt: r?.readAt ? new Date(r.readAt).toISOString() : null,
    groups: (r?.groupIds ?? []).map((g) => groupNames[g] ?? '已解绑的群'),
  };
}

/**
 * Round trips: 1 — the caller, and the notice with its roster page joined, at once (2 requests); a colour group's
 * roster needs each resident's colour, read by one more aggregate. The page is read before the caller is checked
 * and dropped unless they manage the notice. Counts and per-group reads are counted from the receipts alongside
 * (three more aggregates at the same time).
 */
export async function receipts(input: In<'receipts'>, { identity }: CallContext): Out<'receipts'> {
  const [caller, found, reads] = await Promise.all([
    loadCaller(identity),
    q.noticeWithRoster(input.noticeId, input.filter, input.groupId, input.page),
    q.readsOf(input.noticeId),
  ]);
  const notice = ensureManaged(caller, found);
  const { rows, hasMore } =
    notice.target.kind === 'colour' ? await q.rosterOf(notice, input.filter, input.groupId, input.page) : toPage(notice.roster);
  const names = notice.groupNames ?? {};
  const groups: ReceiptGroupView[] = Object.entries(reads.groupReads)
    .filter(([id]) => id !== m.ELSEWHERE)
    .map(([groupId, read]) => ({ groupId, name: names[groupId] ?? '已解绑的群', read }));
  groups.push({ groupId: null, name: '其他途径打开', read: reads.groupReads[m.ELSEWHERE] ?? 0 });
  return {
    counts: { ...m.EMPTY_COUNTS, ...reads.tally, targeted: notice.counts?.targeted ?? 0 },
    groups,
    items: rows.map((row) => toRow(row, names)),
    page: input.page,
    hasMore,
  };
}
