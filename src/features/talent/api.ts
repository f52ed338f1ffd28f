import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';

export type TalentQuery = InputOf<'talent', 'search'>;

/** The talent function's actions, as the pages use them. */
export const talentApi = {
  options: () => callCloud('talent', 'options', {}),
  search: (input: TalentQuery) => callCloud('talent', 'search', input),
};
