import { callCloud, CloudCallError } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';
import { ERRORS } from '@shared/errors';

export type TalentQuery = InputOf<'talent', 'search'>;

/** The talent function's actions, as the pages use them. */
export const talentApi = {
  options: () => callCloud('talent', 'options', {}),
  search: (input: TalentQuery) => callCloud('talent', 'search', input),
};

export function talentErrorText(err: unknown): string {
  return err instanceof CloudCallError ? err.message : ERRORS['COMMON.INTERNAL'];
}
