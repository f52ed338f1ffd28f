import type { Ensure } from './seed';

/** Demo data of the cabin domain. Answers how many documents were new. */
export async function seedCabin(_ensure: Ensure, _now: Date): Promise<number> {
  return 0;
}
