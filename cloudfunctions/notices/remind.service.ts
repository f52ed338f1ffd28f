import { maskPhone } from '../../src/shared/domain/member';
import type { RemindResult } from '../../src/shared/domain/notices';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { sendBatch } from '../_core/message-outbox';
import * as m from './notices.model';
import * as q from './notices.queries';
import { drain, enqueue } from './outbox';
import { inChunks, SEND_CONCURRENCY } from './batches';
import { managedNotice } from './receipts.service';
import type { In, Out } from './notices.types';

/** Reminding the targeted residents who have not yet done what a notice asks. */

/**
 * The reminder round this tap is: the round counter moves by a conditional update, and the tap's request id is
 * kept with it, so a doubled tap is the same round (and sendOnce keys per round make its sends once).
 */
async function roundOf(notice: m.NoticeDoc, requestId: string): Promise<number> {
  const current = notice.remindRound ?? 0;
  if (notice.remindRequestId === requestId) return current;
  if (await q.updateIf(COLLECTIONS.notices, notice._id, { remindRound: current }, { remindRound: current + 1, remindRequestId: requestId })) {
    return current + 1;
  }
  const fresh = await q.findNotice(notice._id);
  if (fresh?.remindRequestId === requestId) return fresh.remindRound;
  throw new AppError('COMMON.BUSY');
}

/**
 * Round trips: 1 (caller, notice) + 1 (round) + 1 (the pending roster) + 1-2 per pending resident (sendOnce) +
 * 1 (robots) + 1 per robot message + the drain.
 */
export async function remind(input: In<'remind'>, { identity }: CallContext): Out<'remind'> {
  const { caller, notice } = await managedNotice(identity, input.noticeId);
  const now = clock().now();
  if (m.isExpired(notice, now)) throw new AppError('NOTICES.EXPIRED');
  const round = await roundOf(notice, input.requestId);
  const { rows: pending } = await q.rosterOf(notice, 'pending', undefined, 0);
  // The writer, and whoever taps remind, wrote or manage the notice: never reminded of it, nor @-mentioned.
  const rows = pending.filter((row) => row._id !== notice.writerId && row._id !== caller.memberId);
  // The tap's request id owns what it queues: its retry after a crash finishes those messages at once.
  const owner = `req:${input.requestId}`;
  const outcomes = await inChunks(rows, SEND_CONCURRENCY, (chunk) =>
    sendBatch(
      chunk.map((row) => ({
        sendKey: `notice-remind:${notice._id}:${row._id}:${round}`,
        memberId: row._id,
        template: 'notice-remind' as const,
        page: m.detailPage(notice._id),
        values: m.subscribeData(notice),
      })),
      owner,
    ),
  );
  const result: RemindResult = { round, subscribed: [], wecom: [], rest: [] };
  const unreached = rows.filter((row, i) => {
    const outcome = outcomes[i];
    // Queued: WeChat did not take it yet, but the outbox retries it, so nobody is @-mentioned for it as well.
    const reached = outcome === 'sent' || outcome === 'already' || outcome === 'queued';
    if (reached) result.subscribed.push({ memberId: row._id, name: row.name });
    return !reached;
  });
  // Robots only for notices to all or to grids: a colour group or a council must not be named in a group chat.
  const robotGrids = notice.target.kind === 'community' || notice.target.kind === 'grids';
  const withPhone = robotGrids ? unreached.filter((r) => r.gridId && r.phone) : [];
  const robots = await q.byIds<m.RobotDoc>(COLLECTIONS.wecomRobots, withPhone.map((r) => r.gridId!));
  const grids = new Map((await q.gridsOf(notice.communityId)).map((g) => [g._id, g.name]));
  const byRobot = new Map(robots.map((r) => [r.gridId, withPhone.filter((p) => p.gridId === r.gridId)]));
  await enqueue(
    [...byRobot].map(([gridId, people]) => m.queuedRobotMessage({
      _id: m.outboxIdOf(notice._id, gridId, 'remind', round),
      communityId: notice.communityId,
      noticeId: notice._id,
      gridId,
      gridName: grids.get(gridId) ?? '',
      kind: 'remind',
      message: m.remindText(notice, people.map((p) => p.phone)),
    }, now)),
  );
  // Phones are masked for everyone but the committee (DESIGN.md, personal data).
  const showPhone = (phone: string) => (caller.roles.includes('committee') ? phone : maskPhone(phone));
  const mentioned = new Set([...byRobot.values()].flat().map((p) => p._id));
  for (const row of unreached) {
    if (mentioned.has(row._id)) result.wecom.push({ memberId: row._id, name: row.name });
    else result.rest.push({ memberId: row._id, name: row.name, building: row.building, room: row.room, phone: showPhone(row.phone) });
  }
  if (byRobot.size > 0) await drain(now, { noticeId: notice._id, owner });
  return result;
}
