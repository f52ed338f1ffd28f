import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import { memberIdFor } from '../_core/identity';
import type { CallContext } from '../_core/router';
import { callerTargeted } from './access';
import * as m from './notices.model';
import * as q from './notices.queries';
import type { In, Out } from './notices.types';

/** A resident's answers to a notice: 收到, or one reply. Each is recorded once per resident. */

interface Answering {
  caller: Caller;
  notice: m.NoticeDoc;
  receipt: m.ReceiptDoc | null;
  now: Date;
}

/** Round trips: 1 (caller, notice and own receipt at once), +1 for a colour group. */
async function answering(noticeId: string, mode: m.NoticeDoc['mode'], { identity }: CallContext): Promise<Answering> {
  const [caller, found, receipt] = await Promise.all([
    loadCaller(identity),
    q.findNotice(noticeId),
    q.findReceipt(m.receiptIdOf(noticeId, memberIdFor(identity))),
  ]);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  const notice = ensureSameCommunity(caller, found);
  if (notice.status !== 'published') throw new AppError('COMMON.NOT_FOUND');
  if (notice.mode !== mode) throw new AppError('NOTICES.WRONG_MODE');
  const now = clock().now();
  if (m.isExpired(notice, now)) throw new AppError('NOTICES.EXPIRED');
  if (!(await callerTargeted(caller, notice))) throw new AppError('NOTICES.NOT_TARGETED');
  return { caller, notice, receipt: receipt?.memberId === caller.memberId ? receipt : null, now };
}

/**
 * Moves the caller's receipt from read to `patch.state`, or stores it answered at once when they answer without
 * having opened it (opened elsewhere). Each is one write that decides itself (an insert under a derived id, a move
 * guarded by the state it leaves), and every count is taken from the receipts, so a retried answer counts nothing
 * twice. Answers the receipt as it now stands. Round trips: 1 (a repeat 1, a lost race 2).
 */
async function advance(a: Answering, patch: Pick<m.ReceiptDoc, 'state' | 'confirmedAt' | 'reply'>): Promise<m.ReceiptDoc> {
  const id = m.receiptIdOf(a.notice._id, a.caller.memberId);
  let receipt = a.receipt;
  if (!receipt) {
    const doc: m.ReceiptDoc = {
      _id: id,
      noticeId: a.notice._id,
      communityId: a.notice.communityId,
      memberId: a.caller.memberId,
      targeted: true,
      readAt: a.now,
      groupIds: [],
      elsewhere: true,
      ...patch,
    };
    if (await q.insertReceipt(doc)) return doc;
    receipt = await q.findReceipt(id);
  }
  if (!receipt) throw new AppError('COMMON.BUSY');
  if (receipt.state === 'read' && (await q.advanceReceipt(id, { state: 'read' }, patch))) return { ...receipt, ...patch };
  return receipt.state === 'read' ? ((await q.findReceipt(id)) ?? receipt) : receipt;
}

export async function confirm(input: In<'confirm'>, ctx: CallContext): Out<'confirm'> {
  const a = await answering(input.noticeId, 'confirm', ctx);
  const receipt = await advance(a, { state: 'confirmed', confirmedAt: a.now, reply: null });
  return { mine: m.toMyReceipt(receipt) };
}

export async function reply(input: In<'reply'>, ctx: CallContext): Out<'reply'> {
  const a = await answering(input.noticeId, 'reply', ctx);
  const option = a.notice.question?.options.indexOf(input.answer) ?? -1;
  if (option < 0) throw new AppError('NOTICES.BAD_OPTION');
  const receipt = await advance(a, { state: 'replied', confirmedAt: null, reply: input.answer });
  if (receipt.reply !== input.answer) throw new AppError('NOTICES.ALREADY_REPLIED');
  return { mine: m.toMyReceipt(receipt) };
}
