import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { getDb } from '../../cloudfunctions/_core/db';
import { percentOf } from '../../src/shared/domain/survey';
import { PRIVACY_VERSION } from '../../src/shared/privacy';
import type { Locator, Page } from 'playwright-core';
import { describeInBrowser, startE2E, type E2E } from './support';

const PKG = '/packages/surveys/pages';
/** H5 keeps earlier pages in the DOM (shaded when covered): every query is scoped to the page on show. */
const SHOWN = '.taro_page_show:not(.taro_page_shade)';
/** 张丽华 leads 第一微格 (1-4号楼) of 白玉一居. */
const G1 = 'cm-baiyu1-g1';
const TITLE = '楼道声控灯改造意见';
/** Taro's H5 picker: each column's rows are 34px high, the chosen row sits 102px from the column's top. */
const ROW = 34;
const TOP = 102;

/** "2026-12-06" moved by `days`, as a day (no time zone involved). */
function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
/** "2026-12-06" as the field says it: "12月6日". */
const said = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * Picks a day in a DateTimeField's date picker as a finger would: each column (year, month, day) dragged row by
 * row to the wanted one, then 确定. Answers nothing; the field then shows the day.
 */
async function pickDay(page: Page, field: Locator, day: string): Promise<void> {
  await field.locator('.datetime-field__part').click();
  // Taro moves each picker's sheet to the end of <body>; the open one is the one shown.
  const sheet = page.locator('.weui-picker:visible');
  await sheet.waitFor();
  // It slides up first: a drag during the slide starts off the column.
  await sheet.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  const [y, m, d] = day.split('-');
  const wanted = [`${y}年`, `${m}月`, `${d}日`];
  for (const [column, want] of wanted.entries()) {
    const group = sheet.locator('taro-picker-group').nth(column);
    const where = () =>
      group.evaluate(
        (el, [w, top, row]) => {
          const items = Array.from(el.querySelectorAll('.weui-picker__item')).map((i) => i.textContent);
          const height = (el as unknown as { height: number }).height;
          return { at: Math.round((top - height) / row), target: items.indexOf(w), height };
        },
        [want, TOP, ROW] as const,
      );
    for (let drags = 0, { at, target, height } = await where(); at !== target; { at, target, height } = await where(), drags += 1) {
      if (target < 0) throw new Error(`the picker has no ${want}`);
      if (drags > 40) throw new Error(`the picker did not reach ${want} (row ${at}, want ${target})`);
      // At most three rows a drag: a longer one leaves the column, which ends the drag early.
      const rows = Math.max(-3, Math.min(3, target - at));
      const box = (await group.boundingBox())!;
      const x = box.x + box.width / 2;
      const mid = box.y + box.height / 2;
      await page.mouse.move(x, mid);
      await page.mouse.down();
      await page.mouse.move(x, mid - rows * ROW, { steps: 6 });
      await page.mouse.up();
      // The column is drawn again on the next frame: wait until it rests on a row other than before.
      const handle = await group.elementHandle();
      await page
        .waitForFunction(
          ([el, before, top, row]) => {
            const h = (el as unknown as { height: number }).height;
            return h !== before && (top - h) % row === 0;
          },
          [handle, height, TOP, ROW] as const,
          { timeout: 5_000 },
        )
        // A drag the column did not take (a busy frame) is simply made again.
        .catch(() => undefined);
    }
  }
  await sheet.locator('.weui-picker__action').nth(1).click();
  await sheet.waitFor({ state: 'hidden' });
}

/**
 * 问卷投票 in the H5 build: a grid leader writes a questionnaire for her micro-grid from 微格工作 → 发问卷, picks its
 * dates and publishes it; three residents of the grid answer from 首页 → 问卷投票; a resident of another grid neither
 * sees nor may answer it; the results page shows the turnout and each question's bars with counts and percents.
 */
describeInBrowser('问卷投票, in the H5 build', () => {
  let e: E2E;
  let page: Page;
  let surveyId = '';
  let neighbours: string[] = [];
  let opens = '';
  let closes = '';
  beforeAll(async () => {
    e = await startE2E();
    page = e.page;
    neighbours = [await newNeighbour(1, '1号楼'), await newNeighbour(2, '4号楼')];
  });
  afterAll(() => e?.stop());

  /** A function call as `openid`, through the same host the pages reach; throws on a refusal. */
  async function call(openid: string, fn: string, action: string, payload: unknown) {
    const res = await e.server.stack.host.invoke(fn, { action, payload }, { openid });
    if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${res.error.code} ${res.error.message}`);
    return res.data;
  }
  /** A newcomer who picks 白玉一居, accepts the privacy text and gives a building of 第一微格, as the members pages do. */
  async function newNeighbour(i: number, building: string) {
    const openid = `e2e-survey-neighbour-${i}`;
    await call(openid, 'members', 'chooseCommunity', { communityId: 'cm-baiyu1' });
    await call(openid, 'members', 'acceptPrivacy', { version: PRIVACY_VERSION });
    await call(openid, 'members', 'updateProfile', { name: `邻居${i}`, building, room: `${i}01`, phone: `1390000${String(7000 + i)}` });
    return openid;
  }
  const text = (selector: string) => page.locator(`${SHOWN} ${selector}`).first().textContent();
  const goto = async (hashPath: string) => {
    await page.goto(`${e.server.url}/#${hashPath}`);
    await page.reload();
  };

  it('the grid leader writes a questionnaire for 第一微格 from 微格工作 → 发问卷, picks its dates and publishes it', async () => {
    await e.login('gridLeader');
    await page.goto(`${e.server.url}/`);
    await page.locator(`${SHOWN} :text-is("发问卷")`).first().click();
    await page.waitForSelector(`${SHOWN} .page-surveys-manage .btn-survey-new`);
    await page.click(`${SHOWN} .btn-survey-new`);
    await page.waitForSelector(`${SHOWN} .page-surveys-edit:not(.is-busy) .choice-chips--survey-audience .choice-chip`);
    // Of the grids she may ask only her own; never the whole 居民区.
    const audiences = await page.locator(`${SHOWN} .choice-chips--survey-audience .choice-chip`).allTextContents();
    expect(audiences).toContain('第一微格');
    expect(audiences.filter((a) => /微格|全居民区|仅梯队成员/.test(a))).toEqual(['第一微格']);
    await page.fill(`${SHOWN} #survey-title input`, TITLE);
    await page.fill(`${SHOWN} #survey-intro textarea`, '楼道灯常常不亮，想听听大家想怎么改。');
    await page.click(`${SHOWN} .choice-chips--survey-audience .choice-chip[data-value="grid:${G1}"]`);

    // It opens from yesterday (so neighbours can answer now) and closes ten days after it would by default.
    const opensPicker = page.locator(`${SHOWN} #survey-opens-date`);
    const closesPicker = page.locator(`${SHOWN} #survey-closes-date`);
    opens = addDays(await opensPicker.locator('input[type="hidden"]').first().inputValue(), -1);
    closes = addDays(await closesPicker.locator('input[type="hidden"]').first().inputValue(), 3);
    await pickDay(page, opensPicker, opens);
    await expect(opensPicker.textContent()).resolves.toContain(said(opens));
    await pickDay(page, closesPicker, closes);
    await expect(closesPicker.textContent()).resolves.toContain(said(closes));

    // 1: a single choice of three; 2: a rating.
    await page.fill(`${SHOWN} #q-0-title input`, '声控灯想换成哪种');
    await page.fill(`${SHOWN} #q-0-option-0 input`, '感应灯');
    await page.fill(`${SHOWN} #q-0-option-1 input`, '常亮节能灯');
    await page.click(`${SHOWN} .btn-add-option-0`);
    await page.fill(`${SHOWN} #q-0-option-2 input`, '维持现状');
    await page.click(`${SHOWN} .btn-add-question`);
    await page.click(`${SHOWN} .choice-chips--q-1-kind .choice-chip[data-value="rating"]`);
    await page.fill(`${SHOWN} #q-1-title input`, '对现在楼道照明打几分');
    await e.shot('surveys-1-edit');
    await page.click(`${SHOWN} .btn-publish-survey`);
    await page.click('.taro-model__confirm');
    await page.waitForSelector(`${SHOWN} .page-surveys-answer:not(.is-busy) .survey-state`);
    surveyId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(surveyId).toMatch(/\S/);
    await expect(text('.survey-state')).resolves.toBe('进行中');
    await expect(text('.survey-head')).resolves.toContain('张微格长发起 · 第一微格的居民');
    await expect(text('.survey-head')).resolves.toContain(`${said(opens)} `);
    await expect(text('.survey-head')).resolves.toContain(`至 ${said(closes)} `);
    await e.shot('surveys-2-published');
  }, 60_000);

  const answerFromHome = async (choice: string, stars: number, shot?: string) => {
    await page.goto(`${e.server.url}/`);
    await page.locator(`${SHOWN} :text-is("问卷投票")`).first().click();
    const card = page.locator(`${SHOWN} .page-surveys-list .survey-card[data-survey-id="${surveyId}"]`);
    await card.waitFor();
    await expect(card.locator('.survey-card__answered').textContent()).resolves.not.toContain('已作答');
    await card.click();
    await page.waitForSelector(`${SHOWN} .page-surveys-answer:not(.is-busy) .btn-survey-answer`);
    await page.click(`${SHOWN} .choice-chips--survey-q-q1 .choice-chip[data-value="${choice}"]`);
    await page.click(`${SHOWN} .survey-stars--survey-q-q2 .survey-star[data-value="${stars}"]`);
    if (shot) await e.shot(shot);
    await page.click(`${SHOWN} .btn-survey-answer`);
    await page.waitForSelector(`${SHOWN} .page-surveys-answer:not(.is-busy) .survey-answered`);
    await expect(text('.btn-survey-answer')).resolves.toContain('修改答卷');
  };

  it('three residents of 第一微格 answer it from 首页 → 问卷投票', async () => {
    await e.login('resident');
    await answerFromHome('o1', 2, 'surveys-3-answering');
    await e.shot('surveys-4-answered');
    await e.returnAs(neighbours[0]!, '/pages/home/index');
    await answerFromHome('o1', 3);
    await e.returnAs(neighbours[1]!, '/pages/home/index');
    await answerFromHome('o2', 4);
  }, 60_000);

  it('李建国 of 第二微格 does not see it in 问卷投票, and opened by its address he cannot answer or see results', async () => {
    await e.login('member');
    await page.goto(`${e.server.url}/`);
    await page.locator(`${SHOWN} :text-is("问卷投票")`).first().click();
    // Tests start without the demo questionnaires: nothing is open for him.
    await page.waitForSelector(`${SHOWN} .page-surveys-list:not(.is-busy) .survey-empty--open`);
    await expect(page.locator(`${SHOWN} .survey-card[data-survey-id="${surveyId}"]`).count()).resolves.toBe(0);
    await goto(`${PKG}/answer/index?id=${encodeURIComponent(surveyId)}`);
    await page.waitForSelector(`${SHOWN} .page-surveys-answer:not(.is-busy) .survey-cannot`);
    await expect(text('.survey-cannot')).resolves.toContain('你不在这次的范围内');
    await expect(page.locator(`${SHOWN} .btn-survey-answer, ${SHOWN} .btn-survey-results`).count()).resolves.toBe(0);
    await e.shot('surveys-5-outsider');
    await goto(`${PKG}/results/index?id=${encodeURIComponent(surveyId)}`);
    await page.waitForSelector(`${SHOWN} .page-surveys-results:not(.is-busy) .survey-results-hidden`);
    await expect(page.locator(`${SHOWN} .survey-bar`).count()).resolves.toBe(0);
    const refused = await e.server.stack.host.invoke('surveys', { action: 'answer', payload: { surveyId, answer: { q1: { options: ['o1'] }, q2: { rating: 5 } } } }, { openid: 'demo-member' });
    expect(refused.ok ? null : refused.error.code).toBe('SURVEYS.NOT_IN_AUDIENCE');
  }, 40_000);

  it('the results show the turnout of the grid and each question with bars, counts and percents', async () => {
    const inGrid = (await getDb().collection(COLLECTIONS.members).where({ communityId: 'cm-baiyu1', gridId: G1 }).count()).total;
    await e.login('gridLeader');
    await goto(`${PKG}/answer/index?id=${encodeURIComponent(surveyId)}`);
    await page.waitForSelector(`${SHOWN} .page-surveys-answer:not(.is-busy) .btn-survey-results`);
    await page.click(`${SHOWN} .btn-survey-results`);
    await page.waitForSelector(`${SHOWN} .page-surveys-results:not(.is-busy) .survey-turnout`);
    await expect(text('.survey-turnout__figure')).resolves.toBe(`3 / ${inGrid} 人作答`);
    await expect(text('.survey-turnout .survey-result__meta')).resolves.toBe(`参与率 ${percentOf(3, inGrid)}% · 实时结果`);
    const bar = (q: string, key: string) => text(`.survey-result--${q} .survey-bar--${key} .survey-bar__figure`);
    await expect(bar('q1', 'o1')).resolves.toBe(`2人 · ${percentOf(2, 3)}%`);
    await expect(bar('q1', 'o2')).resolves.toBe(`1人 · ${percentOf(1, 3)}%`);
    await expect(bar('q1', 'o3')).resolves.toBe('0人 · 0%');
    await expect(bar('q2', 'r3')).resolves.toBe(`1人 · ${percentOf(1, 3)}%`);
    await expect(text('.survey-result--q2 .survey-result__average')).resolves.toBe('平均 3 分');
    // The bars are as wide as their share.
    const width = (q: string, key: string) => page.locator(`${SHOWN} .survey-result--${q} .survey-bar--${key} .survey-bar__fill`).evaluate((el) => (el as HTMLElement).style.width);
    await expect(width('q1', 'o1')).resolves.toBe(`${percentOf(2, 3)}%`);
    await expect(width('q1', 'o3')).resolves.toBe('0%');
    await e.shot('surveys-6-results');
  }, 30_000);
});
