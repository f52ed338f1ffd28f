import { SIGNUP_STATUS_LABELS, type MySignupView } from '@shared/domain/event';
import { formatShanghai, inShanghai } from '@shared/time';

/** "11月24日 周二 19:00-21:00", Shanghai time. */
export function whenText(startAt: string, endAt: string): string {
  const weekday = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][inShanghai(startAt).day()];
  return `${formatShanghai(startAt, 'M月D日')} ${weekday} ${formatShanghai(startAt, 'HH:mm')}-${formatShanghai(endAt, 'HH:mm')}`;
}

/** What the caller's own sign-up says: "已报名", "你在候补第3位". */
export function mySignupText(mine: MySignupView): string {
  if (mine.status === 'waiting' && mine.waitingPosition) return `你在候补第${mine.waitingPosition}位`;
  return SIGNUP_STATUS_LABELS[mine.status];
}

/** "2026-11-24 19:00" as the form shows it, in Shanghai time. */
export const toFormTime = (iso: string): string => formatShanghai(iso);

/** A form's "YYYY-MM-DD HH:mm" (Shanghai) as an ISO instant; null when it is not one. */
export function fromFormTime(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const pad = (s: string) => s.padStart(2, '0');
  const at = new Date(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}T${pad(m[4]!)}:${m[5]}:00+08:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
