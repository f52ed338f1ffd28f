import { createHash } from 'crypto';
import type { ChildView } from '../../src/shared/domain/member';
import { PRIVACY_VERSION } from '../../src/shared/privacy';
import { inShanghai } from '../../src/shared/time';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { type ChildDoc, insertChild, listChildrenOf, removeChildOf } from './children.queries';
import { loadOrCreateMe, requireCommunity, requireConsent } from './me';
import type { In, Out } from './members.types';

/** 小小梯队: guardians register their children, with consent, and can remove them at any time. */

const toChildView = (c: ChildDoc): ChildView => ({
  id: c._id,
  name: c.name,
  birthYear: c.birthYear,
  consentAt: new Date(c.consentAt).toISOString(),
});

/** Round trips: 2, plus the content check. The same child added twice is one record. */
export async function addChild(input: In<'addChild'>, { identity }: CallContext): Out<'addChild'> {
  const guardian = await loadOrCreateMe(identity);
  const communityId = requireCommunity(guardian);
  requireConsent(guardian);
  const now = clock().now();
  if (inShanghai(now).year() - input.birthYear >= 18) throw new AppError('MEMBERS.CHILD_TOO_OLD');
  await ensurePublishable(identity, [input.name]);
  const id = createHash('sha256').update(`${guardian._id}:${input.name}:${input.birthYear}`).digest('hex').slice(0, 24);
  const doc: ChildDoc = {
    _id: id,
    communityId,
    guardianId: guardian._id,
    name: input.name,
    birthYear: input.birthYear,
    consentAt: now,
    consentVersion: PRIVACY_VERSION,
  };
  await insertChild(doc);
  return { child: toChildView(doc) };
}

/** Round trips: 2. */
export async function listChildren(_input: In<'listChildren'>, { identity }: CallContext): Out<'listChildren'> {
  const guardian = await loadOrCreateMe(identity);
  return { items: (await listChildrenOf(guardian._id)).map(toChildView) };
}

/** Round trips: 2. Someone else's child answers NOT_FOUND. */
export async function removeChild(input: In<'removeChild'>, { identity }: CallContext): Out<'removeChild'> {
  const guardian = await loadOrCreateMe(identity);
  if (!(await removeChildOf(guardian._id, input.childId))) throw new AppError('COMMON.NOT_FOUND');
  return { removed: true };
}
