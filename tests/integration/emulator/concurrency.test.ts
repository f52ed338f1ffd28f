// Races through 50 real SDK clients at once against one gateway.
import { startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk';

let emu: EmulatorSdk;
let clients: any[];

beforeAll(async () => {
  emu = await startEmulatorSdk();
  clients = Array.from({ length: 50 }, () => emu.newDb());
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.store.reset();
});

test('50 clients doing _.inc on one document lose no update', async () => {
  await emu.db.collection('counter').add({ _id: 'c', n: 0 });
  const results = await Promise.all(
    clients.map((db, i) => db.collection('counter').doc('c').update({ n: db.command.inc(i + 1) })),
  );
  expect(results.every((r: { updated: number }) => r.updated === 1)).toBe(true);
  const doc = (await emu.db.collection('counter').doc('c').get()).data[0];
  expect(doc.n).toBe((50 * 51) / 2);
});

test('50 racing conditional updates for 10 places: exactly 10 report updated 1', async () => {
  await emu.db.collection('events').add({ _id: 'e', taken: 0, cap: 10 });
  const results = await Promise.all(
    clients.map((db) =>
      db
        .collection('events')
        .where({ _id: 'e', taken: db.command.lt(10) })
        .update({ taken: db.command.inc(1) }),
    ),
  );
  const winners = results.filter((r: { updated: number }) => r.updated === 1).length;
  expect(winners).toBe(10);
  expect(results.filter((r: { updated: number }) => r.updated === 0)).toHaveLength(40);
  expect((await emu.db.collection('events').doc('e').get()).data[0].taken).toBe(10);
});

test('50 racing adds of one deterministic _id: exactly one succeeds', async () => {
  const settled = await Promise.allSettled(clients.map((db, i) => db.collection('ledger').add({ _id: 'req-1', by: i })));
  expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
  const codes = settled.flatMap((s) => (s.status === 'rejected' ? [(s.reason as { code: string }).code] : []));
  expect(codes).toHaveLength(49);
  expect(new Set(codes)).toEqual(new Set(['DATABASE_DUPLICATE_WRITE']));
});

test('concurrent transactions on one document: conflicts are answered, the final state is consistent', async () => {
  await emu.db.collection('acct').add({ _id: 'hot', bal: 0, log: [] });
  const N = 20;
  const outcomes = await Promise.allSettled(
    clients.slice(0, N).map((db, i) =>
      (async () => {
        const t = await db.startTransaction();
        try {
          const cur = (await t.collection('acct').doc('hot').get()).data;
          await t.collection('acct').doc('hot').update({ bal: cur.bal + 1, log: [...cur.log, i] });
          await t.commit();
          return i;
        } catch (err) {
          await t.rollback().catch(() => undefined);
          throw err;
        }
      })(),
    ),
  );
  const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
  const conflicts = outcomes.filter(
    (o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT',
  ).length;
  expect(committed).toBeGreaterThanOrEqual(1);
  expect(committed + conflicts).toBe(N);
  const doc = (await emu.db.collection('acct').doc('hot').get()).data[0];
  // no lost update: the balance is exactly the number of committed transactions, each logged once
  expect(doc.bal).toBe(committed);
  expect(doc.log).toHaveLength(committed);
  expect(new Set(doc.log).size).toBe(committed);
});

test('runTransaction under contention: every success is counted exactly once', async () => {
  await emu.db.collection('acct').add({ _id: 'hot', bal: 0 });
  const N = 10;
  const outcomes = await Promise.allSettled(
    clients.slice(0, N).map((db) =>
      db.runTransaction(async (t: any) => {
        const cur = (await t.collection('acct').doc('hot').get()).data;
        await t.collection('acct').doc('hot').update({ bal: cur.bal + 1 });
      }),
    ),
  );
  const ok = outcomes.filter((o) => o.status === 'fulfilled').length;
  expect(ok).toBeGreaterThanOrEqual(1);
  expect((await emu.db.collection('acct').doc('hot').get()).data[0].bal).toBe(ok);
});
