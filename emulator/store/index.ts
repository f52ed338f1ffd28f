// The emulator's document store: in-memory collections, optionally made durable by an append-only log.
//
// Durability contract (dir given): every commit() is one line of `${dir}/db.log`, written and fdatasynced
// before commit() returns (so before the gateway acknowledges the write). A commit holds one write or one
// whole transaction, so a crash keeps it entirely or not at all. On open the log is replayed; the torn last
// line a crash can leave (no trailing newline, or unparsable) is dropped; then the log is compacted into a
// snapshot (temp file + fsync + rename). Node runs one request at a time and commit() is synchronous, which
// is what makes each single write atomic with respect to every other request.
import fs from 'fs';
import path from 'path';
import { cloneValue, fromEJSON, idKey, isPlainObject, toEJSON, type Doc } from './values';

export type { Doc } from './values';
export { cloneValue, fromEJSON, idKey, isPlainObject, toEJSON } from './values';

export type WriteOp =
  | { op: 'put'; coll: string; doc: Doc }
  | { op: 'del'; coll: string; id: unknown }
  | { op: 'create'; coll: string };

export interface Store {
  /** The data directory of a durable store; undefined for a memory-only store. */
  readonly dir: string | undefined;
  /** Committed documents of a collection in natural (insertion) order. Read-only: never mutate them. */
  list(coll: string): Doc[];
  /** One committed document, or undefined. Read-only. */
  get(coll: string, id: unknown): Doc | undefined;
  /**
   * The committed state as of now, kept while later commits change the store (MongoDB's snapshot reads):
   * each commit saves the documents it replaces into every open snapshot. Release it when done.
   */
  snapshot(): Snapshot;
  /** Whether the collection was created explicitly or holds documents. */
  hasCollection(coll: string): boolean;
  collections(): string[];
  count(coll: string): number;
  /** Applies a batch of writes atomically; durable before it returns. Throws (applying nothing) on failure. */
  commit(ops: readonly WriteOp[]): void;
  /** The whole committed state as writes that rebuild it (collections by name, documents in insertion order). */
  contents(): WriteOp[];
  /** Rewrites the log as a snapshot of the current data. No-op for a memory store. */
  compact(): void;
  /** Drops all data (and truncates the log of a durable store). */
  reset(): void;
  /** Incremented by every reset(): state kept outside the store (open transactions) is void after it. */
  readonly generation: number;
  close(): void;
  readonly closed: boolean;
}

export interface Snapshot {
  /** The document as of the snapshot, or undefined. Read-only. */
  get(coll: string, id: unknown): Doc | undefined;
  /** The collection as of the snapshot. Read-only. */
  list(coll: string): Doc[];
  /** Whether a commit since the snapshot wrote (or deleted) that document. */
  changed(coll: string, id: unknown): boolean;
  release(): void;
}

export interface OpenStoreOptions {
  /** Data directory; when given the store is durable. */
  dir?: string;
  /** Compact automatically once the log has this many lines more than the snapshot had (default 5000). */
  autoCompactLines?: number;
  /** Where notices go (a dropped torn tail); default console.warn. */
  log?: (message: string) => void;
}

const LOG_FILE = 'db.log';
const LOCK_FILE = 'db.lock';
const COMPACT_OPS_PER_LINE = 256;
const openDirs = new Set<string>();

interface LoadResult {
  lines: WriteOp[][];
  /** Bytes of the file kept (everything up to and including the last good newline). */
  droppedTail: string;
}

/** Parses log text. A trailing segment without newline, or a run of unparsable lines at the very end, is
 * dropped (a torn tail); an unparsable line followed by good ones is corruption and throws. */
export function parseLog(text: string): LoadResult {
  const segments = text.split('\n');
  const tornSegment = segments.pop() ?? '';
  const lines: WriteOp[][] = [];
  let badFrom = -1;
  const dropped: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] ?? '';
    if (seg.trim() === '') continue;
    const ops = parseLine(seg);
    if (ops === undefined) {
      if (badFrom < 0) badFrom = i;
      dropped.push(seg);
      continue;
    }
    if (badFrom >= 0) {
      throw new Error(`emulator store: log line ${badFrom + 1} is corrupt but later lines are intact; refusing to guess`);
    }
    lines.push(ops);
  }
  if (tornSegment !== '') dropped.push(tornSegment);
  return { lines, droppedTail: dropped.join('\n') };
}

function parseLine(line: string): WriteOp[] | undefined {
  let parsed: unknown;
  try {
    parsed = fromEJSON(line);
  } catch {
    return undefined;
  }
  if (!isPlainObject(parsed) || !Array.isArray(parsed.w)) return undefined;
  const ops: WriteOp[] = [];
  for (const raw of parsed.w as unknown[]) {
    if (!isPlainObject(raw) || typeof raw.c !== 'string') return undefined;
    if (raw.o === 'p' && isPlainObject(raw.d) && '_id' in raw.d) ops.push({ op: 'put', coll: raw.c, doc: raw.d as Doc });
    else if (raw.o === 'd' && 'i' in raw) ops.push({ op: 'del', coll: raw.c, id: raw.i });
    else if (raw.o === 'c') ops.push({ op: 'create', coll: raw.c });
    else return undefined;
  }
  return ops;
}

function encodeLine(ops: readonly WriteOp[]): string {
  const w = ops.map((op) => {
    switch (op.op) {
      case 'put':
        return { o: 'p', c: op.coll, d: op.doc };
      case 'del':
        return { o: 'd', c: op.coll, i: op.id };
      case 'create':
        return { o: 'c', c: op.coll };
    }
  });
  return `${toEJSON({ w })}\n`;
}

function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
}

function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function acquireLock(dir: string): void {
  const lockPath = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      if (Number.isFinite(owner) && owner !== process.pid && pidAlive(owner)) {
        throw new Error(`emulator store: ${dir} is in use by process ${owner}`);
      }
      fs.rmSync(lockPath, { force: true }); // stale lock of a dead (e.g. killed) process
    }
  }
  throw new Error(`emulator store: cannot lock ${dir}`);
}

class StoreImpl implements Store {
  readonly dir: string | undefined;
  private data = new Map<string, Map<string, Doc>>();
  private created = new Set<string>();
  private snapshots = new Set<SnapshotImpl>();
  private fd: number | undefined;
  private logLines = 0;
  private readonly autoCompactLines: number;
  private isClosed = false;
  private gen = 0;

  constructor(options: OpenStoreOptions) {
    this.autoCompactLines = options.autoCompactLines ?? 5000;
    if (options.dir === undefined) {
      this.dir = undefined;
      return;
    }
    const dir = path.resolve(options.dir);
    this.dir = dir;
    if (openDirs.has(dir)) throw new Error(`emulator store: ${dir} is already open in this process`);
    fs.mkdirSync(dir, { recursive: true });
    acquireLock(dir);
    openDirs.add(dir);
    try {
      const logPath = path.join(dir, LOG_FILE);
      if (fs.existsSync(logPath)) {
        const { lines, droppedTail } = parseLog(fs.readFileSync(logPath, 'utf8'));
        if (droppedTail !== '') {
          (options.log ?? console.warn)(`[emulator store] dropped a torn tail of ${droppedTail.length} chars from ${logPath}`);
        }
        for (const ops of lines) this.apply(ops);
      }
      fs.rmSync(path.join(dir, `${LOG_FILE}.tmp`), { force: true });
      this.compact();
    } catch (err) {
      this.releaseDir();
      throw err;
    }
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get generation(): number {
    return this.gen;
  }

  list(coll: string): Doc[] {
    const c = this.data.get(coll);
    return c ? Array.from(c.values()) : [];
  }

  get(coll: string, id: unknown): Doc | undefined {
    return this.data.get(coll)?.get(idKey(id));
  }

  snapshot(): Snapshot {
    const snap = new SnapshotImpl(this, () => this.snapshots.delete(snap));
    this.snapshots.add(snap);
    return snap;
  }

  hasCollection(coll: string): boolean {
    return this.created.has(coll) || (this.data.get(coll)?.size ?? 0) > 0;
  }

  collections(): string[] {
    const names = new Set(this.created);
    for (const [name, docs] of this.data) if (docs.size > 0) names.add(name);
    return Array.from(names).sort();
  }

  count(coll: string): number {
    return this.data.get(coll)?.size ?? 0;
  }

  commit(ops: readonly WriteOp[]): void {
    this.assertOpen();
    if (ops.length === 0) return;
    const owned: WriteOp[] = ops.map((op) => (op.op === 'put' ? { ...op, doc: cloneValue(op.doc) } : op));
    for (const op of owned) {
      if (typeof op.coll !== 'string' || op.coll === '') throw new Error('emulator store: collection name required');
      if (op.op === 'put' && (op.doc._id === undefined || op.doc._id === null)) {
        throw new Error('emulator store: a document needs an _id');
      }
    }
    if (this.fd !== undefined) {
      const line = encodeLine(owned);
      writeAll(this.fd, line);
      fs.fdatasyncSync(this.fd);
      this.logLines++;
    }
    this.apply(owned);
    if (this.fd !== undefined && this.logLines > this.autoCompactLines) this.compact();
  }

  contents(): WriteOp[] {
    const ops: WriteOp[] = [];
    for (const coll of this.collections()) {
      if (this.created.has(coll)) ops.push({ op: 'create', coll });
      for (const doc of this.list(coll)) ops.push({ op: 'put', coll, doc });
    }
    return ops;
  }

  compact(): void {
    this.assertOpen();
    if (this.dir === undefined) return;
    const logPath = path.join(this.dir, LOG_FILE);
    const tmpPath = `${logPath}.tmp`;
    const tmpFd = fs.openSync(tmpPath, 'w');
    try {
      const ops = this.contents();
      for (let i = 0; i < ops.length; i += COMPACT_OPS_PER_LINE) writeAll(tmpFd, encodeLine(ops.slice(i, i + COMPACT_OPS_PER_LINE)));
      fs.fsyncSync(tmpFd);
    } finally {
      fs.closeSync(tmpFd);
    }
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
    fs.renameSync(tmpPath, logPath);
    fsyncDir(this.dir);
    this.fd = fs.openSync(logPath, 'a');
    this.logLines = 0;
  }

  reset(): void {
    this.assertOpen();
    this.data = new Map();
    this.created = new Set();
    this.snapshots = new Set();
    this.gen++;
    if (this.dir !== undefined) this.compact();
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
    this.releaseDir();
  }

  private releaseDir(): void {
    if (this.dir === undefined) return;
    openDirs.delete(this.dir);
    try {
      const lockPath = path.join(this.dir, LOCK_FILE);
      if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.rmSync(lockPath, { force: true });
    } catch {
      // lock already gone
    }
  }

  private assertOpen(): void {
    if (this.isClosed) throw new Error('emulator store: closed');
  }

  private collection(coll: string): Map<string, Doc> {
    let c = this.data.get(coll);
    if (!c) {
      c = new Map();
      this.data.set(coll, c);
    }
    return c;
  }

  /** Before a document is replaced or deleted: every open snapshot keeps its first pre-image. */
  private preserve(coll: string, key: string): void {
    if (this.snapshots.size === 0) return;
    const before = this.data.get(coll)?.get(key);
    for (const snap of this.snapshots) snap.keep(coll, key, before);
  }

  private apply(ops: readonly WriteOp[]): void {
    for (const op of ops) {
      switch (op.op) {
        case 'create':
          this.created.add(op.coll);
          this.collection(op.coll);
          break;
        case 'put': {
          const key = idKey(op.doc._id);
          this.preserve(op.coll, key);
          this.collection(op.coll).set(key, op.doc);
          break;
        }
        case 'del': {
          const key = idKey(op.id);
          this.preserve(op.coll, key);
          this.data.get(op.coll)?.delete(key);
          break;
        }
      }
    }
  }
}

/** Pre-images of what changed since the snapshot was taken; everything else is read from the live store. */
class SnapshotImpl implements Snapshot {
  private readonly before = new Map<string, Map<string, Doc | undefined>>();

  constructor(
    private readonly store: Store,
    private readonly onRelease: () => void,
  ) {}

  keep(coll: string, key: string, doc: Doc | undefined): void {
    let c = this.before.get(coll);
    if (!c) {
      c = new Map();
      this.before.set(coll, c);
    }
    if (!c.has(key)) c.set(key, doc);
  }

  get(coll: string, id: unknown): Doc | undefined {
    const c = this.before.get(coll);
    const key = idKey(id);
    return c?.has(key) ? c.get(key) : this.store.get(coll, id);
  }

  list(coll: string): Doc[] {
    const c = this.before.get(coll);
    const live = this.store.list(coll);
    if (!c) return live;
    const out: Doc[] = [];
    const seen = new Set<string>();
    for (const doc of live) {
      const key = idKey(doc._id);
      seen.add(key);
      const then = c.has(key) ? c.get(key) : doc;
      if (then) out.push(then);
    }
    for (const [key, doc] of c) if (doc && !seen.has(key)) out.push(doc);
    return out;
  }

  changed(coll: string, id: unknown): boolean {
    return this.before.get(coll)?.has(idKey(id)) ?? false;
  }

  release(): void {
    this.onRelease();
  }
}

export function openStore(options: OpenStoreOptions = {}): Store {
  return new StoreImpl(options);
}
