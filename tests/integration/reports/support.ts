import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { memberIdFor } from '../../../cloudfunctions/_core/identity';
import type { ReportDoc } from '../../../cloudfunctions/reports/reports.model';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import type { ReportInput } from '../../../src/shared/actions/reports';
import type { ReportView } from '../../../src/shared/domain/report';
import type { Harness } from '../../support/harness';

export const BAIYU = 'cm-baiyu1';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

let serial = 0;
export const rid = (label = 'r') => `${label}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;

export const idOf = (openid: string) => memberIdFor({ openid, appid: LOCAL_APPID });

/** A report at a building (default: the resident's own 3号楼, in 第一微格 led by 张丽华). */
export function draft(extra: Partial<ReportInput> & { building?: string; spot?: string } = {}): ReportInput {
  const { building, spot, ...rest } = extra;
  return {
    categoryKey: 'clutter',
    place: spot ? { building: '', unit: '', spot, point: null } : { building: building ?? '3号楼', unit: '2单元', spot: '', point: null },
    text: '楼道里堆了很多纸箱，挡住了消防通道',
    photos: [],
    ...rest,
  };
}

/** Stops the clock at its current instant (so due times compare exactly) and answers that instant. */
export function freeze(h: Harness): number {
  h.stack.clock.frozenAtMs = Date.now();
  h.stack.clock.offsetMs = 0;
  return h.stack.clock.nowMs();
}

/** Moves the (frozen) clock to `at`. */
export function setNow(h: Harness, at: number | Date): void {
  const ms = typeof at === 'number' ? at : at.getTime();
  h.stack.clock.offsetMs = ms - (h.stack.clock.frozenAtMs ?? Date.now());
}

export async function fileReport(h: Harness, openid: string, extra: Parameters<typeof draft>[0] = {}, more: { requestId?: string; forMemberId?: string } = {}): Promise<ReportView> {
  const payload = { report: draft(extra), requestId: more.requestId ?? rid('file'), ...(more.forMemberId ? { forMemberId: more.forMemberId } : {}) };
  return (await h.call('reports', 'file', payload, openid)).report;
}

export async function reportDoc(id: string): Promise<ReportDoc> {
  const res = await getDb().collection(COLLECTIONS.reports).doc(id).get();
  return res.data[0] as ReportDoc;
}

/** Lets the people named receive `templates` (one unit each), as a tap on 允许 would. */
export async function allow(h: Harness, openids: readonly string[], templates: string[], times = 1): Promise<void> {
  for (const openid of openids) {
    for (let i = 0; i < times; i++) await h.call('members', 'grantSubscriptions', { requestId: rid(`tap-${openid}`), templates }, openid);
  }
}

/** The subscribe messages WeChat got for a template, as [openid, template] pairs. */
export const sent = (h: Harness, template?: string) => h.stack.wechat.messages.filter((m) => !template || m.templateId === template);
