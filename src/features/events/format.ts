import { SIGNUP_STATUS_LABELS, type MySignupView } from '@shared/domain/event';
import { dayText, formatShanghai } from '@shared/time';

/** "11月24日 周二 19:00-21:00", Shanghai time. */
export function whenText(startAt: string, endAt: string): string {
  return `${dayText(startAt)} ${formatShanghai(startAt, 'HH:mm')}-${formatShanghai(endAt, 'HH:mm')}`;
}

/** What the caller's own sign-up says: "已报名", "你在候补第3位". */
export function mySignupText(mine: MySignupView): string {
  if (mine.status === 'waiting' && mine.waitingPosition) return `你在候补第${mine.waitingPosition}位`;
  return SIGNUP_STATUS_LABELS[mine.status];
}
