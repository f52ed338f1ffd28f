import { GROUP_CLOUD_ID_FIELD } from '../../src/shared/actions/notices';
import type { NoticeTarget } from '../../src/shared/domain/notices';
import { isTargeted } from '../../src/shared/rules/notice-audience';
import { authorize, can } from '../_core/authorize';
import type { Caller } from '../_core/caller';
import { withChairs, type CouncilDoc } from '../_core/council-chairs';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import { wechat } from '../_core/ports/wechat';
import type { NoticeDoc } from './notices.model';
import { colourOf } from './notices.queries';

/** Who may do what with a notice, beyond the plain matrix checks. */

/** A CloudID is a short opaque token; anything longer is not one and is never sent to the platform. */
const CLOUD_ID_MAX = 256;

/**
 * The opengid of the group the call came from. The client sends only the CloudID string (top-level
 * `groupCloudId`); the function asks the platform what it stands for (getOpenData), so an object a client wrote
 * by hand (`{ cloudID, data: { opengid } }`) or an unknown, expired or foreign CloudID gives none.
 */
export async function opengidFrom(event: Record<string, unknown>, identity: Identity): Promise<string | null> {
  const cloudID = event[GROUP_CLOUD_ID_FIELD];
  if (typeof cloudID !== 'string' || cloudID.length === 0 || cloudID.length > CLOUD_ID_MAX) return null;
  const data = await wechat().resolveCloudId({ cloudID, appid: identity.appid });
  // WeChat's group data names it `opengid` (getGroupEnterInfo) or `openGId` (the older getShareInfo).
  const opengid = data?.opengid ?? data?.openGId;
  return typeof opengid === 'string' && opengid.length > 0 ? opengid : null;
}

/** The notice's writer and the committee manage it (edit before publishing, receipts, reminders). */
export function canManage(caller: Caller, notice: Pick<NoticeDoc, 'communityId' | 'writerId'>): boolean {
  return can(caller, 'notices.manage', { communityId: notice.communityId, memberId: notice.writerId });
}

/**
 * Checks the caller may publish to `target` within their 居民区 (grids and councils must exist there: another
 * 居民区's id answers NOT_FOUND) and answers the caller with council_chair added when a council is targeted.
 * Colour groups also need the 微格分色 grant of the grids function (grids.viewColour). Round trips: 0-2.
 */
export async function authorizeTarget(
  caller: Caller,
  target: NoticeTarget,
  known: { gridIds: Set<string>; councils: CouncilDoc[] },
): Promise<Caller> {
  const communityId = caller.communityId;
  const gridsExist = (ids: string[]) => {
    if (ids.some((id) => !known.gridIds.has(id))) throw new AppError('COMMON.NOT_FOUND');
  };
  switch (target.kind) {
    case 'community':
      authorize(caller, 'notices.publish', { communityId });
      return caller;
    case 'grids':
      gridsExist(target.gridIds);
      for (const gridId of target.gridIds) authorize(caller, 'notices.publish', { communityId, gridId });
      return caller;
    case 'council': {
      const council = known.councils.find((c) => c._id === target.councilId && c.active);
      if (!council) throw new AppError('COMMON.NOT_FOUND');
      const chair = caller.roles.includes('committee') ? caller : await withChairs(caller, [council]);
      authorize(chair, 'notices.publish', { communityId, councilId: council._id });
      return chair;
    }
    case 'colour': {
      gridsExist(target.gridIds);
      const scopes = target.gridIds.length ? target.gridIds.map((gridId) => ({ communityId, gridId })) : [{ communityId }];
      for (const scope of scopes) {
        authorize(caller, 'notices.publish', scope);
        authorize(caller, 'grids.viewColour', scope);
      }
      return caller;
    }
  }
}

/** May the caller read a colour group's colour (grids.viewColour over every grid it names, or the 居民区)? No reads. */
export function seesColour(caller: Caller, notice: Pick<NoticeDoc, 'communityId' | 'target'>): boolean {
  if (notice.target.kind !== 'colour') return true;
  const communityId = notice.communityId;
  const scopes = notice.target.gridIds.length ? notice.target.gridIds.map((gridId) => ({ communityId, gridId })) : [{ communityId }];
  return scopes.every((scope) => can(caller, 'grids.viewColour', scope));
}

/** Is the caller among the notice's targeted residents? One round trip for a colour group (their colour), else none. */
export async function callerTargeted(caller: Caller, notice: Pick<NoticeDoc, 'audienceKeys' | 'target'>): Promise<boolean> {
  const record = caller.record;
  if (!record) return false;
  const colour = notice.target.kind === 'colour' ? await colourOf(caller.memberId) : null;
  return isTargeted(notice.audienceKeys, { gridId: record.gridId, councilIds: record.councilIds ?? [], colour });
}
