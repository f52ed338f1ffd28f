import { callCloud, CloudCallError } from '@/services/cloud';
import { ERRORS } from '@shared/errors';

export const streetApi = {
  viewCounts: () => callCloud('street', 'viewCounts', {}),
};

/** The Chinese message to show for any failure (a bug is never shown as-is). */
export function errorText(err: unknown): string {
  return err instanceof CloudCallError ? err.message : ERRORS['COMMON.INTERNAL'];
}
