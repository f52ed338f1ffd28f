// Fidelity of aggregation operators and $jsonSchema / $elemMatch queries through the real
// @cloudbase/node-sdk against the emulator gateway, where mingo alone answers differently from the service
// (MongoDB): each case states the service's rule (emulator/gateway/engine.ts patches mingo for them).
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk';

let emu: EmulatorSdk;
let db: any;
let _: any;

beforeAll(async () => {
  emu = await startEmulatorSdk();
  db = emu.db;
  _ = db.command;
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.store.reset();
});

describe('string and date operators', () => {
  beforeEach(async () => {
    await db.collection('s').add({ _id: 'a', name: '上海abc', day: '2019/05/14', at: new Date('2019-05-14T09:38:51.686Z') });
  });

  test('$substr / $substrBytes: a negative length means "to the end of the string"', async () => {
    const $ = db.command.aggregate;
    const res = await db.collection('s').aggregate().project({ _id: 0, d: $.substr(['$day', 8, -1]), b: $.substrBytes(['$day', 5, -1]) }).end();
    expect(res.data).toEqual([{ d: '14', b: '05/14' }]);
  });

  test('$indexOfCP counts code points (a CJK character is one), -1 when absent', async () => {
    const $ = db.command.aggregate;
    const res = await db.collection('s').aggregate().project({ _id: 0, i: $.indexOfCP(['$name', 'b']), none: $.indexOfCP(['$name', 'z']) }).end();
    expect(res.data).toEqual([{ i: 3, none: -1 }]);
  });

  test('$week: weeks start on Sunday, days before the first Sunday are week 0 (date +%U: 19 for 2019-05-14)', async () => {
    const $ = db.command.aggregate;
    await db.collection('s').add({ _id: 'jan', at: new Date('2019-01-05T12:00:00Z') });
    const res = await db.collection('s').aggregate().sort({ at: 1 }).project({ _id: 0, w: $.week('$at') }).end();
    expect(res.data).toEqual([{ w: 0 }, { w: 19 }]);
  });
});

describe('queries', () => {
  beforeEach(async () => {
    await db.collection('q').add([
      { _id: 'words', tags: ['Go', 'C#'] },
      { _id: 'numbers', tags: [1, 2, 3, 7] },
      { _id: 'docs', tags: [{ value: 1 }, { value: 7 }] },
      { _id: 'nocat', other: 1 },
    ]);
  });
  const ids = (res: any): string[] => res.data.map((d: any) => d._id).sort();

  test('a field-style elemMatch matches embedded documents only, never plain elements', async () => {
    expect(ids(await db.collection('q').where({ tags: _.elemMatch({ value: _.gt(0) }) }).get())).toEqual(['docs']);
    expect(ids(await db.collection('q').where({ tags: _.elemMatch({ value: _.exists(true) }) }).get())).toEqual(['docs']);
    expect(ids(await db.collection('q').where({ tags: _.elemMatch({ value: _.mod([4, 3]) }) }).get())).toEqual(['docs']);
  });

  test('an operator-style elemMatch still tests plain elements', async () => {
    expect(ids(await db.collection('q').where({ tags: _.elemMatch(_.gt(5)) }).get())).toEqual(['numbers']);
  });

  test('_.jsonSchema() filters by a schema, also under _.nor()', async () => {
    expect(ids(await db.collection('q').where(_.jsonSchema({ required: ['tags'] })).get())).toEqual(['docs', 'numbers', 'words']);
    expect(ids(await db.collection('q').where(_.nor([_.jsonSchema({ required: ['tags'] })])).get())).toEqual(['nocat']);
    expect(ids(await db.collection('q').where(_.jsonSchema({ properties: { tags: { bsonType: 'array', items: { bsonType: 'int' } } }, required: ['tags'] })).get())).toEqual(['numbers']);
  });
});
