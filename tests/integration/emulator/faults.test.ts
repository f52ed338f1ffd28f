// The crash switch (emulator/gateway/faults.ts) through the real @cloudbase/node-sdk: what counts as a write point,
// that a refused write writes nothing, that a crash applies its write and then answers nothing more of that call
// while other calls are served, and that a crashed call's open transaction does not block the retry.
import { asCall } from '../../../emulator/gateway';
import { FAULT_CODE } from '../../../emulator/gateway/faults';
import { rejection, startEmulatorSdk, type EmulatorSdk } from '../../support/emulator-sdk';

let emu: EmulatorSdk;
let db: any;

beforeAll(async () => {
  emu = await startEmulatorSdk();
  db = emu.db;
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.gateway.faults.reset();
  emu.store.reset();
});

const stored = (id: string) => emu.store.get('c', id);

/** Settles when the promise does; `state()` says whether it has, without waiting. */
function watch(p: Promise<unknown>): { state(): 'pending' | 'resolved' | 'rejected'; done: Promise<unknown> } {
  let s: 'pending' | 'resolved' | 'rejected' = 'pending';
  const done = p.then(
    (v) => {
      s = 'resolved';
      return v;
    },
    (e: unknown) => {
      s = 'rejected';
      return e;
    },
  );
  return { state: () => s, done };
}

describe('write points', () => {
  test('insert, update, updateAndReturn and remove outside a transaction count one each; reads count none', async () => {
    const faults = emu.gateway.faults;
    faults.count();
    await db.collection('c').add({ _id: 'a', n: 1 });
    await db.collection('c').doc('a').update({ n: 2 });
    await db.collection('c').where({ _id: 'a' }).update({ n: 3 });
    await db.collection('c').doc('a').get();
    await db.collection('c').where({ n: 3 }).count();
    await db.collection('c').where({ _id: 'a' }).updateAndReturn({ n: 4 });
    await db.collection('c').doc('a').remove();
    expect(faults.writes).toBe(5);
    expect(faults.tripped).toBe(false);
  });

  test('a transaction counts once, at its commit; an aborted one not at all', async () => {
    const faults = emu.gateway.faults;
    faults.count();
    const tx = await db.startTransaction();
    await tx.collection('c').add({ _id: 'a', n: 1 });
    await tx.collection('c').doc('b').set({ n: 2 });
    await tx.collection('c').doc('b').update({ n: 3 });
    expect(faults.writes).toBe(0);
    await tx.commit();
    expect(faults.writes).toBe(1);
    const aborted = await db.startTransaction();
    await aborted.collection('c').doc('x').set({ n: 1 });
    await aborted.rollback();
    expect(faults.writes).toBe(1);
  });

  test('without count() or arm() nothing is counted, and reset() stops counting', async () => {
    const faults = emu.gateway.faults;
    await db.collection('c').add({ _id: 'a' });
    expect(faults.writes).toBe(0);
    faults.count();
    await db.collection('c').add({ _id: 'b' });
    faults.reset();
    await db.collection('c').add({ _id: 'c' });
    expect(faults.writes).toBe(0);
  });
});

describe('fail', () => {
  test('the n-th write point is refused with a database error and writes nothing; the others are applied', async () => {
    const faults = emu.gateway.faults;
    faults.arm({ at: 2, mode: 'fail' });
    await db.collection('c').add({ _id: 'a' });
    expect(faults.tripped).toBe(false);
    const err = await rejection(db.collection('c').add({ _id: 'b' }));
    expect(err.code).toBe(FAULT_CODE);
    expect(faults.tripped).toBe(true);
    expect(stored('b')).toBeUndefined();
    await db.collection('c').add({ _id: 'c' });
    expect(faults.writes).toBe(3);
    expect(stored('a')).toBeDefined();
    expect(stored('c')).toBeDefined();
  });

  test('a refused commit writes nothing of the transaction and ends it, so its documents are free', async () => {
    const faults = emu.gateway.faults;
    await db.collection('c').add({ _id: 'x', n: 0 });
    faults.arm({ at: 1, mode: 'fail' });
    const tx = await db.startTransaction();
    await tx.collection('c').doc('x').update({ n: 1 });
    await tx.collection('c').add({ _id: 'y' });
    const err = await rejection(tx.commit());
    expect(err.code).toBe(FAULT_CODE);
    expect(stored('x')).toEqual({ _id: 'x', n: 0 });
    expect(stored('y')).toBeUndefined();
    const next = await db.startTransaction();
    await next.collection('c').doc('x').update({ n: 2 });
    await next.commit();
    expect(stored('x')).toEqual({ _id: 'x', n: 2 });
  });
});

describe('crash', () => {
  test('applies the n-th write point, then never answers that call again while other calls are served', async () => {
    const faults = emu.gateway.faults;
    faults.arm({ at: 2, mode: 'crash' });
    const crashed = watch(
      asCall(async () => {
        await db.collection('c').add({ _id: 'a' });
        await db.collection('c').add({ _id: 'b' });
        await db.collection('c').add({ _id: 'after' });
      }),
    );
    await faults.whenTripped();
    expect(stored('a')).toBeDefined();
    expect(stored('b')).toBeDefined(); // applied: the call died after its write, not before
    // Another call (the retry) is served in full while the crashed one stays hung.
    await asCall(async () => {
      await db.collection('c').add({ _id: 'other' });
      expect((await db.collection('c').doc('b').get()).data).toHaveLength(1);
    });
    expect(crashed.state()).toBe('pending');
    expect(stored('after')).toBeUndefined();
    expect(faults.writes).toBe(3);
    // reset() drops the held sockets: the call sees an error and is never answered afterwards.
    faults.reset();
    await crashed.done;
    expect(crashed.state()).toBe('rejected');
    expect(stored('after')).toBeUndefined();
  });

  test('a commit is applied whole before the call dies', async () => {
    const faults = emu.gateway.faults;
    faults.arm({ at: 1, mode: 'crash' });
    const crashed = watch(
      asCall(async () => {
        const tx = await db.startTransaction();
        await tx.collection('c').add({ _id: 'a' });
        await tx.collection('c').add({ _id: 'b' });
        await tx.commit();
      }),
    );
    await faults.whenTripped();
    expect(stored('a')).toBeDefined();
    expect(stored('b')).toBeDefined();
    faults.reset();
    await crashed.done;
    expect(crashed.state()).toBe('rejected');
  });

  test('a crash in a request without a call tag holds it until reset(); then the gateway serves again', async () => {
    const faults = emu.gateway.faults;
    faults.arm({ at: 1, mode: 'crash' });
    const first = watch(db.collection('c').add({ _id: 'a' }));
    await faults.whenTripped();
    expect(stored('a')).toBeDefined();
    expect(first.state()).toBe('pending');
    faults.reset();
    await first.done;
    expect(first.state()).toBe('rejected');
    expect((await db.collection('c').doc('a').get()).data).toHaveLength(1);
  });

  test("a crashed call's open transaction does not block its retry", async () => {
    const faults = emu.gateway.faults;
    await db.collection('c').add({ _id: 'x', n: 0 });
    faults.arm({ at: 1, mode: 'crash' });
    // The call writes x in a transaction, then dies at a write outside it: the transaction is left open.
    const crashed = watch(
      asCall(async () => {
        const tx = await db.startTransaction();
        await tx.collection('c').doc('x').update({ n: 1 });
        await db.collection('c').add({ _id: 'log' });
        await tx.commit();
      }),
    );
    await faults.whenTripped();
    // The retry writes x in its own transaction: no conflict with the dead call's (ended at the crash).
    await asCall(async () => {
      const tx = await db.startTransaction();
      await tx.collection('c').doc('x').update({ n: 2 });
      await tx.commit();
    });
    expect(stored('x')).toEqual({ _id: 'x', n: 2 });
    faults.reset();
    await crashed.done;
  });

  test('arm() takes a positive count and a known mode', () => {
    expect(() => emu.gateway.faults.arm({ at: 0, mode: 'crash' })).toThrow(/positive/);
    expect(() => emu.gateway.faults.arm({ at: 1, mode: 'boom' as never })).toThrow(/mode/);
  });
});
