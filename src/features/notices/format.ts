import type { StatusTone } from '@/components/StatusTag';
import { RECEIPT_STATE_LABELS, type NoticeCounts, type NoticeMode, type ReceiptState } from '@shared/domain/notices';
import { formatShanghai } from '@shared/time';

/** "11月24日 19:00", Shanghai time. */
export const timeText = (iso: string): string => formatShanghai(iso, 'M月D日 HH:mm');

export const STATE_TONES: Record<ReceiptState, StatusTone> = { unread: 'pending', read: 'neutral', confirmed: 'success', replied: 'success' };

export const stateLabel = (state: ReceiptState): string => RECEIPT_STATE_LABELS[state];

/** "已读 12/30，已收到 8": what the writer reads first; the second part only when the mode asks for it. */
export function countsText(counts: NoticeCounts, mode: NoticeMode): string {
  const read = `已读 ${counts.read}/${counts.targeted}`;
  if (mode === 'confirm') return `${read}，已收到 ${counts.confirmed}`;
  if (mode === 'reply') return `${read}，已回复 ${counts.replied}`;
  return read;
}

