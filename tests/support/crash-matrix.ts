// The crash matrix (issue 15, /work/crash-spec.md, docs/crash-safety.md): every write point of an action is
// crashed after, and failed, in turn; the same call (same payload, same request id) is retried; the final state
// must equal a clean single run's. The switch is emulator/gateway/faults.ts. The setup runs once per scenario and
// every run (the clean one included) starts from its saved state, so the runs start alike and a matrix costs calls,
// not seeds.
//
// What is compared: every collection of the store, the WeChat stand-in's subscribe messages and the WeCom sink's
// deliveries, as plain EJSON. Values random by design (the gateway's 32-hex ids of an `add` without `_id`, UUIDs,
// a scenario's own `random` patterns) are renamed to labels in a canonical order, so two runs compare exactly but a
// doubled counter, a missing or extra document, or a message sent twice still shows. The clock stands still at
// FROZEN_AT during every run, so times compare exactly too.
import fs from 'fs';
import path from 'path';
import { EJSON } from 'bson';
import type { FaultMode } from '../../emulator/gateway';
import { startHarness, type DemoIdentity, type Harness, type SavedState } from './harness';

interface ScenarioBase<Ctx> {
  /** 'events.signUp', or 'events.signUp (waiting list)' when one action has several rows. */
  name: string;
  fn: string;
  /** Brings the store into the state before the call, through real calls (runs after harness.reset()). */
  setup?(h: Harness): Promise<Ctx>;
  /** What the platform does later and must not be skipped or doubled (e.g. the timer that drains an outbox). */
  settle?(h: Harness, ctx: Ctx): Promise<void>;
  /** Extra patterns of values random by design (a generated code), normalised like generated ids. */
  random?: RegExp[];
}

export interface ActionScenario<Ctx = any> extends ScenarioBase<Ctx> {
  action: string;
  timer?: undefined;
  push?: undefined;
  /** The demo identity that makes the call, or (extension) an openid made in setup. */
  caller: DemoIdentity | ((ctx: Ctx) => string);
  /** The payload; the same object (same requestId) is sent by the crashed call and by its retry. */
  payload(ctx: Ctx): unknown;
  /** (extension) Platform-filled fields of the call beside the payload (a WeChat group's CloudID), sent alike by both. */
  event?(ctx: Ctx): Record<string, unknown>;
}

export interface TimerScenario<Ctx = any> extends ScenarioBase<Ctx> {
  /** A timer trigger of `fn`, fired as the platform does; its retry is the next firing. */
  timer: string;
  action?: undefined;
  push?: undefined;
}

/** (extension) A platform push to `fn` (e.g. an image check's verdict), without a WeChat user; retried as the platform re-pushes. */
export interface PushScenario<Ctx = any> extends ScenarioBase<Ctx> {
  push(ctx: Ctx): Record<string, unknown>;
  action?: undefined;
  timer?: undefined;
}

export type CrashScenario<Ctx = any> = ActionScenario<Ctx> | TimerScenario<Ctx> | PushScenario<Ctx>;

/** Typed helper for a scenario whose setup returns a context (infers Ctx). */
export function scenario<Ctx>(s: CrashScenario<Ctx>): CrashScenario<Ctx> {
  return s;
}

/** Tuesday 2026-03-10 10:00 in Shanghai: a working day and hour, the same instant for every run. */
export const FROZEN_AT = Date.UTC(2026, 2, 10, 2, 0, 0);
export const ARTIFACT = path.join(__dirname, '..', '..', 'test-artifacts', 'crash-matrix.txt');
const MODES: FaultMode[] = ['crash', 'fail'];
/** Answers after which a client tries the same call again. */
const RETRIABLE = new Set(['COMMON.INTERNAL', 'COMMON.BUSY']);
const MAX_RETRIES = 3;
const DEFAULT_RANDOM = [/[0-9a-f]{32}/g, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Answer = { ok: boolean; error?: { code: string; message: string } };

export interface StoreState {
  collections: Record<string, Record<string, Json>>;
  wechat: Json[];
  wecom: Json[];
}

export interface MatrixRow {
  domain: string;
  scenario: string;
  writes: number;
  passed: number;
  total: number;
}

function plain(value: unknown): Json {
  return JSON.parse(EJSON.stringify(value as never, { relaxed: true })) as Json;
}

function globalPatterns(extra: RegExp[] = []): RegExp[] {
  return [...DEFAULT_RANDOM, ...extra].map((r) => (r.flags.includes('g') ? r : new RegExp(r.source, `${r.flags}g`)));
}

function mapStrings(value: Json, f: (s: string) => string): Json {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(value).sort()) out[f(k)] = mapStrings(value[k]!, f);
    return out;
  }
  return value;
}

function replaceAll(s: string, patterns: RegExp[], f: (token: string) => string): string {
  let out = s;
  for (const p of patterns) out = out.replace(p, f);
  return out;
}

/**
 * Renames random tokens to `<r1>`, `<r2>`... in a canonical order: documents sorted by their text with every token
 * blanked (so the order does not depend on the tokens), collections by name, keys sorted; then messages and
 * deliveries likewise. The same state therefore normalises to the same text whatever ids it was given.
 */
export function normalise(raw: { collections: Record<string, Json[]>; wechat: Json[]; wecom: Json[] }, random: RegExp[] = []): StoreState {
  const patterns = globalPatterns(random);
  const blank = (v: Json) => JSON.stringify(mapStrings(v, (s) => replaceAll(s, patterns, () => '<r>')));
  const order = (list: Json[]) =>
    list.map((v, i) => ({ v, key: blank(v), i })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i)).map((x) => x.v);
  const labels = new Map<string, string>();
  const label = (s: string) =>
    replaceAll(s, patterns, (token) => {
      let l = labels.get(token);
      if (!l) labels.set(token, (l = `<r${labels.size + 1}>`));
      return l;
    });
  const collections: Record<string, Record<string, Json>> = {};
  for (const name of Object.keys(raw.collections).sort()) {
    const docs: Record<string, Json> = {};
    for (const doc of order(raw.collections[name]!)) {
      const d = mapStrings(doc, label) as Record<string, Json>;
      let id = JSON.stringify(d._id ?? null);
      while (id in docs) id += "'"; // two documents cannot share an _id; kept apart if a pattern made them look alike
      docs[id] = d;
    }
    if (Object.keys(docs).length > 0) collections[name] = docs;
  }
  return {
    collections,
    wechat: order(raw.wechat).map((m) => mapStrings(m, label)),
    wecom: order(raw.wecom).map((m) => mapStrings(m, label)),
  };
}

/** The whole observable state of the harness, normalised. */
export function captureState(h: Harness, random: RegExp[] = []): StoreState {
  const collections: Record<string, Json[]> = {};
  for (const name of h.store.collections()) collections[name] = h.store.list(name).map(plain);
  return normalise(
    { collections, wechat: h.stack.wechat.messages.map(plain), wecom: h.stack.wecom.deliveries.map(plain) },
    random,
  );
}

function short(v: Json | undefined): string {
  const s = v === undefined ? '(absent)' : JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

function fieldDiffs(a: Json | undefined, b: Json | undefined, at: string, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const objA = a !== null && typeof a === 'object';
  const objB = b !== null && typeof b === 'object';
  if (objA && objB && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      fieldDiffs((a as Record<string, Json>)[k], (b as Record<string, Json>)[k], at ? `${at}.${k}` : k, out);
    }
    return;
  }
  out.push(`${at || '(root)'}: clean ${short(a)}, here ${short(b)}`);
}

function listDiffs(what: string, clean: Json[], got: Json[], out: string[]): void {
  const count = (list: Json[]) => {
    const m = new Map<string, number>();
    for (const v of list) m.set(JSON.stringify(v), (m.get(JSON.stringify(v)) ?? 0) + 1);
    return m;
  };
  const a = count(clean);
  const b = count(got);
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const na = a.get(k) ?? 0;
    const nb = b.get(k) ?? 0;
    if (na !== nb) out.push(`${what}: ${short(JSON.parse(k) as Json)} sent ${nb} time(s), clean run ${na}`);
  }
}

/** Every difference between two states: collection, document id and field paths. Empty when equal. */
export function diffStates(clean: StoreState, got: StoreState): string[] {
  const out: string[] = [];
  for (const coll of new Set([...Object.keys(clean.collections), ...Object.keys(got.collections)])) {
    const a = clean.collections[coll] ?? {};
    const b = got.collections[coll] ?? {};
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(id in b)) out.push(`${coll} ${id}: missing (clean run has ${short(a[id])})`);
      else if (!(id in a)) out.push(`${coll} ${id}: extra document ${short(b[id])}`);
      else {
        const fields: string[] = [];
        fieldDiffs(a[id], b[id], '', fields);
        for (const f of fields) out.push(`${coll} ${id} ${f}`);
      }
    }
  }
  listDiffs('wechat subscribe message', clean.wechat, got.wechat, out);
  listDiffs('wecom delivery', clean.wecom, got.wecom, out);
  return out;
}

function openidOf<Ctx>(h: Harness, s: ActionScenario<Ctx>, ctx: Ctx): string {
  return typeof s.caller === 'function' ? s.caller(ctx) : h.identities[s.caller];
}

async function callOnce<Ctx>(h: Harness, s: CrashScenario<Ctx>, ctx: Ctx, payload: unknown): Promise<Answer> {
  if (s.timer !== undefined) {
    try {
      await h.timer(s.fn, s.timer);
      return { ok: true };
    } catch (err) {
      const [code = 'COMMON.INTERNAL', ...rest] = String((err as Error).message).split(': ');
      return { ok: false, error: { code, message: rest.join(': ') } };
    }
  }
  if (s.action === undefined) return (await h.invoke(s.fn, payload as never, null)) as Answer;
  return (await h.invoke(s.fn, { ...(s.event?.(ctx) ?? {}), action: s.action, payload }, openidOf(h, s, ctx))) as Answer;
}

interface RunResult {
  state: StoreState;
  writes: number;
  answer: Answer;
}

/** The state before the call, made once per scenario (reset, setup, payload) and restored before every run. */
interface Prepared<Ctx> {
  ctx: Ctx;
  payload: unknown;
  saved: SavedState;
}

async function prepare<Ctx>(h: Harness, s: CrashScenario<Ctx>): Promise<Prepared<Ctx>> {
  h.stack.clock.frozenAtMs = FROZEN_AT;
  await h.reset();
  const ctx = (s.setup ? await s.setup(h) : undefined) as Ctx;
  const payload = s.action !== undefined ? s.payload(ctx) : s.push !== undefined ? s.push(ctx) : undefined;
  return { ctx, payload, saved: h.save() };
}

async function cleanRun<Ctx>(h: Harness, s: CrashScenario<Ctx>, { ctx, payload, saved }: Prepared<Ctx>): Promise<RunResult> {
  await h.restore(saved);
  h.faults.count();
  const answer = await callOnce(h, s, ctx, payload);
  const writes = h.faults.writes;
  h.faults.reset();
  if (s.settle) await s.settle(h, ctx);
  return { state: captureState(h, s.random), writes, answer };
}

/** One faulty run; answers the differences from the clean state (empty: passed). */
async function faultyRun<Ctx>(h: Harness, s: CrashScenario<Ctx>, prepared: Prepared<Ctx>, at: number, mode: FaultMode, clean: RunResult): Promise<string[]> {
  const { ctx, payload, saved } = prepared;
  await h.restore(saved);
  h.faults.arm({ at, mode });
  const first = callOnce(h, s, ctx, payload);
  const outcome = await Promise.race([first.then(() => 'answered' as const), h.faults.whenTripped().then(() => 'tripped' as const)]);
  if (!h.faults.tripped) return [`the call answered after ${h.faults.writes} write point(s), before point ${at} (the clean run had ${clean.writes})`];
  // A failed write does not end the call: its client waits for the answer (an error) before trying again.
  if (mode === 'fail' || outcome === 'answered') await first;
  let answer: Answer = { ok: false };
  for (let i = 0; i < MAX_RETRIES; i++) {
    answer = await callOnce(h, s, ctx, payload);
    if (answer.ok || !RETRIABLE.has(answer.error?.code ?? '')) break;
  }
  if (s.settle) await s.settle(h, ctx);
  const diffs = diffStates(clean.state, captureState(h, s.random));
  if (clean.answer.ok && !answer.ok && RETRIABLE.has(answer.error?.code ?? '')) {
    diffs.unshift(`the retry never succeeded: ${answer.error?.code} ${answer.error?.message}`);
  }
  return diffs;
}

/** Runs one scenario's whole matrix; answers its row and every failure (mode, point, differences). */
export async function runScenario<Ctx>(h: Harness, domain: string, s: CrashScenario<Ctx>): Promise<{ row: MatrixRow; failures: string[] }> {
  const prepared = await prepare(h, s);
  const clean = await cleanRun(h, s, prepared);
  const failures: string[] = [];
  if (!clean.answer.ok) failures.push(`the clean run failed: ${clean.answer.error?.code} ${clean.answer.error?.message}`);
  let passed = 0;
  for (let at = 1; at <= clean.writes; at++) {
    for (const mode of MODES) {
      const diffs = await faultyRun(h, s, prepared, at, mode, clean);
      if (diffs.length === 0) passed += 1;
      else failures.push(`${mode} after write point ${at}/${clean.writes}:\n    ${diffs.slice(0, 20).join('\n    ')}${diffs.length > 20 ? `\n    ... ${diffs.length - 20} more` : ''}`);
    }
  }
  return { row: { domain, scenario: s.name, writes: clean.writes, passed, total: clean.writes * MODES.length }, failures };
}

export function formatTable(rows: MatrixRow[]): string {
  const head = ['domain', 'scenario', 'write points', 'crash points passed'];
  const cells = rows.map((r) => [r.domain, r.scenario, String(r.writes), `${r.passed}/${r.total}`]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/**
 * Noise a crashed call makes by design: the SDK's slow-request warning and the router's log of the dead call's error.
 * Left in place for the rest of the test file's sandbox: the SDK's timers of dead calls fire after the suite.
 */
function quietCrashNoise(): void {
  const warn = console.warn;
  const error = console.error;
  const noisy = (args: unknown[]) =>
    args.some((a) => /\[TCB\]\[WARN\] Your current request|emulator fault injection|socket hang up|ECONNRESET/.test(a instanceof Error ? `${a.message}` : String(a)));
  console.warn = (...args: unknown[]) => (noisy(args) ? undefined : warn(...args));
  console.error = (...args: unknown[]) => (noisy(args) ? undefined : error(...args));
}

/**
 * The jest suite of one domain: a test per scenario (clean run, then crash and fail at each write point, each
 * followed by a retry of the same call and the scenario's settle), and the domain's table at the end.
 */
export function crashMatrix(domain: string, scenarios: CrashScenario[]): void {
  describe(`crash matrix: ${domain}`, () => {
    let h: Harness;
    const rows: MatrixRow[] = [];

    beforeAll(async () => {
      quietCrashNoise();
      h = await startHarness();
    }, 120_000);

    afterAll(async () => {
      await h?.stop();
      if (rows.length === 0) return;
      const table = formatTable(rows);
      process.stdout.write(`\ncrash matrix: ${domain}\n${table}\n`);
      fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
      fs.appendFileSync(ARTIFACT, `\n# ${domain} (${new Date().toISOString()})\n${table}\n`);
    });

    for (const s of scenarios) {
      test(s.name, async () => {
        const { row, failures } = await runScenario(h, domain, s);
        rows.push(row);
        if (failures.length > 0) throw new Error(`${s.name}: ${failures.length} failure(s)\n  ${failures.join('\n  ')}`);
      }, 900_000);
    }
  });
}
