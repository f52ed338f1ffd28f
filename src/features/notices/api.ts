import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';
import { GROUP_CLOUD_ID_FIELD } from '@shared/actions/notices';
import type { NoticeMode, ReceiptFilter } from '@shared/domain/notices';
import type { GroupCloudId } from './group-entry';

/** The group's CloudID as the top-level call field the platform resolves; nothing when not opened in a group. */
const inGroup = (groupCloudId: GroupCloudId | null) => (groupCloudId ? { [GROUP_CLOUD_ID_FIELD]: groupCloudId } : undefined);

/** The notices function's actions, as the pages use them. */
export const noticesApi = {
  list: (page: number) => callCloud('notices', 'list', { page }),
  managed: (page: number) => callCloud('notices', 'managed', { page }),
  targets: () => callCloud('notices', 'targets', {}),
  open: (noticeId: string, groupCloudId: GroupCloudId | null) => callCloud('notices', 'open', { noticeId }, inGroup(groupCloudId)),
  confirm: (noticeId: string) => callCloud('notices', 'confirm', { noticeId }),
  reply: (noticeId: string, answer: string) => callCloud('notices', 'reply', { noticeId, answer }),
  create: (input: InputOf<'notices', 'create'>) => callCloud('notices', 'create', input),
  update: (input: InputOf<'notices', 'update'>) => callCloud('notices', 'update', input),
  remove: (noticeId: string) => callCloud('notices', 'remove', { noticeId }),
  receipts: (noticeId: string, filter: ReceiptFilter, groupId: string | null, page: number) =>
    callCloud('notices', 'receipts', { noticeId, filter, page, ...(groupId ? { groupId } : {}) }),
  remind: (noticeId: string, requestId: string) => callCloud('notices', 'remind', { noticeId, requestId }),
  groups: (page: number) => callCloud('notices', 'groups', { page }),
  whichGroup: (groupCloudId: GroupCloudId | null) => callCloud('notices', 'whichGroup', {}, inGroup(groupCloudId)),
  bindGroup: (gridId: string, name: string, groupCloudId: GroupCloudId | null) =>
    callCloud('notices', 'bindGroup', { gridId, name }, inGroup(groupCloudId)),
  renameGroup: (groupId: string, name: string) => callCloud('notices', 'renameGroup', { groupId, name }),
  unbindGroup: (groupId: string) => callCloud('notices', 'unbindGroup', { groupId }),
  robots: () => callCloud('notices', 'robots', {}),
  /** Published questionnaires the writer may see (the surveys function), to link one to a notice. */
  publishedSurveys: () => callCloud('surveys', 'list', { page: 1, filters: { state: 'published' } }),
  setRobot: (gridId: string, webhook: string) => callCloud('notices', 'setRobot', { gridId, webhook }),
  removeRobot: (gridId: string) => callCloud('notices', 'removeRobot', { gridId }),
};

const PKG = '/packages/notices/pages';
export const NOTICE_PAGES = {
  list: `${PKG}/list/index`,
  detail: (id: string) => `${PKG}/detail/index?id=${encodeURIComponent(id)}`,
  edit: (id?: string) => (id ? `${PKG}/edit/index?id=${encodeURIComponent(id)}` : `${PKG}/edit/index`),
  /** `mode` says which counts matter (收到 or replies). */
  receipts: (id: string, mode: NoticeMode) => `${PKG}/receipts/index?id=${encodeURIComponent(id)}&mode=${mode}`,
  groups: `${PKG}/groups/index`,
  /** The bind card opens this inside a group, for one of the leader's grids. */
  bind: (gridId: string) => `${PKG}/bind/index?gridId=${encodeURIComponent(gridId)}`,
  robots: `${PKG}/robots/index`,
};

export { newRequestId } from '@/services/request-id';
