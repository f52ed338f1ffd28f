import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { learningActions } from '../../src/shared/actions/learning';
import { CODE_ALPHABET, CODE_LENGTH } from '../../src/shared/domain/honours';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import type { CallContext } from '../_core/router';
import * as q from './learning.queries';
import { toCertificate } from './learning.views';

type A = typeof learningActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

const PAGE = 20;
const CODE_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** The caller's course certificates, newest first. Round trips: 2 (the caller; the page). */
export async function myCertificates(input: In<'myCertificates'>, { identity }: CallContext): Out<'myCertificates'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'learning.learn', { memberId: caller.memberId });
  const rows = await q.completionsPage(caller.memberId, (input.page - 1) * PAGE, PAGE + 1);
  return { items: rows.slice(0, PAGE).map(toCertificate), page: input.page, hasMore: rows.length > PAGE };
}

/**
 * Anyone who opens the mini-program may check a code (the router has required a WeChat caller); the answer states
 * what the certificate does: no phone, no ids. A code of another shape is not looked up. Round trips: 1.
 */
export async function verifyCertificate(input: In<'verifyCertificate'>, _ctx: CallContext): Out<'verifyCertificate'> {
  const found = CODE_SHAPE.test(input.code) ? await q.findCompletionByCode(input.code) : null;
  return found ? { genuine: true, certificate: toCertificate(found) } : { genuine: false };
}
