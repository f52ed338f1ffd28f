import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { ItemInput } from '../../../src/shared/actions/cabin';
import type { ItemView } from '../../../src/shared/domain/cabin';
import { DEMO_CABIN_ID } from '../../../emulator/seed/cabin';
import { addDays, dayOf, instantAt, weekdayIndex } from '../../../src/shared/rules/cabin-hours';
import type { Harness } from '../../support/harness';
import { addMember } from '../honours/support';

export const CABIN = DEMO_CABIN_ID;

let serial = 0;
/** A request id the way the page makes one. */
export const rid = (label = 'req'): string => `${label}-${(serial += 1)}-${Date.now().toString(36)}`;

/** The committee adds an item to the demo cabin. */
export async function addItem(h: Harness, item: ItemInput): Promise<ItemView> {
  return (await h.call('cabin', 'createItem', { cabinId: CABIN, item, requestId: rid('item') }, h.identities.committee)).item;
}

export const sewingKit = (name: string): ItemInput => ({ kind: 'loanable', sectionKey: 'sewing', name, description: '', condition: '新', loanClass: 'sewing' });

/** `n` fresh residents of 白玉一居 (approved members, so they can also be named staff). */
export function residents(h: Harness, n: number, prefix = 'cabin-r'): Promise<{ openid: string; memberId: string }[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => addMember(h, `${prefix}-${i}`, `邻居${i}`)));
}

export async function docs(collection: keyof typeof COLLECTIONS, where: Record<string, unknown>): Promise<Record<string, any>[]> {
  const res = await getDb().collection(COLLECTIONS[collection]).where(where).limit(1000).get();
  return res.data as Record<string, any>[];
}

export async function doc(collection: keyof typeof COLLECTIONS, id: string): Promise<Record<string, any> | undefined> {
  return (await getDb().collection(COLLECTIONS[collection]).doc(id).get()).data[0];
}

/** Moves the clock by `ms`. */
export function advance(h: Harness, ms: number): void {
  h.stack.clock.offsetMs += ms;
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** An envelope refused with `code`. */
export async function fail(promise: Promise<{ ok: boolean; error?: { code: string } }>, code: string): Promise<void> {
  expect(await promise).toMatchObject({ ok: false, error: { code } });
}

/**
 * Moves the clock to the next Monday 10:00 in Shanghai, when every section of the demo cabin is open (weekdays
 * 9:00-11:30, the paper rack 9:00-10:00 is the exception: it has just closed), so borrowing works whatever the
 * hour the tests run at.
 */
export function openMonday(h: Harness, time = '10:00'): void {
  const today = dayOf(new Date(h.stack.clock.nowMs()));
  const monday = addDays(today, 7 - weekdayIndex(today));
  h.stack.clock.offsetMs += instantAt(monday, time).getTime() - h.stack.clock.nowMs();
}
