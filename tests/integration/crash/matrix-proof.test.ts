// The crash matrix catches what it is for, end to end through a real action: a client that sends a fresh request id
// with every try (instead of the same call again) creates a second grid when the first try dies after its write.
import { randomBytes } from 'crypto';
import { runScenario, type CrashScenario } from '../../support/crash-matrix';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

test('a retry that is not the same call shows as an extra document at the crash point, and passes where nothing was written', async () => {
  const careless: CrashScenario = {
    name: 'grids.createGrid (a new request id per try)',
    fn: 'grids',
    action: 'createGrid',
    caller: 'committee',
    payload: () => ({
      name: '第四微格',
      // A fresh random id each time the payload is read (once per try), as a page that makes one per tap.
      get requestId() {
        return randomBytes(16).toString('hex');
      },
    }),
  };
  const { row, failures } = await runScenario(h, 'proof', careless);
  expect(row).toMatchObject({ writes: 1, passed: 1, total: 2 });
  expect(failures).toEqual([expect.stringMatching(/^crash after write point 1\/1:\n {4}grids "cm-baiyu1-<r\d>": extra document/)]);
});

test('the same scenario with one request id passes every point', async () => {
  const careful: CrashScenario = {
    name: 'grids.createGrid',
    fn: 'grids',
    action: 'createGrid',
    caller: 'committee',
    payload: () => ({ name: '第四微格', requestId: 'careful-1' }),
  };
  const { row, failures } = await runScenario(h, 'proof', careful);
  expect(failures).toEqual([]);
  expect(row).toMatchObject({ writes: 1, passed: 2, total: 2 });
});
