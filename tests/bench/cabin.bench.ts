/**
 * The 爱心格子屋 at scale: browse and search a cabin of 5,000 items (a section page, a deep page, words of the name,
 * "available now"), and borrowing, through the real `cabin` function and SDK against the in-memory emulator.
 * Figures: p50/p99 (ms) and database requests per call (reaching the gateway; reads made side by side count one
 * each, so a browse is 3 requests in 3 sequential round trips and a borrow 14 requests in 7, ending in one transaction).
 * Also runnable alone: `npx tsx tests/bench/cabin.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { newItemDoc } from '../../cloudfunctions/cabin/cabin.model';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { insertOnce } from '../../cloudfunctions/_core/db';
import type { ItemInput } from '../../src/shared/actions/cabin';
import { DEMO_CABIN_ID } from '../../emulator/seed/cabin';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { addMember } from '../integration/honours/support';
import type { Harness } from '../support/harness';
import { percentile, runStandalone, withCountingStack } from './support';

const ITEMS = 5_000;
const RUNS = 40;
const BORROWERS = 40;
const SECTIONS = ['books', 'sewing', 'buttons', 'sale', 'umbrellas'] as const;
const WORDS = ['红楼', '针线', '纽扣', '雨伞', '手工', '字帖', '养生', '菜谱'];

function benchItem(i: number): ItemInput {
  const sectionKey = SECTIONS[i % SECTIONS.length]!;
  const name = `${WORDS[i % WORDS.length]}${i}`;
  if (sectionKey === 'buttons') return { kind: 'consumable', sectionKey, name, stock: 50, unit: '个', lowStockAt: 5 };
  if (sectionKey === 'sale') return { kind: 'sale', sectionKey, name, priceFen: 500 };
  return { kind: 'loanable', sectionKey, name, loanClass: sectionKey === 'books' ? 'book' : 'other' };
}

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests }) => {
    const now = stack.clock.now();
    const committee = DEMO_PEOPLE.find((p) => p.key === 'committee')!;
    for (let start = 0; start < ITEMS; start += 250) {
      await Promise.all(
        Array.from({ length: Math.min(250, ITEMS - start) }, (_, k) => {
          const i = start + k;
          return insertOnce(COLLECTIONS.cabinItems, newItemDoc(`bench-${i}`, 'cm-baiyu1', DEMO_CABIN_ID, benchItem(i), committee.key, now));
        }),
      );
    }
    const call = async (action: string, payload: unknown, openid: string) => {
      const res = (await stack.host.invoke('cabin', { action, payload }, { openid })) as { ok: boolean; error?: { code: string } };
      if (!res.ok) throw new Error(`${action}: ${res.error?.code}`);
      return res;
    };
    const resident = DEMO_PEOPLE.find((p) => p.key === 'resident')!.openid;

    const measure = async (label: string, payload: () => unknown) => {
      const times: number[] = [];
      const before = requests();
      for (let r = 0; r < RUNS; r += 1) {
        const t = performance.now();
        await call('items', payload(), resident);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      out[`${label}: database requests per call`] = (requests() - before) / RUNS;
      out[`${label}: p50 ms`] = percentile(times, 50);
      out[`${label}: p99 ms`] = percentile(times, 99);
    };
    out['items in the cabin'] = ITEMS;
    await measure('browse a section, page 1', () => ({ cabinId: DEMO_CABIN_ID, sectionKey: 'books' }));
    await measure('browse a section, page 40', () => ({ cabinId: DEMO_CABIN_ID, sectionKey: 'books', page: 40 }));
    await measure('available now, whole cabin', () => ({ cabinId: DEMO_CABIN_ID, availableNow: true }));
    let w = 0;
    await measure('search words of the name', () => ({ cabinId: DEMO_CABIN_ID, query: WORDS[(w += 1) % WORDS.length] }));

    const harnessLike = { stack } as unknown as Harness;
    const people = [];
    for (let i = 0; i < BORROWERS; i += 1) people.push(await addMember(harnessLike, `bench-borrower-${i}`, `借书人${i}`));
    const times: number[] = [];
    let trips = 0;
    for (let i = 0; i < BORROWERS; i += 1) {
      const before = requests();
      const t = performance.now();
      await call('borrow', { itemId: `bench-${i * SECTIONS.length}`, requestId: `bench-borrow-${i}` }, people[i]!.openid);
      times.push(performance.now() - t);
      trips += requests() - before;
    }
    times.sort((a, b) => a - b);
    out['borrow (first loan of a person): database requests'] = trips / BORROWERS;
    out['borrow: p50 ms'] = percentile(times, 50);
    out['borrow: p99 ms'] = percentile(times, 99);

    const again: number[] = [];
    const before = requests();
    for (let i = 0; i < BORROWERS; i += 1) {
      const t = performance.now();
      await call('borrow', { itemId: `bench-${(i + BORROWERS) * SECTIONS.length}`, requestId: `bench-borrow-b-${i}` }, people[i]!.openid);
      again.push(performance.now() - t);
    }
    again.sort((a, b) => a - b);
    out['borrow (a later loan): database requests'] = (requests() - before) / BORROWERS;
    out['borrow (a later loan): p50 ms'] = percentile(again, 50);
  });
  return out;
}

if (require.main === module) runStandalone(bench);
