import { LOCAL_APPID } from '../../emulator/dev-server/functions-host';
import { COMMON_ERRORS } from '../../src/shared/errors/common';
import { PAGE_TABLE, rowName, type CallAs, type PageRow } from '../support/page-table';
import { setupWeappHarness, untilSettled } from './simulate';

/**
 * Every page of the real `dist/weapp` build, opened under miniprogram-simulate as the role it is for with the query
 * the app opens it with (tests/support/page-table.ts): it renders, every function call it makes on load answers
 * ok, and it shows no raw error text. A page that breaks only in the weapp build fails here.
 */

/** Text a resident must never read on a page that just loaded. */
const RAW_ERROR_TEXT = ['COMMON.', 'Error:', 'undefined', '[object Object]', 'NaN', ...Object.values(COMMON_ERRORS)];

/**
 * Pages that fail today, with the cause, in parts of issue 13 other engineers own (reported there, not hidden):
 * `it.failing` turns red the day a page is fixed, and its entry goes then.
 */
const KNOWN_BROKEN: Record<string, string> = {
  'packages/checkin/pages/station/index as committee':
    'opened before check-in opens (the event page links to it at any time), checkin.station answers CHECKIN.NOT_OPEN and the page shows an error with 重新加载',
};

describe('weapp build: every page opens as its role', () => {
  const ctx = setupWeappHarness();

  afterEach(() => {
    ctx.harness.stack.clock.offsetMs = 0;
  });

  const rows = PAGE_TABLE.map((row) => [rowName(row), row] as const);
  const known = rows.filter(([name]) => KNOWN_BROKEN[name]);
  const working = rows.filter(([name]) => !KNOWN_BROKEN[name]);

  const open = async (row: PageRow) => {
    const openid = ctx.harness.identities[row.as];
    const call: CallAs = (fn, action, payload = {}) => ctx.harness.call(fn, action, payload, openid);
    const query = row.query ? await row.query(call) : {};
    if (row.at) ctx.harness.stack.clock.offsetMs = (await row.at(call)).getTime() - Date.now();
    const entry = row.inGroup ? { inGroup: { cloudID: ctx.harness.stack.wechat.openData.mintGroupCloudId(row.inGroup, LOCAL_APPID) } } : undefined;
    ctx.openid = openid;
    const from = ctx.records.length;
    const page = ctx.weapp.openPage(row.page, Object.fromEntries(Object.entries(query).map(([k, v]) => [k, encodeURIComponent(v)])), entry);
    const text = await untilSettled(page, ctx);
    const shown = text ?? page.dom.textContent ?? '';
    const errorState = Boolean(page.dom.querySelector('.page-error'));
    page.detach();
    await ctx.settled();
    const made = ctx.records.slice(from);
    expect({
      settled: text !== null,
      blank: shown.trim().length === 0,
      failedCalls: made.filter((r) => !r.answer.ok).map((r) => `${r.call}: ${r.answer.error?.code} ${r.answer.error?.message}`),
      rawErrorText: RAW_ERROR_TEXT.filter((t) => shown.includes(t)),
      errorState,
    }).toEqual({ settled: true, blank: false, failedCalls: [], rawErrorText: [], errorState: false });
  };

  it.each(working)('%s', async (_name, row) => open(row));
  if (known.length) it.failing.each(known)('%s (known broken, see KNOWN_BROKEN)', async (_name, row) => open(row));
});
