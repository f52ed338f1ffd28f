import type { StatusTone } from '@/components/StatusTag';
import {
  formatFen,
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
  type ItemStatus,
  type ItemSummaryView,
  type LoanView,
} from '@shared/domain/cabin';
import { formatShanghai } from '@shared/time';

/** "12月1日 14:30", Shanghai time. */
export const dayTime = (iso: string): string => formatShanghai(iso, 'M月D日 HH:mm');

/** "12月1日", Shanghai time. */
export const day = (iso: string): string => formatShanghai(iso, 'M月D日');

export function statusTone(status: ItemStatus): StatusTone {
  if (status === 'available') return 'success';
  if (status === 'on-hold' || status === 'on-loan' || status === 'in-repair') return 'pending';
  if (status === 'lost' || status === 'retired') return 'danger';
  return 'neutral';
}

/** What a shelf label says of an item: 在架 / 剩 12 个 / ¥5.00 / 11月20日刊. */
export function itemFacts(item: ItemSummaryView): string[] {
  const facts = [ITEM_KIND_LABELS[item.kind], item.sectionName];
  if (item.kind === 'consumable' && item.stock !== null) facts.push(`剩 ${item.stock} ${item.unit ?? '个'}`);
  if (item.kind === 'sale' && item.priceFen !== null) facts.push(`义卖价 ${formatFen(item.priceFen)}`);
  if (item.kind === 'reading' && item.issueDate) facts.push(`${formatShanghai(`${item.issueDate}T12:00:00+08:00`, 'M月D日')}刊`);
  return facts;
}

export const statusLabel = (status: ItemStatus): string => ITEM_STATUS_LABELS[status];

/** "12月1日前归还" or, once late, "已逾期，12月1日应还". */
export function dueText(loan: Pick<LoanView, 'dueAt' | 'overdue'>): string {
  return loan.overdue ? `已逾期，${day(loan.dueAt)}应还` : `${day(loan.dueAt)}前归还`;
}

/** Yuan typed by a keeper ("5", "5.5", "5.50") to fen; null when it is not a price. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,5})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}
