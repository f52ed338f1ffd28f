import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startDevServer, type DevServer } from '../../../emulator/dev-server/server';
import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';

/**
 * A body the dev server cannot read never reaches a function and never shows the parser's text: it answers the
 * envelope a page understands, COMMON.INVALID_INPUT with a Chinese message, under 400 (the request is at fault;
 * sending it again unchanged cannot succeed), and writes nothing.
 */
let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ port: 0, dataDir: null, h5Dir: mkdtempSync(join(tmpdir(), 'h5-')) });
  await server.stack.seed();
});
afterAll(() => server.close());

const committee = DEMO_PEOPLE.find((p) => p.key === 'committee')!.openid;

const fingerprint = () => server.store.collections().map((c) => `${c}:${server.store.count(c)}`).join(',');

async function postRaw(path: string, body: string) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': committee },
    body,
  });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
}

it.each([
  ['truncated JSON', '{"action":"updateProfile","payload":{"name":"张'],
  ['not JSON at all', 'name=张三&building=1'],
  ['a NUL byte before the JSON', '\u0000{"action":"me"}'],
  ['a lone surrogate escape that breaks the JSON', '{"action":"me","payload":{"name":"\\ud800'],
])('%s: 400 with the envelope, nothing written', async (_what, body) => {
  const before = fingerprint();
  const res = await postRaw('/fn/members', body);
  expect(res).toEqual({
    status: 400,
    type: 'application/json; charset=utf-8',
    body: { ok: false, error: { code: 'COMMON.INVALID_INPUT', message: '提交的内容无法识别，请刷新页面后再试' } },
  });
  expect(JSON.stringify(res.body)).not.toMatch(/JSON|Unexpected|position|token/i);
  expect(fingerprint()).toBe(before);
});

it('the dev endpoints that read JSON answer the same way', async () => {
  expect(await postRaw('/__dev/clock', '{offsetMs: 1}')).toMatchObject({ status: 400, body: { ok: false, error: { code: 'COMMON.INVALID_INPUT' } } });
});

it('a readable body still reaches the function (a NUL inside a string is the schema’s to refuse)', async () => {
  const ok = await postRaw('/fn/members', JSON.stringify({ action: 'me', payload: {} }));
  expect(ok).toMatchObject({ status: 200, body: { ok: true } });
  const nul = await postRaw('/fn/ledger', JSON.stringify({ action: 'members', payload: { name: '张\u0000' } }));
  expect(nul).toEqual({
    status: 200,
    type: 'application/json; charset=utf-8',
    body: { ok: false, error: { code: 'COMMON.INVALID_INPUT', message: expect.any(String), fields: { name: '姓名里有无法显示的字符，请删掉后再填' } } },
  });
});
