// Crash safety of the durable store: a writer child is SIGKILLed mid-burst; every acknowledged write must
// survive, nothing torn or partial may appear, and a committed transaction is all or nothing.
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { openStore } from '../../../emulator/store';

const ROOT = path.resolve(__dirname, '../../..');
const WRITER = path.join(ROOT, 'tests/support/emulator-crash-writer.ts');

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-crash-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Runs the writer until it has acknowledged `killAfter` more writes, then SIGKILLs it; answers the acked lines. */
function runAndKill(dir: string, mode: 'single' | 'txn', killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buf = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') continue;
        acked.push(line);
        if (!killed && acked.length >= killAfter) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited without being killed: ${stderr}`));
      // a partial last line (no newline) in buf was not fully reported: not counted as acknowledged
      else resolve(acked);
    });
  });
}

const notices: string[] = [];
const log = (m: string): void => {
  notices.push(m);
};

function checkSingle(dir: string, acked: string[]): void {
  const store = openStore({ dir, log });
  try {
    for (const id of acked) {
      const doc = store.get('c', id);
      expect(doc).toBeDefined();
      expect((doc as unknown as { pad: string }).pad).toHaveLength(4096);
    }
    for (const doc of store.list('c')) {
      expect(doc._id).toMatch(/^w\d+$/);
      expect((doc as { pad?: string }).pad).toHaveLength(4096);
    }
  } finally {
    store.close();
  }
}

describe('kill -9 during a burst of single writes', () => {
  test.each([1, 2, 3, 4, 5, 6])('round %i: every acknowledged write survives, torn tails are dropped', async (round) => {
    const dir = path.join(tmp, 'db');
    let allAcked: string[] = [];
    // two crashes into the same directory, the second resuming after the first
    for (const killAfter of [10 + round * 7, 5 + round * 3]) {
      const acked = await runAndKill(dir, 'single', killAfter);
      expect(acked.length).toBeGreaterThanOrEqual(killAfter);
      allAcked = allAcked.concat(acked);
      checkSingle(dir, allAcked);
    }
    // garbage and a half line appended to the log are dropped on open
    const logPath = path.join(dir, 'db.log');
    notices.length = 0;
    fs.appendFileSync(logPath, round % 2 === 0 ? '{"w":[{"o":"p","c":"c","d":{"_id":"torn' : 'garbage\u0000\n{half');
    checkSingle(dir, allAcked);
    expect(notices.join()).toMatch(/dropped a torn tail/);
    const reopened = openStore({ dir, log });
    const count = reopened.count('c');
    reopened.close();
    expect(count).toBeGreaterThanOrEqual(allAcked.length);
    expect(fs.readFileSync(logPath, 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('kill -9 during a burst of transactions', () => {
  test.each([1, 2, 3])('round %i: each committed transaction is all or nothing', async (round) => {
    const dir = path.join(tmp, 'db');
    const acked = await runAndKill(dir, 'txn', 8 + round * 5);
    const store = openStore({ dir, log });
    try {
      const committed = acked.map((l) => Number(l.split(' ')[1]));
      for (const i of committed) {
        expect(store.get('c', `a${i}`)).toBeDefined();
        expect(store.get('c', `b${i}`)).toBeDefined();
      }
      const pairs = store.list('c').filter((d) => String(d._id).startsWith('a'));
      for (const a of pairs) expect(store.get('c', `b${String(a._id).slice(1)}`)).toBeDefined();
      expect(store.list('c').filter((d) => String(d._id).startsWith('b'))).toHaveLength(pairs.length);
      expect((store.get('c', 'sum') as unknown as { n: number }).n).toBe(pairs.length);
      expect(pairs.length).toBeGreaterThanOrEqual(committed.length);
    } finally {
      store.close();
    }
  });
});

test('a store directory held by a live process is refused', async () => {
  const dir = path.join(tmp, 'db');
  const store = openStore({ dir });
  try {
    expect(() => openStore({ dir })).toThrow(/already open/);
  } finally {
    store.close();
  }
});
