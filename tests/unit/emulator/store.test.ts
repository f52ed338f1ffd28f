// The durable store: log replay, compaction, torn tails, reset, locking.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { openStore, parseLog, toEJSON, type Store } from '../../../emulator/store';

let tmp: string;
const notices: string[] = [];
const log = (m: string): void => {
  notices.push(m);
};
const open = (extra: { autoCompactLines?: number } = {}): Store => openStore({ dir: tmp, log, ...extra });
const logText = (): string => fs.readFileSync(path.join(tmp, 'db.log'), 'utf8');

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-store-'));
  notices.length = 0;
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('memory store', () => {
  test('commit, get, list in insertion order, reset', () => {
    const s = openStore();
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'b', n: 1 } }]);
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'a', n: 2 } }]);
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'b', n: 3 } }]);
    expect(s.list('c').map((d) => d._id)).toEqual(['b', 'a']);
    expect(s.get('c', 'b')).toEqual({ _id: 'b', n: 3 });
    s.commit([{ op: 'del', coll: 'c', id: 'b' }]);
    expect(s.get('c', 'b')).toBeUndefined();
    s.reset();
    expect(s.list('c')).toEqual([]);
    expect(s.collections()).toEqual([]);
    s.close();
  });

  test('a snapshot keeps the state it was taken at while later commits change the store', () => {
    const s = openStore();
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'a', n: 1 } }, { op: 'put', coll: 'c', doc: { _id: 'b', n: 1 } }]);
    const snap = s.snapshot();
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'a', n: 2 } }]);
    s.commit([{ op: 'del', coll: 'c', id: 'b' }, { op: 'put', coll: 'c', doc: { _id: 'new', n: 1 } }]);
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'a', n: 3 } }]);
    expect(snap.get('c', 'a')).toEqual({ _id: 'a', n: 1 });
    expect(snap.get('c', 'new')).toBeUndefined();
    expect(snap.list('c')).toEqual([{ _id: 'a', n: 1 }, { _id: 'b', n: 1 }]);
    expect([snap.changed('c', 'a'), snap.changed('c', 'b'), snap.changed('c', 'new'), snap.changed('c', 'zz')]).toEqual([true, true, true, false]);
    snap.release();
    expect(s.list('c').map((d) => d.n)).toEqual([3, 1]);
  });

  test('commit copies the documents it is given', () => {
    const s = openStore();
    const doc = { _id: 'x', o: { a: 1 } };
    s.commit([{ op: 'put', coll: 'c', doc }]);
    doc.o.a = 2;
    expect(s.get('c', 'x')).toEqual({ _id: 'x', o: { a: 1 } });
  });

  test('a put without _id is refused and nothing is applied', () => {
    const s = openStore();
    expect(() =>
      s.commit([
        { op: 'put', coll: 'c', doc: { _id: 'ok' } },
        { op: 'put', coll: 'c', doc: { _id: undefined } },
      ]),
    ).toThrow(/_id/);
    expect(s.count('c')).toBe(0);
  });
});

describe('durable store', () => {
  test('replays committed writes after reopening, Dates and numbers intact', () => {
    const s = open();
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'a', at: new Date(42), n: 1.5, i: 7 } }]);
    s.commit([
      { op: 'put', coll: 'c', doc: { _id: 'b' } },
      { op: 'put', coll: 'd', doc: { _id: 1 } },
    ]);
    s.commit([{ op: 'del', coll: 'c', id: 'b' }]);
    s.commit([{ op: 'create', coll: 'empty' }]);
    s.close();
    const r = open();
    expect(r.get('c', 'a')).toEqual({ _id: 'a', at: new Date(42), n: 1.5, i: 7 });
    expect(r.get('c', 'a')?.at).toBeInstanceOf(Date);
    expect(r.get('c', 'b')).toBeUndefined();
    expect(r.get('d', 1)).toEqual({ _id: 1 });
    expect(r.collections()).toEqual(['c', 'd', 'empty']);
    r.close();
  });

  test('each commit is one line, written before commit returns', () => {
    const s = open();
    const before = logText().split('\n').length;
    s.commit([
      { op: 'put', coll: 'c', doc: { _id: 'a' } },
      { op: 'put', coll: 'c', doc: { _id: 'b' } },
    ]);
    const text = logText();
    expect(text.split('\n').length).toBe(before + 1);
    expect(text.endsWith('\n')).toBe(true);
    s.close();
  });

  test('opening compacts the log into a snapshot', () => {
    const s = open();
    for (let i = 0; i < 50; i++) s.commit([{ op: 'put', coll: 'c', doc: { _id: 'same', i } }]);
    s.close();
    expect(logText().trim().split('\n')).toHaveLength(50);
    const r = open();
    expect(logText().trim().split('\n')).toHaveLength(1);
    expect(r.get('c', 'same')).toEqual({ _id: 'same', i: 49 });
    r.close();
    expect(fs.existsSync(path.join(tmp, 'db.log.tmp'))).toBe(false);
  });

  test('compacts automatically past autoCompactLines', () => {
    const s = open({ autoCompactLines: 10 });
    for (let i = 0; i < 25; i++) s.commit([{ op: 'put', coll: 'c', doc: { _id: 'k', i } }]);
    expect(logText().trim().split('\n').length).toBeLessThanOrEqual(11);
    s.close();
    const r = open();
    expect(r.get('c', 'k')).toEqual({ _id: 'k', i: 24 });
    r.close();
  });

  test.each([
    ['a half line', '{"w":[{"o":"p","c":"c","d":{"_id":"torn"'],
    ['a complete line without its newline', toEJSON({ w: [{ o: 'p', c: 'c', d: { _id: 'torn' } }] })],
    ['garbage lines', 'garbage\n\u0000\u0000\n{not json'],
  ])('drops a torn tail: %s', (_name, tail) => {
    const s = open();
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'kept' } }]);
    s.close();
    fs.appendFileSync(path.join(tmp, 'db.log'), tail);
    const r = open();
    expect(r.list('c').map((d) => d._id)).toEqual(['kept']);
    expect(notices.join()).toMatch(/torn tail/);
    r.commit([{ op: 'put', coll: 'c', doc: { _id: 'after' } }]);
    r.close();
    const again = open();
    expect(again.list('c').map((d) => d._id)).toEqual(['kept', 'after']);
    again.close();
  });

  test('a corrupt line followed by good lines is refused, not skipped', () => {
    const good = toEJSON({ w: [{ o: 'p', c: 'c', d: { _id: 'x' } }] });
    expect(() => parseLog(`${good}\nbroken\n${good}\n`)).toThrow(/corrupt/);
    expect(parseLog(`${good}\n${good}\n`).lines).toHaveLength(2);
  });

  test('reset truncates the log', () => {
    const s = open();
    s.commit([{ op: 'put', coll: 'c', doc: { _id: 'a' } }]);
    s.reset();
    s.close();
    const r = open();
    expect(r.collections()).toEqual([]);
    r.close();
  });

  test('a directory already open in this process is refused; a stale lock of a dead process is taken over', () => {
    const s = open();
    expect(() => open()).toThrow(/already open/);
    s.close();
    fs.writeFileSync(path.join(tmp, 'db.lock'), '999999999');
    const r = open();
    r.close();
  });

  test('a closed store refuses writes', () => {
    const s = open();
    s.close();
    expect(() => s.commit([{ op: 'put', coll: 'c', doc: { _id: 'a' } }])).toThrow(/closed/);
  });
});
