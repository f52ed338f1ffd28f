import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import type { NoticeInput, PublishInput } from '../../../src/shared/actions/notices';
import type { NoticeView } from '../../../src/shared/domain/notices';
import type { Harness } from '../../support/harness';

/** A resident of cm-baiyu1 on WeChat, in `building` (1-4号楼 are cm-baiyu1-g1). */
export async function addResident(
  h: Harness,
  openid: string,
  extra: { name?: string; building?: string; room?: string; phone?: string; gridId?: string; communityId?: string } = {},
): Promise<{ openid: string; memberId: string }> {
  const identity = { openid, appid: LOCAL_APPID };
  const memberId = memberIdFor(identity);
  const now = new Date(h.stack.clock.nowMs());
  await getDb()
    .collection(COLLECTIONS.members)
    .add({
      ...newMemberDoc(memberId, openid, LOCAL_APPID, now, accountKeyOf(identity)),
      communityId: extra.communityId ?? 'cm-baiyu1',
      name: extra.name ?? `居民${openid}`,
      building: extra.building ?? '1号楼',
      room: extra.room ?? '101',
      phone: extra.phone ?? '13800000000',
      gridId: extra.gridId ?? 'cm-baiyu1-g1',
    });
  return { openid, memberId };
}

let serial = 0;

export function noticeInput(extra: Partial<NoticeInput> = {}): NoticeInput {
  return {
    title: '明天上午停水',
    body: '因管道维修，1-4号楼明天上午停水，请提前储水。',
    target: { kind: 'grids', gridIds: ['cm-baiyu1-g1'] },
    mode: 'read',
    ...extra,
  };
}

/** The grid leader of cm-baiyu1-g1 publishes (by default now) a notice to their grid. */
export async function publishNotice(
  h: Harness,
  extra: Partial<NoticeInput> = {},
  publish: PublishInput = { kind: 'now' },
  writer = h.identities.gridLeader,
): Promise<NoticeView> {
  serial += 1;
  const res = await h.call<{ notice: NoticeView }>('notices', 'create', { notice: noticeInput(extra), publish, requestId: `req-notice-${serial}` }, writer);
  return res.notice;
}

/** Opens a notice as `openid`, from fixture group `group` when given (the platform resolves its CloudID). */
export async function openNotice(h: Harness, noticeId: string, openid: string, group?: string) {
  const groupCloudId = group ? h.stack.wechat.openData.mintGroupCloudId(group, LOCAL_APPID) : undefined;
  return h.invoke('notices', { action: 'open', payload: { noticeId }, ...(groupCloudId ? { groupCloudId } : {}) }, openid);
}

export async function bindGroup(h: Harness, group: string, name: string, openid = h.identities.gridLeader, gridId = 'cm-baiyu1-g1') {
  return h.invoke('notices', { action: 'bindGroup', payload: { gridId, name }, groupCloudId: h.stack.wechat.openData.mintGroupCloudId(group, LOCAL_APPID) }, openid);
}

export async function receiptDocs(noticeId: string): Promise<Record<string, any>[]> {
  const res = await getDb().collection(COLLECTIONS.noticeReceipts).where({ noticeId }).limit(1000).get();
  return res.data as Record<string, any>[];
}

export async function noticeDoc(noticeId: string): Promise<Record<string, any>> {
  return (await getDb().collection(COLLECTIONS.notices).doc(noticeId).get()).data[0];
}
