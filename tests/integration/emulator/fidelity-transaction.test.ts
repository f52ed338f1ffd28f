// Fidelity of transactions through the real @cloudbase/node-sdk against the emulator gateway.
//
// The service's rules, and where they come from:
// - CloudBase transactions run on MongoDB transactions: snapshot isolation. Reads see the database as of the
//   transaction's first operation (plus its own writes); a write to a document that another transaction is
//   writing, or that was changed after the snapshot, is a conflict (DATABASE_TRANSACTION_CONFLICT); a
//   document that was only read never fails the commit. Source: the CloudBase SDK's own suite, run against
//   the service (TencentCloudBase/node-sdk test/database/unit/transaction.test.ts: "读快照", "读偏",
//   "冲突检测", "write skew", "mongodb 原生事务操作支持").
// - where().get() and updateAndReturn() are accepted inside a transaction with
//   @cloudbase/node-sdk: the same suite runs them against the service and expects success, and
//   docs.cloudbase.net/en/database/transaction ("Data Operations in Transactions": get, add, delete, update,
//   set; node-sdk only) no longer carries the single-record limit that the WeChat wx-server-sdk pages
//   (developers.weixin.qq.com .../Database.startTransaction.md, "只允许进行单记录操作") state for wx-server-sdk.
//   The SDK (3.18.3) sends no transactionId with where().update(), where().remove() or count(): those run
//   outside the transaction, at once, whatever the service allows.
// - The service's texts for a conflict and for an operation on a finished transaction are those the suite
//   asserts (TRANSACTION_CONFLICT_MESSAGE, TRANSACTION_NOT_EXIST_MESSAGE in emulator/gateway/transactions.ts).
import { TRANSACTION_CONFLICT_MESSAGE as CONFLICT_TEXT, TRANSACTION_NOT_EXIST_MESSAGE as NOT_EXIST_TEXT } from '../../../emulator/gateway/transactions';
import { rejection, startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk';

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

const one = async (coll: string, id: string): Promise<any> => (await db.collection(coll).doc(id).get()).data[0];

describe('transactions', () => {
  beforeEach(async () => {
    await db.collection('acct').add([
      { _id: 'A', bal: 100 },
      { _id: 'B', bal: 0 },
    ]);
  });

  test('runTransaction commits reads-then-writes of several documents', async () => {
    await db.runTransaction(async (t: any) => {
      const a = (await t.collection('acct').doc('A').get()).data;
      const b = (await t.collection('acct').doc('B').get()).data;
      await t.collection('acct').doc('A').update({ bal: a.bal - 30 });
      await t.collection('acct').doc('B').update({ bal: b.bal + 30 });
    });
    expect((await one('acct', 'A')).bal).toBe(70);
    expect((await one('acct', 'B')).bal).toBe(30);
  });

  test('doc().get() in a transaction answers the document itself, or null', async () => {
    const t = await db.startTransaction();
    expect((await t.collection('acct').doc('A').get()).data).toEqual({ _id: 'A', bal: 100 });
    expect((await t.collection('acct').doc('none').get()).data).toBeNull();
    await t.rollback();
  });

  test('reads inside a transaction see its own writes; others do not until commit', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('A').update({ bal: _.inc(-1) });
    await t.collection('acct').add({ _id: 'C', bal: 1 });
    expect((await t.collection('acct').doc('A').get()).data.bal).toBe(99);
    expect((await t.collection('acct').doc('C').get()).data).toEqual({ _id: 'C', bal: 1 });
    expect((await one('acct', 'A')).bal).toBe(100);
    expect(await one('acct', 'C')).toBeUndefined();
    await t.commit();
    expect((await one('acct', 'A')).bal).toBe(99);
    expect((await one('acct', 'C')).bal).toBe(1);
  });

  test('rollback (abort) leaves nothing behind', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('A').set({ bal: 0 });
    await t.collection('acct').doc('B').remove();
    await t.collection('acct').add({ _id: 'C' });
    await t.rollback();
    expect((await db.collection('acct').orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'A', bal: 100 },
      { _id: 'B', bal: 0 },
    ]);
  });

  test('a document written outside since the transaction read it: DATABASE_TRANSACTION_CONFLICT', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('A').get();
    await db.collection('acct').doc('A').update({ bal: _.inc(5) });
    const err = await rejection(t.collection('acct').doc('A').update({ bal: 0 }));
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect((await one('acct', 'A')).bal).toBe(105);
  });

  test('a document written by another open transaction: DATABASE_TRANSACTION_CONFLICT', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('acct').doc('A').update({ bal: 1 });
    const err = await rejection(t2.collection('acct').doc('A').update({ bal: 2 }));
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_TEXT });
    await t1.commit();
    expect((await one('acct', 'A')).bal).toBe(1);
  });

  test('a document the transaction wrote, then changed outside: the commit fails and applies none of it', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('B').update({ bal: 50 });
    await t.collection('acct').doc('A').update({ bal: 7 });
    await db.collection('acct').doc('A').update({ bal: 1 });
    const err = await rejection(t.commit());
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_TEXT });
    expect((await one('acct', 'B')).bal).toBe(0);
    expect((await one('acct', 'A')).bal).toBe(1);
  });

  test('a document only READ, then changed outside, does not fail the commit (snapshot isolation: write skew is possible)', async () => {
    const t = await db.startTransaction();
    const a = (await t.collection('acct').doc('A').get()).data;
    await db.collection('acct').doc('A').update({ bal: 1 });
    await t.collection('acct').doc('B').update({ bal: a.bal });
    await t.commit();
    expect((await one('acct', 'B')).bal).toBe(100);
    expect((await one('acct', 'A')).bal).toBe(1);
  });

  test('runTransaction retries a conflict and then succeeds', async () => {
    let attempts = 0;
    await db.runTransaction(async (t: any) => {
      attempts++;
      const a = (await t.collection('acct').doc('A').get()).data;
      if (attempts === 1) await db.collection('acct').doc('A').update({ bal: _.inc(1) });
      await t.collection('acct').doc('A').update({ bal: a.bal + 10 });
    });
    expect(attempts).toBe(2);
    expect((await one('acct', 'A')).bal).toBe(111);
  });

  test('add of an existing _id inside a transaction is a duplicate write', async () => {
    const t = await db.startTransaction();
    const err = await rejection(t.collection('acct').add({ _id: 'A' }));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    await t.rollback();
  });

  test('a committed transaction cannot be used again', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('A').update({ bal: 1 });
    await t.commit();
    const err = await rejection(t.collection('acct').doc('B').update({ bal: 1 }));
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: NOT_EXIST_TEXT });
    expect((await one('acct', 'B')).bal).toBe(0);
  });
});

describe('store reset between test cases', () => {
  test('a transaction left open before reset() holds no lock afterwards', async () => {
    await db.collection('acct').add({ _id: 'A', bal: 1 });
    const stale = await db.startTransaction();
    await stale.collection('acct').doc('A').update({ bal: 2 });
    emu.store.reset();
    await db.collection('acct').add({ _id: 'A', bal: 10 });
    const t = await db.startTransaction();
    expect((await t.collection('acct').doc('A').update({ bal: 11 })).updated).toBe(1);
    await t.commit();
    expect((await one('acct', 'A')).bal).toBe(11);
    const err = await rejection(stale.commit());
    expect(err.code).toBe('DATABASE_TRANSACTION_FAIL');
  });
});

describe('snapshot reads', () => {
  beforeEach(async () => {
    await db.collection('acct').add([
      { _id: 'A', bal: 100 },
      { _id: 'B', bal: 0 },
    ]);
  });

  test('documents read in a transaction read back as of its snapshot after changes outside (no read skew)', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('A').get();
    await db.collection('acct').doc('A').set({ bal: 1 });
    await db.collection('acct').doc('B').set({ bal: 2 });
    await db.collection('acct').add({ _id: 'C', bal: 3 });
    await db.collection('acct').doc('B').remove();
    expect((await t.collection('acct').doc('A').get()).data).toEqual({ _id: 'A', bal: 100 });
    expect((await t.collection('acct').doc('B').get()).data).toEqual({ _id: 'B', bal: 0 });
    expect((await t.collection('acct').doc('C').get()).data).toBeNull();
    expect((await t.collection('acct').where({ bal: _.gte(0) }).get()).data).toEqual([
      { _id: 'A', bal: 100 },
      { _id: 'B', bal: 0 },
    ]);
    await t.rollback();
  });

  test('the snapshot is taken at the first operation, not at startTransaction', async () => {
    const t = await db.startTransaction();
    await db.collection('acct').add({ _id: 'C', bal: 3 });
    expect((await t.collection('acct').doc('C').get()).data).toEqual({ _id: 'C', bal: 3 });
    await t.rollback();
  });

  test('a write to a document changed outside after the snapshot: DATABASE_TRANSACTION_CONFLICT with the service text', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').doc('A').get();
    await db.collection('acct').doc('B').update({ bal: 5 });
    const err = await rejection(t.collection('acct').doc('B').update({ bal: 1 }));
    expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT', message: CONFLICT_TEXT });
    expect((await one('acct', 'B')).bal).toBe(5);
  });
});

describe('queries and updateAndReturn inside a transaction (accepted, as the service does)', () => {
  beforeEach(async () => {
    await db.collection('acct').add([
      { _id: 'A', bal: 100, kind: 'x' },
      { _id: 'B', bal: 0, kind: 'x' },
      { _id: 'C', bal: 7, kind: 'y' },
    ]);
  });

  test('where().get() sees the transaction\'s own inserts and updates, others do not until commit', async () => {
    const t = await db.startTransaction();
    await t.collection('acct').add([{ _id: 'D', bal: 1, kind: 'x' }]);
    await t.collection('acct').doc('A').update({ kind: 'z' });
    expect((await t.collection('acct').where({ kind: 'x' }).orderBy('_id', 'asc').get()).data.map((d: any) => d._id)).toEqual(['B', 'D']);
    expect((await db.collection('acct').where({ kind: 'x' }).count()).total).toBe(2);
    await t.commit();
    expect((await db.collection('acct').where({ kind: 'x' }).count()).total).toBe(2);
    expect((await one('acct', 'D')).kind).toBe('x');
  });

  test('SDK fact: where().update(), where().remove() and count() on a transaction\'s collection do NOT join it (no transactionId sent): they apply at once and survive a rollback', async () => {
    const t = await db.startTransaction();
    expect((await t.collection('acct').where({ kind: 'x' }).update({ flag: true })).updated).toBe(2);
    expect((await t.collection('acct').where({ kind: 'y' }).remove()).deleted).toBe(1);
    expect((await t.collection('acct').where({ kind: 'x' }).count()).total).toBe(2);
    await t.rollback();
    expect((await db.collection('acct').where({ flag: true }).count()).total).toBe(2);
    expect(await one('acct', 'C')).toBeUndefined();
  });
});
