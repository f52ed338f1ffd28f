import * as v from 'valibot';
import { catalogue } from '../../../src/shared/catalogue';
import type { ActionSpec } from '../../../src/shared/action';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';
import { DEMO_CABIN_ID, demoCabinItemId } from '../../../emulator/seed/cabin';
import { fuzzCases, namesField, type FuzzCase, type KnownValues } from '../../support/schema-fuzz';

/**
 * Bad input never breaks a function and never writes: every action of the catalogue gets payloads derived from its
 * schema (NUL, a 1 MB string, zero-width only, U+202E and a lone surrogate in each string field; numbers at the
 * edges; wrong types, missing fields, deep nesting, __proto__ keys), called as a caller of its role.
 * - A payload the contract must refuse is answered COMMON.INVALID_INPUT naming the field, and writes nothing.
 * - A payload the schema accepts after all (-0, an unknown key, the plain base payload) runs the action as any call
 *   would: it may do its work, but never answers COMMON.INTERNAL.
 * A new action is fuzzed the day it is added, since the payloads come from its schema.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.reset();
}, 60_000);
afterAll(() => h.stop());

/** The committee can reach nearly every action; a resident shows the paths any resident takes; the street its own. */
const callersOf = (fn: string): DemoIdentity[] => (fn === 'street' ? ['streetAdmin'] : ['committee', 'resident']);
/**
 * A payload the schema accepts runs the handler, whose path depends on the caller's role: members and grid leaders
 * too (the router refuses a bad payload before it looks at the role, so the refused ones need no more callers).
 */
const acceptedCallersOf = (fn: string): DemoIdentity[] => (fn === 'street' ? ['streetAdmin'] : ['committee', 'resident', 'member', 'gridLeader']);
const CONCURRENCY = 6;

type Answer = Awaited<ReturnType<Harness['invoke']>>;

/** Real ids of the seeded 居民区 (read, never written), so a bad value next to them reaches the query behind. */
async function knownValues(): Promise<KnownValues> {
  const read = async (fn: string, action: string, payload: unknown = {}) => {
    const res = await h.invoke(fn, { action, payload }, h.identities.committee);
    return res.ok ? (res.data as any) : null;
  };
  const eventId = (await read('events', 'list'))?.items?.[0]?.id;
  const event = eventId ? await read('events', 'get', { eventId }) : null;
  const known: Record<string, string | undefined> = {
    memberId: h.memberIdOf('resident'),
    cabinId: DEMO_CABIN_ID,
    itemId: demoCabinItemId('umbrella-1'),
    councilId: (await read('councils', 'list'))?.items?.[0]?.id,
    gridId: (await read('grids', 'overview'))?.grids?.[0]?.id,
    eventId,
    roleKey: event?.event?.roles?.[0]?.key,
    rewardId: (await read('shop', 'list'))?.items?.[0]?.id,
    noticeId: (await read('notices', 'managed'))?.items?.[0]?.id,
  };
  return Object.fromEntries(Object.entries(known).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Documents written since `before` (added, changed or deleted), as coll/id; cheap: the store's snapshot knows. */
function writesSince(before: { snap: ReturnType<Harness['store']['snapshot']>; counts: Map<string, number> }): string[] {
  const store = h.store;
  const out: string[] = [];
  const colls = new Set([...before.counts.keys(), ...store.collections()]);
  for (const coll of colls) {
    if ((before.counts.get(coll) ?? 0) !== store.count(coll)) out.push(`${coll} (count ${before.counts.get(coll) ?? 0} -> ${store.count(coll)})`);
    for (const doc of store.list(coll)) if (before.snap.changed(coll, doc._id)) out.push(`${coll}/${String(doc._id)}`);
  }
  before.snap.release();
  return out;
}

function mark() {
  const counts = new Map(h.store.collections().map((c) => [c, h.store.count(c)]));
  return { snap: h.store.snapshot(), counts };
}

interface Figures {
  actions: number;
  payloads: number;
  calls: number;
  refused: number;
  accepted: number;
  internal: number;
  refusedWrites: number;
  writeRequests: number;
  acceptedWrites: number;
}

it('every action refuses every malformed payload: 0 COMMON.INTERNAL, 0 writes', async () => {
  const figures: Figures = { actions: 0, payloads: 0, calls: 0, refused: 0, accepted: 0, internal: 0, refusedWrites: 0, writeRequests: 0, acceptedWrites: 0 };
  const findings: string[] = [];
  /** Actions whose accepted payloads did their work (a valid call, e.g. the plain base payload). */
  const workers: string[] = [];
  const started = Date.now();
  let known = await knownValues();
  let resetMs = 0;
  // The fuzz means more when the lookups succeed: most of these ids must be found in the seed.
  expect(Object.keys(known).length).toBeGreaterThanOrEqual(8);

  for (const [fn, actions] of Object.entries(catalogue)) {
    for (const [action, spec] of Object.entries(actions as Record<string, ActionSpec>)) {
      figures.actions++;
      const cases = fuzzCases(spec.input, known);
      figures.payloads += cases.length;
      // The router treats a missing or null payload as {}; the schema's own verdict splits the cases.
      const accepts = (c: FuzzCase) => {
        const payload = c.payload() ?? {};
        return typeof payload === 'object' && !Array.isArray(payload) && v.safeParse(spec.input, payload).success;
      };
      const refusedCases = cases.filter((c) => !accepts(c));
      const acceptedCases = cases.filter(accepts);
      for (const c of acceptedCases) if (c.expect === 'refuse') findings.push(`${fn}.${action}: ${c.label}: accepted by the schema`);

      const check = (c: FuzzCase, caller: DemoIdentity, res: Answer) => {
        figures.calls++;
        if (!res.ok && res.error.code === 'COMMON.INTERNAL') {
          figures.internal++;
          findings.push(`${fn}.${action} as ${caller}: ${c.label}: COMMON.INTERNAL`);
        }
        if (c.expect === 'refuse') {
          const named = !res.ok && res.error.code === 'COMMON.INVALID_INPUT' && (!c.field || namesField(res.error.fields, c.field));
          if (!named) findings.push(`${fn}.${action} as ${caller}: ${c.label}: answered ${res.ok ? 'ok' : `${res.error.code} ${JSON.stringify(res.error.fields ?? {})}`}`);
        }
      };

      // Refused payloads, concurrently: nothing may change.
      const before = mark();
      h.faults.count();
      const calls = refusedCases.flatMap((c) => callersOf(fn).map((caller) => ({ c, caller })));
      await pool(calls, CONCURRENCY, async ({ c, caller }) => check(c, caller, await h.invoke(fn, { action, payload: c.payload() }, h.identities[caller])));
      figures.refused += calls.length;
      // Two views of "nothing written": the gateway saw no write request at all, and no document changed.
      if (h.faults.writes) findings.push(`${fn}.${action}: refused payloads made ${h.faults.writes} write requests`);
      figures.writeRequests += h.faults.writes;
      const written = writesSince(before);
      if (written.length) {
        figures.refusedWrites += written.length;
        findings.push(`${fn}.${action}: refused payloads wrote ${written.slice(0, 5).join(', ')}`);
      }

      // Accepted payloads run the action for real, one at a time (they may write, as a valid call does).
      const after = mark();
      for (const c of acceptedCases) {
        for (const caller of acceptedCallersOf(fn)) {
          figures.accepted++;
          check(c, caller, await h.invoke(fn, { action, payload: c.payload() }, h.identities[caller]));
        }
      }
      const changed = writesSince(after);
      figures.acceptedWrites += changed.length;
      if (changed.length) workers.push(`${fn}.${action} (${changed.length})`);
      if ((Object.prototype as Record<string, unknown>).polluted !== undefined || (Object.prototype as Record<string, unknown>).isAdmin !== undefined) {
        findings.push(`${fn}.${action}: Object.prototype polluted`);
        delete (Object.prototype as Record<string, unknown>).polluted;
        delete (Object.prototype as Record<string, unknown>).isAdmin;
      }
      // A valid call may have changed the demo people (an account deleted, a role given) or cancelled the demo
      // event the next actions look up: then the next action starts from a fresh seed. Other work stays (cheaper).
      if (changed.some((c) => /^(members|events)[/ ]/.test(c))) {
        const t = Date.now();
        await h.reset();
        known = await knownValues();
        resetMs += Date.now() - t;
      }
    }
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    [
      'fuzz of the action schemas:',
      `  actions ${figures.actions}, payloads ${figures.payloads}, calls ${figures.calls} (${figures.refused} refused by the schema, ${figures.accepted} accepted)`,
      `  COMMON.INTERNAL ${figures.internal}, documents written by refused payloads ${figures.refusedWrites} (write requests ${figures.writeRequests}), documents written by accepted payloads ${figures.acceptedWrites}`,
      `  accepted payloads that did their work: ${workers.join(', ') || 'none'}`,
      `  findings ${findings.length}, ${seconds} s (${(resetMs / 1000).toFixed(1)} s of it reseeding after accepted payloads that wrote)`,
    ].join('\n'),
  );
  if (findings.length) console.log(`fuzz findings (${findings.length}):\n${findings.join('\n')}`);
  expect(findings).toEqual([]);
  expect(figures.actions).toBe(Object.values(catalogue).reduce((n, a) => n + Object.keys(a).length, 0));
}, 600_000);
