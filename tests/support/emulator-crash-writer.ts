// Child process for the crash tests: opens a durable store in argv[2] and writes a burst through the
// gateway forever, printing each acknowledged write to stdout (a pipe: synchronous on Linux), until killed.
//   mode "single": one insert per write, prints its _id
//   mode "txn":    a transaction inserting a_i and b_i and incrementing doc "sum", prints "txn <i>" after commit
import { createGateway } from '../../emulator/gateway';
import { openStore, toEJSON } from '../../emulator/store';

const dir = process.argv[2];
const mode = process.argv[3] ?? 'single';
if (!dir) throw new Error('usage: emulator-crash-writer <dir> [single|txn]');

const store = openStore({ dir });
const gw = createGateway(store);
const pad = 'x'.repeat(4096);

async function call(body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const answer = (await gw.handle(body)) as Record<string, unknown>;
  if (answer.code) throw new Error(`${String(answer.code)}: ${String(answer.message)}`);
  return answer;
}

async function main(): Promise<void> {
  const start = store.count('c');
  if (mode === 'txn') {
    await call({ action: 'database.modifyDocument', collectionName: 'c', queryType: 'DOC', query: toEJSON({ _id: 'sum' }), data: toEJSON({ n: 0 }), merge: false, upsert: true });
  }
  process.stdout.write('ready\n');
  for (let i = start; ; i++) {
    if (mode === 'txn') {
      const { transactionId } = await call({ action: 'database.startTransaction' });
      for (const side of ['a', 'b']) {
        await call({ action: 'database.insertDocument', collectionName: 'c', transactionId, data: [toEJSON({ _id: `${side}${i}`, i, pad })] });
      }
      await call({ action: 'database.modifyDocument', collectionName: 'c', queryType: 'DOC', transactionId, query: toEJSON({ _id: 'sum' }), data: toEJSON({ $inc: { n: 1 } }), merge: true, upsert: false });
      await call({ action: 'database.commitTransaction', transactionId });
      process.stdout.write(`txn ${i}\n`);
    } else {
      const id = `w${i}`;
      await call({ action: 'database.insertDocument', collectionName: 'c', data: [toEJSON({ _id: id, i, pad })] });
      process.stdout.write(`${id}\n`);
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
