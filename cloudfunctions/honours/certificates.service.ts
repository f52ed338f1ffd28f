import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { honoursActions } from '../../src/shared/actions/honours';
import { monthOf, monthsRange } from '../../src/shared/domain/honours';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { formatShanghai } from '../../src/shared/time';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import * as m from './honours.model';
import * as q from './honours.queries';

type A = typeof honoursActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

const dayOf = (at: Date) => formatShanghai(at, 'YYYY-MM-DD');

/**
 * The certificate lists every record with hours in the period by the day the service was given (an entry from before
 * that day was stored, by the day it was entered, and it says so), marks what the committee entered by hand (补录)
 * and corrections (更正), and states the total as their sum, as 民政部令第67号 asks of a service record.
 * Round trips: 3 (the caller; the period's entries, 1 per 1000, beside the 居民区's name; the insert), 4 when it was
 * issued before (the stored one is read back). The certificate's `_id` is derived from member, period and lines, so
 * asking again, retrying or racing answers the first one's code; once a record in the period changes, a new one
 * states it.
 */
export async function requestCertificate(input: In<'requestCertificate'>, { identity }: CallContext): Out<'requestCertificate'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewOwn', { memberId: caller.memberId });
  const now = clock().now();
  if (input.to > monthOf(now)) throw new AppError('HONOURS.PERIOD_IN_FUTURE', { to: '证明的时间段不能晚于本月' });
  const { start, end } = monthsRange(input.from, input.to);
  const days = { fromDay: dayOf(start), toDay: dayOf(end), start, end };
  const [entries, community] = await Promise.all([q.certificateEntries(caller.memberId, days), q.findCommunity(caller.communityId!)]);
  const lines = m.certificateLines(entries);
  const halfHours = lines.reduce((sum, l) => sum + l.halfHours, 0);
  if (halfHours <= 0) throw new AppError('HONOURS.NO_HOURS');
  const doc: m.CertificateDoc = {
    _id: m.certificateId(caller.memberId, input.from, input.to, lines),
    code: m.newCertificateCode(),
    communityId: caller.communityId!,
    memberId: caller.memberId,
    name: caller.record?.name ?? '',
    communityName: community?.name ?? '',
    halfHours,
    from: input.from,
    to: input.to,
    issuedAt: now,
    lines,
  };
  const stored = (await q.insertCertificate(doc)) ? doc : await q.findCertificate(doc._id);
  return { certificate: m.toCertificate(stored ?? doc) };
}

/** Round trips: 2 (the caller; the page). */
export async function certificates(input: In<'certificates'>, { identity }: CallContext): Out<'certificates'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'honours.viewOwn', { memberId: caller.memberId });
  const { rows, hasMore } = await q.certificatesPage(caller.memberId, input.page);
  return { items: rows.map(m.toCertificate), page: input.page, hasMore };
}

/**
 * Round trips: 1. Anyone who opens the mini-program may check a code (the router has already required a WeChat
 * caller); the answer states only what the certificate does: no phone, no ids.
 */
export async function verifyCertificate(input: In<'verifyCertificate'>, _ctx: CallContext): Out<'verifyCertificate'> {
  const found = /^[A-Z0-9]{1,40}$/.test(input.code) ? await q.findCertificateByCode(input.code) : null;
  return found ? { genuine: true, certificate: m.toCertificate(found) } : { genuine: false };
}
