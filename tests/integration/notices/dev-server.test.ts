import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startDevServer, type DevServer } from '../../../emulator/dev-server/server';
import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';
import { DEMO_ROBOT_KEY } from '../../../emulator/seed/notices';
import { noticeInput } from './support';

/** The dev server's WeCom sink, group cards and timer endpoint reach the same notices function the harness runs. */
let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ port: 0, dataDir: null, h5Dir: mkdtempSync(join(tmpdir(), 'h5-')) });
  await server.stack.seed();
});
afterAll(() => server.close());

const openid = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;

async function post(path: string, body: unknown, caller?: string): Promise<any> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(caller ? { 'x-wx-openid': caller } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

const deliveries = async () => (await (await fetch(`${server.url}/__dev/wecom/deliveries`)).json()) as { key: string; answer: { errcode: number } }[];

it('publishing reaches the seeded robot in the sink, the rate-limit mode makes it retry, the timer endpoint sends it', async () => {
  expect(server.wecom).toBe(server.stack.wecom);
  await post('/__dev/wecom/mode', { rateLimited: true });
  const created = await post(
    '/fn/notices',
    { action: 'create', payload: { notice: noticeInput(), publish: { kind: 'now' }, requestId: 'req-dev-server-1' } },
    openid('gridLeader'),
  );
  expect(created).toMatchObject({ ok: true, data: { notice: { status: 'published', robots: [{ state: 'queued', attempts: 1 }] } } });
  expect(await deliveries()).toEqual([expect.objectContaining({ key: DEMO_ROBOT_KEY, answer: expect.objectContaining({ errcode: 45009 }) })]);

  await post('/__dev/wecom/mode', { rateLimited: false });
  await post('/__dev/clock', { offsetMs: 2 * 60_000 });
  expect(await post('/__dev/timer/notices/every-minute', {})).toMatchObject({ ok: true, data: { sent: 1 } });
  expect((await deliveries()).map((d) => d.answer.errcode)).toEqual([45009, 0]);

  // A card opened inside fixture group A counts for the seeded group bound to 第一微格.
  const { cloudID } = await post('/__dev/wechat/group-card', { group: 'A' });
  const noticeId = created.data.notice.id as string;
  expect((await post('/fn/notices', { action: 'open', payload: { noticeId }, groupCloudId: cloudID }, openid('resident'))).ok).toBe(true);
  const receipts = await post('/fn/notices', { action: 'receipts', payload: { noticeId } }, openid('gridLeader'));
  expect(receipts.data.groups).toContainEqual(expect.objectContaining({ name: '1-2号楼邻里群', read: 1 }));
});
