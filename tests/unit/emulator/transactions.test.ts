// The transaction manager's lifetime rule: the service forgets a transaction 30 s after it started.
import { TRANSACTION_LIFETIME_MS, TransactionManager } from '../../../emulator/gateway/transactions';
import { openStore } from '../../../emulator/store';

test('a transaction abandoned past its lifetime is finished by the next start: its snapshot and locks go', () => {
  const store = openStore();
  let now = 0;
  const txns = new TransactionManager(store, () => now);
  store.commit([{ op: 'put', coll: 'c', doc: { _id: 'a', n: 1 } }]);
  const abandoned = txns.start();
  txns.write(abandoned, 'c', 'a', { _id: 'a', n: 2 });

  expect(txns.openCount()).toBe(1);

  now = TRANSACTION_LIFETIME_MS + 1;
  const next = txns.start();
  expect(txns.openCount()).toBe(1);
  txns.write(next, 'c', 'a', { _id: 'a', n: 3 });
  txns.commit(next);
  expect(store.get('c', 'a')).toEqual({ _id: 'a', n: 3 });
  expect(() => txns.read(abandoned, 'c', 'a')).toThrow(/TransactionNotExist/);
  store.close();
});
