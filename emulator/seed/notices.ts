import type { Ensure } from './seed';

/** Demo data of the notices domain. Answers how many documents were new. */
export async function seedNotices(_ensure: Ensure, _now: Date): Promise<number> {
  return 0;
}
