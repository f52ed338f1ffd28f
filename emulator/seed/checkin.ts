import type { Ensure } from './seed';

/** Demo data of the checkin domain. Answers how many documents were new. */
export async function seedCheckin(_ensure: Ensure, _now: Date): Promise<number> {
  return 0;
}
