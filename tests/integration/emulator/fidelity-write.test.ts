// Fidelity of writes and transactions through the real @cloudbase/node-sdk against the emulator gateway.
import { rejection, startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk';

let emu: EmulatorSdk;
let db: any;
let _: any;
const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
let clock = T0;

beforeAll(async () => {
  emu = await startEmulatorSdk({ now: () => clock });
  db = emu.db;
  _ = db.command;
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.store.reset();
  clock = T0;
});

const one = async (coll: string, id: string): Promise<any> => (await db.collection(coll).doc(id).get()).data[0];

describe('add', () => {
  test('add() answers a generated 32-hex _id', async () => {
    const res = await db.collection('c').add({ a: 1 });
    expect(res.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await one('c', res.id)).toEqual({ _id: res.id, a: 1 });
  });

  test('add([...]) is a batch insert answering ids in order', async () => {
    const res = await db.collection('c').add([{ _id: 'x', n: 1 }, { n: 2 }, { n: 3 }]);
    expect(res.ids).toHaveLength(3);
    expect(res.ids[0]).toBe('x');
    expect((await db.collection('c').orderBy('n', 'asc').get()).data.map((d: any) => d._id)).toEqual(res.ids);
  });

  test('a second add of the same _id fails with DATABASE_DUPLICATE_WRITE and changes nothing', async () => {
    await db.collection('c').add({ _id: 'k', v: 1 });
    const err = await rejection(db.collection('c').add({ _id: 'k', v: 2 }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(await one('c', 'k')).toEqual({ _id: 'k', v: 1 });
  });

  test('a batch with a duplicate _id is refused as a whole', async () => {
    await db.collection('c').add({ _id: 'k' });
    const err = await rejection(db.collection('c').add([{ _id: 'new1' }, { _id: 'k' }]));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await db.collection('c').count()).total).toBe(1);
    const inBatch = await rejection(db.collection('c').add([{ _id: 'd' }, { _id: 'd' }]));
    expect(inBatch.code).toBe('DATABASE_DUPLICATE_WRITE');
  });

  test('serverDate() in add is the server clock, with its offset', async () => {
    const { id } = await db.collection('c').add({ at: db.serverDate(), due: db.serverDate({ offset: 3_600_000 }), nested: { at: db.serverDate() } });
    const doc = await one('c', id);
    expect(doc.at).toEqual(new Date(T0));
    expect(doc.due).toEqual(new Date(T0 + 3_600_000));
    expect(doc.nested.at).toEqual(new Date(T0));
  });

  test('Dates, nulls, nested arrays and objects round-trip', async () => {
    const value = { _id: 'r', d: new Date('2024-02-29T12:00:00Z'), n: null, a: [[1, 2], { b: [true, 'x'] }], o: { p: { q: 1.25 } } };
    await db.collection('c').add(value);
    expect(await one('c', 'r')).toEqual(value);
  });
});

describe('update / set / remove counts', () => {
  beforeEach(async () => {
    await db.collection('c').add([
      { _id: 'a', g: 1, n: 1, o: { x: 1, y: 1 } },
      { _id: 'b', g: 1, n: 2 },
      { _id: 'c', g: 2, n: 3 },
    ]);
  });

  test('doc().update() answers updated 1', async () => {
    expect((await db.collection('c').doc('a').update({ n: 10 })).updated).toBe(1);
    expect((await one('c', 'a')).n).toBe(10);
  });

  test('doc().update() of a missing document answers updated 0 and creates nothing', async () => {
    expect((await db.collection('c').doc('zz').update({ n: 1 })).updated).toBe(0);
    expect((await db.collection('c').count()).total).toBe(3);
  });

  // The service's rule: `updated` counts the documents MATCHED, changed or not. set() and update() are the
  // same action (database.modifyDocument), and the CloudBase SDK suite, run against the service, expects
  // updated 1 for a set() of identical data and an updateAndReturn() of the stored value.
  test('updated counts matched documents: writing the stored values still answers updated 1', async () => {
    expect((await db.collection('c').doc('a').update({ n: 1 })).updated).toBe(1);
    expect((await db.collection('c').doc('b').set({ g: 1, n: 2 })).updated).toBe(1);
    expect((await db.collection('c').where({ g: 1 }).update({ g: 1 })).updated).toBe(2);
    expect((await db.collection('c').where({ _id: 'c' }).updateAndReturn({ n: 3 })).updated).toBe(1);
  });

  test('a document with a $-prefixed field name answers DATABASE_REQUEST_FAILED (setThrowOnCode(false))', async () => {
    emu.tcb.setThrowOnCode(false);
    try {
      const res = await db.collection('c').add({ $_key: 1 });
      expect(res.code).toBe('DATABASE_REQUEST_FAILED');
    } finally {
      emu.tcb.setThrowOnCode(true);
    }
    expect((await db.collection('c').count()).total).toBe(3);
  });

  test('an ObjectId stored in a field other than _id reads back as its hex string', async () => {
    const hex = '5f0c5b2e9d1e8a0001a1b2c3';
    await db.collection('c').add({ _id: 'oid', ref: db.ObjectId({ id: hex }) });
    expect((await one('c', 'oid')).ref).toBe(hex);
    expect((await db.collection('c').where({ ref: db.ObjectId({ id: hex }) }).get()).data.map((d: any) => d._id)).toEqual(['oid']);
  });

  test('where().update() is multi-document and answers the exact count', async () => {
    expect((await db.collection('c').where({ g: 1 }).update({ flag: true })).updated).toBe(2);
    expect((await db.collection('c').where({ flag: true }).count()).total).toBe(2);
  });

  test('where().update() matching nothing answers updated 0', async () => {
    expect((await db.collection('c').where({ g: 9 }).update({ flag: true })).updated).toBe(0);
  });

  test('update() with a nested object merges (dotted $set)', async () => {
    await db.collection('c').doc('a').update({ o: { x: 5 } });
    expect((await one('c', 'a')).o).toEqual({ x: 5, y: 1 });
  });

  test('_.set() replaces a sub-object', async () => {
    await db.collection('c').doc('a').update({ o: _.set({ x: 5 }) });
    expect((await one('c', 'a')).o).toEqual({ x: 5 });
  });

  test('set() replaces the whole document', async () => {
    const res = await db.collection('c').doc('a').set({ only: 1 });
    expect(res.updated).toBe(1);
    expect(await one('c', 'a')).toEqual({ _id: 'a', only: 1 });
  });

  test('set() upserts a missing document and answers its id', async () => {
    const res = await db.collection('c').doc('new').set({ v: 1 });
    expect(res.updated).toBe(0);
    expect(res.upsertedId).toBe('new');
    expect(await one('c', 'new')).toEqual({ _id: 'new', v: 1 });
  });

  test('doc().remove() answers deleted 1, then 0', async () => {
    expect((await db.collection('c').doc('a').remove()).deleted).toBe(1);
    expect((await db.collection('c').doc('a').remove()).deleted).toBe(0);
  });

  test('where().remove() is multi-document and answers the exact count', async () => {
    expect((await db.collection('c').where({ g: 1 }).remove()).deleted).toBe(2);
    expect((await db.collection('c').where({ g: 1 }).remove()).deleted).toBe(0);
    expect((await db.collection('c').count()).total).toBe(1);
  });

  test('conditional update: where({_id, n: lt}) reports whether it applied', async () => {
    expect((await db.collection('c').where({ _id: 'b', n: _.lt(3) }).update({ n: _.inc(1) })).updated).toBe(1);
    expect((await db.collection('c').where({ _id: 'b', n: _.lt(3) }).update({ n: _.inc(1) })).updated).toBe(0);
    expect((await one('c', 'b')).n).toBe(3);
  });

  // What every race in the functions relies on: `updated` 1 names one winner only when the write itself makes the
  // guard false (state 'a' -> 'b', a version + 1, a key pushed under _.neq). A guard the write leaves true matches
  // the next copy too, and the service counts that copy as updated even though it changes nothing.
  test('a conditional update picks one winner only when its write falsifies its guard', async () => {
    const claim = () => db.collection('c').where({ _id: 'a', g: 1 }).update({ g: 9 });
    expect(await Promise.all([claim(), claim()]).then((rs) => rs.map((r: any) => r.updated))).toEqual([1, 0]);
    const noOp = () => db.collection('c').where({ _id: 'b', g: 1 }).update({ n: 2 });
    expect(await Promise.all([noOp(), noOp()]).then((rs) => rs.map((r: any) => r.updated))).toEqual([1, 1]);
  });

  test('updateAndReturn() answers the updated document', async () => {
    const res = await db.collection('c').where({ _id: 'c' }).updateAndReturn({ n: _.inc(2) });
    expect(res.updated).toBe(1);
    expect(res.doc).toEqual({ _id: 'c', g: 2, n: 5 });
  });

  test('updateAndReturn() matching nothing answers updated 0 and no document', async () => {
    const res = await db.collection('c').where({ _id: 'none' }).updateAndReturn({ n: _.inc(2) });
    expect(res.updated).toBe(0);
    expect(res.doc ?? null).toBeNull();
  });

  test('serverDate() in an update', async () => {
    clock = T0 + 1234;
    await db.collection('c').doc('a').update({ at: db.serverDate(), o: { seen: db.serverDate({ offset: -1000 }) } });
    const doc = await one('c', 'a');
    expect(doc.at).toEqual(new Date(T0 + 1234));
    expect(doc.o.seen).toEqual(new Date(T0 + 234));
  });

  test('$inc on a non-numeric field is an error and changes nothing', async () => {
    await db.collection('c').add({ _id: 's', v: 'text' });
    const err = await rejection(db.collection('c').doc('s').update({ v: _.inc(1) }));
    expect(err.message).toMatch(/non-numeric/);
    expect((await one('c', 's')).v).toBe('text');
  });
});

describe('update operators', () => {
  const base = { _id: 'd', n: 5, arr: [3, 1, 2], tags: ['a', 'b'], items: [{ k: 1, v: 'x' }, { k: 2, v: 'y' }], o: { p: 1 } };
  beforeEach(async () => {
    await db.collection('u').add(base);
  });
  const cases: Array<[string, () => object, (d: any) => void]> = [
    ['inc', () => ({ n: _.inc(-2) }), (d) => expect(d.n).toBe(3)],
    ['inc creates a missing field', () => ({ m: _.inc(4) }), (d) => expect(d.m).toBe(4)],
    ['mul', () => ({ n: _.mul(3) }), (d) => expect(d.n).toBe(15)],
    ['set a nested path', () => ({ 'o.q.r': 1 }), (d) => expect(d.o).toEqual({ p: 1, q: { r: 1 } })],
    ['remove (unset)', () => ({ o: _.remove() }), (d) => expect(d).not.toHaveProperty('o')],
    ['push one value', () => ({ tags: _.push('c') }), (d) => expect(d.tags).toEqual(['a', 'b', 'c'])],
    ['push several values', () => ({ tags: _.push(['c', 'd']) }), (d) => expect(d.tags).toEqual(['a', 'b', 'c', 'd'])],
    ['push with position', () => ({ tags: _.push({ each: ['z'], position: 1 }) }), (d) => expect(d.tags).toEqual(['a', 'z', 'b'])],
    ['push with sort and slice', () => ({ arr: _.push({ each: [9, 0], sort: 1, slice: 3 }) }), (d) => expect(d.arr).toEqual([0, 1, 2])],
    ['push creates a missing array', () => ({ fresh: _.push(['x']) }), (d) => expect(d.fresh).toEqual(['x'])],
    ['pop removes the last element', () => ({ arr: _.pop() }), (d) => expect(d.arr).toEqual([3, 1])],
    ['shift removes the first element', () => ({ arr: _.shift() }), (d) => expect(d.arr).toEqual([1, 2])],
    ['unshift prepends', () => ({ tags: _.unshift(['y', 'z']) }), (d) => expect(d.tags).toEqual(['y', 'z', 'a', 'b'])],
    ['pull by value', () => ({ tags: _.pull('a') }), (d) => expect(d.tags).toEqual(['b'])],
    ['pull by condition', () => ({ arr: _.pull(_.gte(2)) }), (d) => expect(d.arr).toEqual([1])],
    ['pull sub-documents by condition', () => ({ items: _.pull({ k: 1 }) }), (d) => expect(d.items).toEqual([{ k: 2, v: 'y' }])],
    ['pullAll', () => ({ arr: _.pullAll([3, 2]) }), (d) => expect(d.arr).toEqual([1])],
    ['addToSet an existing value is a no-op', () => ({ tags: _.addToSet('a') }), (d) => expect(d.tags).toEqual(['a', 'b'])],
    ['addToSet a new value', () => ({ tags: _.addToSet('c') }), (d) => expect(d.tags).toEqual(['a', 'b', 'c'])],
    ['addToSet with $each', () => ({ tags: _.addToSet({ $each: ['b', 'c', 'c'] }) }), (d) => expect(d.tags).toEqual(['a', 'b', 'c'])],
    ['min lowers only', () => ({ n: _.min(2) }), (d) => expect(d.n).toBe(2)],
    ['min keeps a smaller value', () => ({ n: _.min(9) }), (d) => expect(d.n).toBe(5)],
    ['max raises only', () => ({ n: _.max(9) }), (d) => expect(d.n).toBe(9)],
    ['rename', () => ({ o: _.rename('obj') }), (d) => expect(d).toEqual(expect.objectContaining({ obj: { p: 1 } }))],
    ['array index path', () => ({ 'arr.1': 100 }), (d) => expect(d.arr).toEqual([3, 100, 2])],
    ['array index path into a sub-document', () => ({ 'items.1.v': 'w' }), (d) => expect(d.items[1]).toEqual({ k: 2, v: 'w' })],
  ];
  test.each(cases)('%s', async (_name, data, check) => {
    await db.collection('u').doc('d').update(data());
    check(await one('u', 'd'));
  });

  test('positional $ updates the element the query matched', async () => {
    const res = await db.collection('u').where({ _id: 'd', 'items.k': 2 }).update({ 'items.$.v': 'matched' });
    expect(res.updated).toBe(1);
    expect((await one('u', 'd')).items).toEqual([{ k: 1, v: 'x' }, { k: 2, v: 'matched' }]);
  });
});

describe('collections', () => {
  test('createCollection() then again: DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    await db.createCollection('fresh');
    const err = await rejection(db.createCollection('fresh'));
    expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });
});
