import type { CouncilDetail, RotationLogEntry } from '@shared/domain/council';
import { rotationAt, type RotationTerm } from '@shared/rules/rotation';
import { formatShanghai } from '@shared/time';

export interface ScheduleRow {
  term: RotationTerm;
  chairName: string;
  current: boolean;
  /** Plain words about what changed this term's chair. */
  notes: string[];
}

export interface Schedule {
  rows: ScheduleRow[];
  /** The first term starts later than now. */
  notStarted: boolean;
}

const nameIn = (detail: CouncilDetail, id: string) => detail.people[id]?.name ?? '已注销的成员';
const names = (detail: CouncilDetail, ids: string[]) => ids.map((id) => nameIn(detail, id)).join('、');

/**
 * The next `count` terms of a council's rotation by the server's `now`, worked out here with the same rule the
 * function uses (src/shared/rules/rotation.ts). null without a rotation.
 */
export function scheduleOf(detail: CouncilDetail, now: string, count = 5): Schedule | null {
  if (!detail.rotation) return null;
  const eligible = (id: string) => detail.people[id]?.eligible ?? false;
  const { current, upcoming } = rotationAt(detail.rotation.plan, eligible, new Date(now), count);
  return {
    notStarted: current === null,
    rows: upcoming.map((term) => {
      const notes: string[] = [];
      if (term.skipped.length) notes.push(`${names(detail, term.skipped)}本任跳过`);
      if (term.passedOver.length) notes.push(`${names(detail, term.passedOver)}已不在本分会，自动由下一位接任`);
      if (term.swapped) notes.push('已与相邻一任对调');
      return {
        term,
        chairName: term.chairId ? nameIn(detail, term.chairId) : '暂无人选',
        current: current?.index === term.index,
        notes,
      };
    }),
  };
}

/** One line of the rotation history: who did what, when, why. */
export function logLine(detail: CouncilDetail, e: RotationLogEntry): string {
  const who = e.byName || '居委';
  const when = formatShanghai(e.at);
  const term = e.term !== undefined ? `第${e.term + 1}任` : '';
  switch (e.kind) {
    case 'set':
      return `${when} ${who}排定了新的轮值顺序`;
    case 'skip':
      return `${when} ${who}：${term}${nameIn(detail, e.memberId ?? '')}跳过，原因：${e.reason ?? ''}`;
    case 'swap':
      return `${when} ${who}：${term}${nameIn(detail, e.memberId ?? '')}与下一任${nameIn(detail, e.otherMemberId ?? '')}对调，原因：${e.reason ?? ''}`;
  }
}
