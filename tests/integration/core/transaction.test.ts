// inTransaction (cloudfunctions/_core/transaction.ts) against the emulator, which ends a transaction not committed
// within 30 s as the service does: the work runs again and its write lands once; a refusal is not retried.
import { getDb } from '../../../cloudfunctions/_core/db';
import { inTransaction } from '../../../cloudfunctions/_core/transaction';
import { AppError } from '../../../cloudfunctions/_core/errors';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());
afterEach(() => jest.restoreAllMocks());

const COLL = 'tx_probe';

describe('inTransaction', () => {
  it('runs an expired transaction again: its write lands once', async () => {
    await getDb().createCollection(COLL).catch(() => undefined);
    let attempts = 0;
    // The emulator times a transaction by the real clock (Date.now), as the service does, not the functions' clock.
    const realNow = Date.now;
    let late = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + late);
    const result = await inTransaction(async (tx) => {
      attempts += 1;
      const doc = await tx.collection(COLL).doc('counter').get().catch(() => null);
      const n = ((doc?.data as { n?: number } | undefined)?.n ?? 0) + 1;
      await tx.collection(COLL).doc('counter').set({ n });
      // The first attempt outlives the service's 30 s: its commit finds the transaction gone.
      if (attempts === 1) late += 31_000;
      return n;
    });
    expect(attempts).toBe(2);
    expect(result).toBe(1);
    expect((await getDb().collection(COLL).doc('counter').get()).data[0]).toMatchObject({ n: 1 });
  });

  it('does not retry a refusal of our own', async () => {
    let attempts = 0;
    await expect(
      inTransaction(async () => {
        attempts += 1;
        throw new AppError('COMMON.FORBIDDEN');
      }),
    ).rejects.toMatchObject({ code: 'COMMON.FORBIDDEN' });
    expect(attempts).toBe(1);
  });
});
