// Fidelity of reads through the real @cloudbase/node-sdk against the emulator gateway: each case asserts
// what MongoDB / CloudBase answers.
import { createGateway } from '../../../emulator/gateway';
import { toEJSON } from '../../../emulator/store';
import { rejection, startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk';

let emu: EmulatorSdk;
let db: any;
let _: any;
const T0 = Date.UTC(2025, 0, 1, 0, 0, 0);
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

const ids = (res: { data: Array<{ _id: string }> }): string[] => res.data.map((d) => d._id).sort();

async function seedPeople(): Promise<void> {
  await db.collection('people').add([
    { _id: 'p1', name: 'Alice', age: 30, tags: ['a', 'b'], addr: { city: 'SH', zip: 200000 }, scores: [{ k: 'x', v: 5 }, { k: 'y', v: 9 }], born: new Date('1995-01-01T00:00:00Z') },
    { _id: 'p2', name: 'bob', age: 20, tags: ['b'], addr: { city: 'BJ', zip: 100000 }, scores: [{ k: 'x', v: 1 }], born: new Date('2005-01-01T00:00:00Z') },
    { _id: 'p3', name: 'Carol', age: 25, tags: [], addr: { city: 'SH', zip: 200001 }, nick: null, born: new Date('2000-01-01T00:00:00Z') },
    { _id: 'p4', name: 'dave', age: 41, tags: ['a', 'b', 'c'], scores: [{ k: 'y', v: 3 }] },
  ]);
}

describe('get: limits, paging, order, projection', () => {
  test('get() answers at most 100 documents by default', async () => {
    await db.collection('many').add(Array.from({ length: 150 }, (_v, i) => ({ i })));
    const res = await db.collection('many').get();
    expect(res.data).toHaveLength(100);
  });

  test('limit above 1000 is capped at 1000 (SDK and server)', async () => {
    const docs = Array.from({ length: 1200 }, (_v, i) => ({ i }));
    await db.collection('many').add(docs);
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000);
    const gw = createGateway(emu.store);
    const raw = (await gw.handle({ action: 'database.getDocument', collectionName: 'many', queryType: 'WHERE', limit: 5000 })) as { data: { list: string[] } };
    expect(raw.data.list).toHaveLength(1000);
  });

  test('orderBy + skip + limit pages in order', async () => {
    await db.collection('many').add(Array.from({ length: 30 }, (_v, i) => ({ i: 29 - i })));
    const res = await db.collection('many').orderBy('i', 'asc').skip(10).limit(5).get();
    expect(res.data.map((d: { i: number }) => d.i)).toEqual([10, 11, 12, 13, 14]);
  });

  test('orderBy on two fields (desc then asc)', async () => {
    await seedPeople();
    const res = await db.collection('people').orderBy('addr.city', 'desc').orderBy('age', 'asc').get();
    // missing addr.city sorts as null: lowest, so last in desc
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['p3', 'p1', 'p2', 'p4']);
  });

  test('field() includes only the listed fields plus _id', async () => {
    await seedPeople();
    const res = await db.collection('people').where({ _id: 'p1' }).field({ name: true, 'addr.city': true }).get();
    expect(res.data).toEqual([{ _id: 'p1', name: 'Alice', addr: { city: 'SH' } }]);
  });

  test('field() with false excludes fields', async () => {
    await seedPeople();
    const res = await db.collection('people').doc('p2').field({ scores: false, born: false, addr: false }).get();
    expect(res.data).toEqual([{ _id: 'p2', name: 'bob', age: 20, tags: ['b'] }]);
  });

  test('doc().get() of a missing document answers an empty list', async () => {
    const res = await db.collection('people').doc('nope').get();
    expect(res.data).toEqual([]);
  });

  test('doc().get() answers [doc] with Dates as Dates', async () => {
    await seedPeople();
    const res = await db.collection('people').doc('p1').get();
    expect(res.data).toHaveLength(1);
    expect(res.data[0].born).toBeInstanceOf(Date);
    expect(res.data[0].born.toISOString()).toBe('1995-01-01T00:00:00.000Z');
  });

  test('count() with and without where', async () => {
    await seedPeople();
    expect((await db.collection('people').count()).total).toBe(4);
    expect((await db.collection('people').where({ age: _.gt(24) }).count()).total).toBe(3);
    expect((await db.collection('empty').count()).total).toBe(0);
  });

  test('numbers keep int and double values', async () => {
    await db.collection('n').add({ _id: 'n', i: 3, d: 2.5, big: 2 ** 40, neg: -7 });
    const [doc] = (await db.collection('n').doc('n').get()).data;
    expect(doc).toEqual({ _id: 'n', i: 3, d: 2.5, big: 2 ** 40, neg: -7 });
  });

  test('a query on an unknown collection answers no documents', async () => {
    expect((await db.collection('ghost').where({ a: 1 }).get()).data).toEqual([]);
  });
});

describe('sort order across BSON types (MongoDB order)', () => {
  const values: Array<[string, unknown]> = [
    ['str', 'a'],
    ['num2', 2],
    ['nul', null],
    ['obj', { a: 1 }],
    ['bool', true],
    ['date', new Date(0)],
    ['num1', 1.5],
    ['arr', [0.5, 9]],
  ];
  beforeEach(async () => {
    await db.collection('mixed').add(values.map(([id, v]) => ({ _id: id, v })));
    await db.collection('mixed').add({ _id: 'missing' });
  });

  test('ascending: null/missing < numbers (array by min) < string < object < bool < date', async () => {
    const res = await db.collection('mixed').orderBy('v', 'asc').get();
    const order = res.data.map((d: { _id: string }) => d._id);
    expect(order.slice(0, 2).sort()).toEqual(['missing', 'nul']);
    expect(order.slice(2)).toEqual(['arr', 'num1', 'num2', 'str', 'obj', 'bool', 'date']);
  });

  test('descending: date > bool > object > string > numbers (array by max) > null/missing', async () => {
    const res = await db.collection('mixed').orderBy('v', 'desc').get();
    const order = res.data.map((d: { _id: string }) => d._id);
    expect(order.slice(0, 7)).toEqual(['date', 'bool', 'obj', 'str', 'arr', 'num2', 'num1']);
    expect(order.slice(7).sort()).toEqual(['missing', 'nul']);
  });
});

describe('query operators', () => {
  beforeEach(seedPeople);
  const cases: Array<[string, () => object, string[]]> = [
    ['eq (plain value)', () => ({ name: 'Alice' }), ['p1']],
    ['eq via _.eq', () => ({ age: _.eq(20) }), ['p2']],
    ['neq also matches a missing field', () => ({ nick: _.neq(null) }), []],
    ['neq', () => ({ age: _.neq(20) }), ['p1', 'p3', 'p4']],
    ['gt', () => ({ age: _.gt(25) }), ['p1', 'p4']],
    ['gte', () => ({ age: _.gte(25) }), ['p1', 'p3', 'p4']],
    ['lt', () => ({ age: _.lt(25) }), ['p2']],
    ['lte', () => ({ age: _.lte(25) }), ['p2', 'p3']],
    ['in', () => ({ age: _.in([20, 41, 99]) }), ['p2', 'p4']],
    ['nin (missing field matches)', () => ({ nick: _.nin(['x']) }), ['p1', 'p2', 'p3', 'p4']],
    ['in on an array field matches any element', () => ({ tags: _.in(['c']) }), ['p4']],
    ['eq null matches null and missing', () => ({ nick: null }), ['p1', 'p2', 'p3', 'p4']],
    ['field-level and (range)', () => ({ age: _.gt(20).and(_.lt(41)) }), ['p1', 'p3']],
    ['field-level or', () => ({ age: _.lt(21).or(_.gt(40)) }), ['p2', 'p4']],
    ['top-level _.or', () => _.or([{ name: 'Alice' }, { age: 41 }]), ['p1', 'p4']],
    ['top-level _.and', () => _.and([{ tags: 'a' }, { age: _.lt(35) }]), ['p1']],
    ['not', () => ({ age: _.not(_.gt(25)) }), ['p2', 'p3']],
    ['nor', () => _.nor([{ age: 20 }, { tags: 'c' }]), ['p1', 'p3']],
    ['exists true', () => ({ scores: _.exists(true) }), ['p1', 'p2', 'p4']],
    ['exists false', () => ({ addr: _.exists(false) }), ['p4']],
    ['exists true on a null field', () => ({ nick: _.exists(true) }), ['p3']],
    ['size', () => ({ tags: _.size(2) }), ['p1']],
    ['all', () => ({ tags: _.all(['a', 'b']) }), ['p1', 'p4']],
    ['elemMatch on sub-documents', () => ({ scores: _.elemMatch({ k: 'x', v: _.gt(3) }) }), ['p1']],
    ['dotted path into an array of sub-documents (no elemMatch)', () => ({ 'scores.k': 'y', 'scores.v': 1 }), []],
    ['mod', () => ({ age: _.mod([10, 0]) }), ['p1', 'p2']],
    ['nested path with dots', () => ({ 'addr.city': 'SH' }), ['p1', 'p3']],
    ['nested object literal is flattened into dotted paths', () => ({ addr: { city: 'SH' } }), ['p1', 'p3']],
    ['array index path', () => ({ 'tags.1': 'b' }), ['p1', 'p4']],
    ['array element equality', () => ({ tags: 'c' }), ['p4']],
    ['db.RegExp with options i', () => ({ name: db.RegExp({ regexp: '^[ab]', options: 'i' }) }), ['p1', 'p2']],
    ['JS RegExp', () => ({ name: /^[a-z]/ }), ['p2', 'p4']],
    ['JS RegExp with i flag', () => ({ name: /^c/i }), ['p3']],
    ['date comparison', () => ({ born: _.gte(new Date('2000-01-01T00:00:00Z')) }), ['p2', 'p3']],
    ['_id in', () => ({ _id: _.in(['p2', 'p3', 'zz']) }), ['p2', 'p3']],
    ['_id in with repeats, with another condition', () => ({ _id: _.in(['p1', 'p1', 'p2', 'p4']), age: _.gt(25) }), ['p1', 'p4']],
  ];
  test.each(cases)('%s', async (_name, where, expected) => {
    expect(ids(await db.collection('people').where(where()).get())).toEqual(expected);
  });

  test('serverDate() in a query compares with the server clock (+offset)', async () => {
    await db.collection('ev').add([
      { _id: 'past', at: new Date(T0 - 60_000) },
      { _id: 'soon', at: new Date(T0 + 30_000) },
      { _id: 'later', at: new Date(T0 + 3_600_000) },
    ]);
    expect(ids(await db.collection('ev').where({ at: _.lt(db.serverDate()) }).get())).toEqual(['past']);
    expect(ids(await db.collection('ev').where({ at: _.lt(db.serverDate({ offset: 60_000 })) }).get())).toEqual(['past', 'soon']);
    clock = T0 + 7_200_000;
    expect(ids(await db.collection('ev').where({ at: _.lt(db.serverDate()) }).get())).toEqual(['later', 'past', 'soon']);
  });
});

describe('aggregate', () => {
  beforeEach(async () => {
    await db.collection('orders').add([
      { _id: 'o1', user: 'u1', amount: 10, items: ['a', 'b'], at: 1 },
      { _id: 'o2', user: 'u1', amount: 30, items: ['b'], at: 2 },
      { _id: 'o3', user: 'u2', amount: 5, items: [], at: 3 },
      { _id: 'o4', user: 'u3', amount: 50, items: ['c'], at: 4 },
    ]);
    await db.collection('users').add([
      { _id: 'u1', name: 'Ann' },
      { _id: 'u2', name: 'Ben' },
    ]);
  });

  test('match + group with $sum/$avg/$min/$max + sort', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('orders')
      .aggregate()
      .match({ amount: _.gte(5) })
      .group({ _id: '$user', total: $.sum('$amount'), avg: $.avg('$amount'), min: $.min('$amount'), max: $.max('$amount'), n: $.sum(1) })
      .sort({ total: -1 })
      .end();
    expect(res.data).toEqual([
      { _id: 'u3', total: 50, avg: 50, min: 50, max: 50, n: 1 },
      { _id: 'u1', total: 40, avg: 20, min: 10, max: 30, n: 2 },
      { _id: 'u2', total: 5, avg: 5, min: 5, max: 5, n: 1 },
    ]);
  });

  test('group with $push/$addToSet/$first/$last', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('orders')
      .aggregate()
      .sort({ at: 1 })
      .group({ _id: '$user', amounts: $.push('$amount'), first: $.first('$at'), last: $.last('$at') })
      .sort({ _id: 1 })
      .end();
    expect(res.data[0]).toEqual({ _id: 'u1', amounts: [10, 30], first: 1, last: 2 });
    const sets = await db.collection('orders').aggregate().unwind('$items').group({ _id: null, items: $.addToSet('$items') }).end();
    expect([...sets.data[0].items].sort()).toEqual(['a', 'b', 'c']);
  });

  test('sort + skip + limit + project', async () => {
    const res = await db.collection('orders').aggregate().sort({ amount: -1 }).skip(1).limit(2).project({ _id: 0, amount: 1 }).end();
    expect(res.data).toEqual([{ amount: 30 }, { amount: 10 }]);
  });

  test('addFields with an expression', async () => {
    const $ = db.command.aggregate;
    const res = await db.collection('orders').aggregate().match({ _id: 'o2' }).addFields({ double: $.multiply(['$amount', 2]) }).end();
    expect(res.data[0].double).toBe(60);
  });

  test('lookup joins another collection', async () => {
    const res = await db
      .collection('orders')
      .aggregate()
      .match({ _id: _.in(['o1', 'o4']) })
      .lookup({ from: 'users', localField: 'user', foreignField: '_id', as: 'who' })
      .sort({ _id: 1 })
      .end();
    expect(res.data.map((d: { who: unknown[] }) => d.who)).toEqual([[{ _id: 'u1', name: 'Ann' }], []]);
  });

  test('unwind drops documents with empty arrays', async () => {
    const res = await db.collection('orders').aggregate().unwind('$items').end();
    expect(res.data.map((d: { items: string }) => d.items).sort()).toEqual(['a', 'b', 'b', 'c']);
  });

  test('count stage', async () => {
    const res = await db.collection('orders').aggregate().match({ amount: _.gt(9) }).count('n').end();
    expect(res.data).toEqual([{ n: 3 }]);
  });

  test('sample returns the requested number of distinct documents', async () => {
    const res = await db.collection('orders').aggregate().sample({ size: 2 }).end();
    expect(res.data).toHaveLength(2);
    expect(new Set(res.data.map((d: { _id: string }) => d._id)).size).toBe(2);
  });

  test('match with a regex', async () => {
    const res = await db.collection('users').aggregate().match({ name: /^a/i }).end();
    expect(res.data).toEqual([{ _id: 'u1', name: 'Ann' }]);
  });
});

describe('not supported by the local emulator: clear errors, never silent answers', () => {
  test('geo query operator', async () => {
    const err = await rejection(
      db.collection('places').where({ loc: _.geoNear({ geometry: new db.Geo.Point(121.4, 31.2), maxDistance: 100 }) }).get(),
    );
    expect(err.message).toMatch(/not supported by the local emulator/);
  });

  test('geoNear aggregate stage', async () => {
    const err = await rejection(
      db.collection('places').aggregate().geoNear({ distanceField: 'd', near: new db.Geo.Point(121.4, 31.2) }).end(),
    );
    expect(err.message).toMatch(/not supported by the local emulator/);
  });

  test('watch / realtime: the sign-in action it starts with is refused', async () => {
    // The SDK's realtime client calls auth.wsWebSign through the gateway first, then retries in the
    // background; the gateway's answer is what ends up in its error.
    const gw = createGateway(emu.store);
    const answer = (await gw.handle({ action: 'auth.wsWebSign', runtime: 'node' })) as { code: string; message: string };
    expect(answer.message).toMatch(/watch .*not supported by the local emulator/);
  });

  test("regex option 'x'", async () => {
    const err = await rejection(db.collection('people').where({ name: db.RegExp({ regexp: 'a b', options: 'x' }) }).get());
    expect(err.message).toMatch(/not supported by the local emulator/);
  });

  test('an unknown action is refused with an error naming it', async () => {
    const gw = createGateway(emu.store);
    const answer = (await gw.handle({ action: 'database.dropEverything', collectionName: 'x' })) as { code: string; message: string };
    expect(answer.message).toContain('database.dropEverything');
    expect(answer.message).toMatch(/not supported by the local emulator/);
    const other = (await gw.handle({ action: 'storage.getUploadMetadata' })) as { code: string; message: string };
    expect(other.message).toContain('storage.getUploadMetadata');
  });

  test('an answer to a raw request has the SDK shape and EJSON documents', async () => {
    const gw = createGateway(emu.store);
    await db.collection('raw').add({ _id: 'r', at: new Date(5) });
    const answer = (await gw.handle({
      action: 'database.getDocument',
      collectionName: 'raw',
      queryType: 'DOC',
      query: toEJSON({ _id: 'r' }),
    })) as { requestId: string; data: { list: string[] } };
    expect(typeof answer.requestId).toBe('string');
    expect(JSON.parse(answer.data.list[0] as string)).toEqual({ _id: 'r', at: { $date: { $numberLong: '5' } } });
  });
});
