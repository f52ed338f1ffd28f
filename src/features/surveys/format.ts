import type { StatusTone } from '@/components/StatusTag';
import { SURVEY_STATE_LABELS, type SurveyAudience, type SurveySummaryView } from '@shared/domain/survey';
import { formatShanghai } from '@shared/time';

/** "12月5日 15:30", Shanghai time. */
export const whenText = (iso: string): string => formatShanghai(iso, 'M月D日 HH:mm');

/**
 * Who asks, as residents say it: 居委会, or the surname with the role (张微格长). The view carries only the surname
 * and the role's words, so "张 发起" (the surname alone) never shows.
 */
export function askerText({ role, name }: { role: string; name: string }): string {
  if (role === '居委') return '居委会';
  return name ? `${name}${role}` : role;
}

/** One audience the caller may pick; `value` names its chip (`community`, `grid:<id>`, `council:<id>`...). */
export interface AudienceChoice {
  value: string;
  label: string;
  audience: SurveyAudience;
}

/** The chips an audience stands for (several grids may be picked together). */
export function chipsOf(audience: SurveyAudience): string[] {
  if (audience.kind === 'grids') return audience.gridIds.map((id) => `grid:${id}`);
  if (audience.kind === 'council') return [`council:${audience.councilId}`];
  return [audience.kind];
}

/**
 * The chips after a tap: grids add up (one tap adds or removes a grid); anything else stands alone, so picking
 * 全居民区 after two grids asks the whole 居民区.
 */
export function nextChips(before: readonly string[], after: readonly string[]): string[] {
  const added = after.find((v) => !before.includes(v));
  if (!added) return [...after];
  if (added.startsWith('grid:')) return after.filter((v) => v.startsWith('grid:'));
  return [added];
}

/** The audience the chips say; null while none is picked. */
export function audienceOf(chips: readonly string[]): SurveyAudience | null {
  const [first] = chips;
  if (!first) return null;
  if (first.startsWith('grid:')) return { kind: 'grids', gridIds: chips.map((c) => c.slice('grid:'.length)) };
  if (first.startsWith('council:')) return { kind: 'council', councilId: first.slice('council:'.length) };
  return first === 'members' ? { kind: 'members' } : { kind: 'community' };
}

/** A survey's state as its tag says it: 进行中 only while it takes answers (未开始 before its open time). */
export function stateTag(s: Pick<SurveySummaryView, 'state' | 'open' | 'opensAt'>, nowMs: number): { label: string; tone: StatusTone } {
  if (s.state === 'published' && !s.open) {
    return nowMs < Date.parse(s.opensAt) ? { label: '未开始', tone: 'neutral' } : { label: '已截止', tone: 'neutral' };
  }
  const tones: Record<SurveySummaryView['state'], StatusTone> = { draft: 'neutral', published: 'pending', closed: 'success' };
  return { label: SURVEY_STATE_LABELS[s.state], tone: tones[s.state] };
}

/** A percent as "42.9%". */
export const percentText = (percent: number): string => `${percent}%`;
