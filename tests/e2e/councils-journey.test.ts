import { DEMO_SERVICE_COUNCIL, DEMO_STARTED_DAYS_AGO, DEMO_TERM_DAYS } from '../../emulator/seed/councils';
import { DAY_MS } from '../../src/shared/rules/rotation';
import { describeInBrowser, startE2E, type E2E } from './support';

const LIST = '/packages/councils/pages/list/index';
const card = (id: string) => `.council-card[data-council-id="${id}"]`;

describeInBrowser('sub-councils and the rotating chair, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  let member = '';

  it('a resident member joins two sub-councils', async () => {
    const { page } = e;
    member = await e.login('member');
    await page.goto(`${e.server.url}/#${LIST}`);
    await page.waitForSelector(`.page-councils:not(.is-busy) ${card(DEMO_SERVICE_COUNCIL)}`);
    await e.shot('councils-1-list');

    for (const id of ['cm-baiyu1-family', 'cm-baiyu1-youth']) {
      await page.click(`${card(id)} .btn-join`);
      await page.waitForSelector(`${card(id)} .council-card__joined`);
    }
    await page.waitForSelector('.page-councils:not(.is-busy)');
    await e.shot('councils-2-joined');

    const me = await e.server.stack.host.invoke('members', { action: 'me' }, { openid: member });
    expect(me).toMatchObject({ ok: true });
    const councilIds = (me as { data: { member: { councilIds: string[] } } }).data.member.councilIds;
    expect(councilIds).toEqual(expect.arrayContaining(['cm-baiyu1-family', 'cm-baiyu1-youth', DEMO_SERVICE_COUNCIL]));
  });

  it('the rotating chair shown changes when the clock passes a term', async () => {
    const { page } = e;
    const current = page.locator(`${card(DEMO_SERVICE_COUNCIL)} .council-card__current`);
    await expect(current.textContent()).resolves.toContain('张丽华');

    // The dev server's clock control, as a trial on a laptop would move it.
    const res = await fetch(`${e.server.url}/__dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs: (DEMO_TERM_DAYS - DEMO_STARTED_DAYS_AGO) * DAY_MS }),
    });
    expect(res.ok).toBe(true);
    await page.reload();
    await page.waitForSelector(`.page-councils:not(.is-busy) ${card(DEMO_SERVICE_COUNCIL)}`);
    await expect(current.textContent()).resolves.toContain('李建国');
    await e.shot('councils-3-next-chair');

    await page.click(`${card(DEMO_SERVICE_COUNCIL)} .council-card__open`);
    await page.waitForSelector('.page-council-detail:not(.is-busy) .schedule-row--current');
    await expect(page.locator('.schedule-row--current').textContent()).resolves.toContain('本任 李建国');
    await e.shot('councils-4-schedule');
    e.server.stack.clock.offsetMs = 0;
  });
});
