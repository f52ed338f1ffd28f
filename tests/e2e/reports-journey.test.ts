import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { insertOnce } from '../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../../emulator/dev-server/functions-host';
import { PRIVACY_VERSION } from '../../src/shared/privacy';
import type { Page } from 'playwright-core';
import { describeInBrowser, startE2E, type E2E } from './support';

const PKG = '/packages/reports/pages';
/** A 1x1 PNG, as the photo a resident takes of the problem. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** H5 keeps earlier pages in the DOM: every query is scoped to the page on show. */
const SHOWN = '.taro_page_show';
const MINUTE = 60_000;
/** 王秀兰's neighbour in 3号楼 (the demo has no other login there): a member as the seed writes one. */
const NEIGHBOUR = 'e2e-neighbour-3';

async function addNeighbour(now: Date): Promise<void> {
  const identity = { openid: NEIGHBOUR, appid: LOCAL_APPID };
  await insertOnce(COLLECTIONS.members, {
    ...newMemberDoc(memberIdFor(identity), NEIGHBOUR, LOCAL_APPID, now, accountKeyOf(identity)),
    communityId: 'cm-baiyu1',
    name: '钱桂芳',
    building: '3号楼',
    room: '502',
    phone: '13900009003',
    gridId: 'cm-baiyu1-g1',
    consent: { version: PRIVACY_VERSION, at: now },
  });
}

/**
 * 一键上报 in the H5 build: a resident files a report with a photo, the grid leader is told, responds, visits and
 * closes it, and the resident confirms it solved; a neighbour joins a report of the same thing at the same place;
 * a report nobody answers escalates to the 总格长 once the clock passes its 15 minutes.
 */
describeInBrowser('一键上报, in the H5 build', () => {
  let e: E2E;
  let resident = '';
  let leader = '';
  let reportId = '';
  let page: Page;
  beforeAll(async () => {
    e = await startE2E();
    page = e.page;
    await addNeighbour(e.server.stack.clock.now());
  });
  afterAll(() => e?.stop());

  const goto = async (hashPath: string) => {
    await page.goto(`${e.server.url}/#${hashPath}`);
    await page.reload();
  };
  const openDetail = async (id: string) => {
    await goto(`${PKG}/detail/index?id=${encodeURIComponent(id)}`);
    await page.waitForSelector(`${SHOWN} .page-reports-detail:not(.is-busy) .report-timeline`);
  };
  /** The local stand-in for WeChat's subscribe dialog: one tap allows one message of each kind. */
  const allowReminders = async () => {
    await page.click(`${SHOWN} .btn-report-remind`);
    await page.click('.taro-model__confirm');
    await page.waitForSelector(`${SHOWN} .report-remind__answer`);
  };
  const stepTitles = () => page.locator(`${SHOWN} .report-step__title`).allTextContents();
  const sentTo = (openid: string, template: string) => e.server.stack.wechat.messages.filter((m) => m.openid === openid && m.templateId === template);
  const openNew = async (category: string) => {
    await goto(`${PKG}/new/index`);
    await page.waitForSelector(`${SHOWN} .page-reports-new:not(.is-busy) #report-category-${category}`);
    await page.click(`${SHOWN} #report-category-${category}`);
  };
  const send = async () => {
    await page.click(`${SHOWN} .btn-file-report`);
    await page.waitForSelector(`${SHOWN} .page-reports-detail:not(.is-busy) .report-timeline`);
    return new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
  };

  it('the grid leader and the 总格长 allow WeChat reminders of new and late reports', async () => {
    leader = await e.login('gridLeader');
    await goto(`${PKG}/queue/index`);
    await page.waitForSelector(`${SHOWN} .page-reports-queue:not(.is-busy) .report-counts`);
    await allowReminders();
    await e.login('committee');
    await goto(`${PKG}/admin/index`);
    await page.waitForSelector(`${SHOWN} .page-reports-admin .btn-report-remind`);
    await allowReminders();
  }, 30_000);

  it('a resident files a report with a photo from the home page and lands on it, 待响应 with the due time', async () => {
    resident = await e.login('resident');
    await page.goto(`${e.server.url}/`);
    await page.locator(`${SHOWN} :text-is("一键上报")`).first().click();
    await page.waitForSelector(`${SHOWN} .page-reports-new:not(.is-busy) #report-category-charging`);
    await page.click(`${SHOWN} #report-category-charging`);
    // Home is the default place: 3号楼, her room.
    await expect(page.locator(`${SHOWN} .report-place__text`).textContent()).resolves.toBe('地点：3号楼 201');
    await page.fill(`${SHOWN} #report-text textarea`, '楼道里有人拉电线给电动车充电');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`${SHOWN} .btn-add-images`)]);
    await chooser.setFiles({ name: 'wire.png', mimeType: 'image/png', buffer: PHOTO });
    await page.waitForSelector(`${SHOWN} .report-form .notice-images__item`);
    await e.shot('reports-1-form');
    reportId = await send();
    expect(reportId).toMatch(/\S/);
    await expect(page.locator(`${SHOWN} .report-state`).textContent()).resolves.toBe('待响应');
    await expect(page.locator(`${SHOWN} .report-due`).textContent()).resolves.toMatch(/\d/);
    await page.waitForSelector(`${SHOWN} .report-info .report-photos__img`);
    expect(await stepTitles()).toEqual(['提交上报']);
    // She asks to hear how it goes: each tap allows one message (responded, handled, ...).
    for (let i = 0; i < 3; i++) await allowReminders();
    await e.shot('reports-1-filed');
  }, 30_000);

  it('the grid leader is told, sees it on 待处理, responds, records a visit and closes it', async () => {
    expect(sentTo(leader, 'report-assigned')).toHaveLength(1);
    await e.returnAs(leader, `${PKG}/queue/index`);
    await page.waitForSelector(`${SHOWN} .report-card[data-report-id="${reportId}"]`);
    await e.shot('reports-2-queue');
    await page.click(`${SHOWN} .report-card[data-report-id="${reportId}"]`);
    await page.waitForSelector(`${SHOWN} .page-reports-detail:not(.is-busy) #report-accept-message`);
    await page.fill(`${SHOWN} #report-accept-message input`, '收到，我十分钟后到。');
    await page.click(`${SHOWN} .btn-report-accept`);
    await page.waitForFunction((s) => document.querySelector(`${s} .report-state`)?.textContent === '处理中', SHOWN);
    await page.click(`${SHOWN} .btn-report-visit-open`);
    await page.fill(`${SHOWN} #report-visit-whom input`, '101室住户');
    await page.fill(`${SHOWN} #report-visit-found textarea`, '上门看了，和住户说好今天拆掉电线。');
    await page.click(`${SHOWN} .btn-report-visit`);
    await page.waitForFunction((s) => Array.from(document.querySelectorAll(`${s} .report-step__title`)).some((t) => t.textContent === '走访记录'), SHOWN);
    await page.fill(`${SHOWN} #report-resolve-summary textarea`, '电线已拆除，提醒住户到充电棚充电。');
    await page.click(`${SHOWN} .btn-report-resolve`);
    await page.waitForFunction((s) => document.querySelector(`${s} .report-state`)?.textContent === '待确认', SHOWN);
  }, 40_000);

  it('the resident sees the timeline and confirms 已解决 with five stars', async () => {
    await e.returnAs(resident, `${PKG}/detail/index?id=${encodeURIComponent(reportId)}`);
    await page.waitForSelector(`${SHOWN} .page-reports-detail:not(.is-busy) .report-confirm`);
    expect(await stepTitles()).toEqual(['提交上报', '已响应', '走访记录', '已处理完，请居民确认']);
    await expect(page.locator(`${SHOWN} .report-timeline`).textContent()).resolves.toContain('收到，我十分钟后到。');
    expect(sentTo(resident, 'report-progress').length).toBeGreaterThanOrEqual(2);
    await page.click(`${SHOWN} .choice-chips--report-confirm-solved .choice-chip[data-value="yes"]`);
    await page.click(`${SHOWN} .choice-chips--report-confirm-stars .choice-chip[data-value="5"]`);
    await page.fill(`${SHOWN} #report-confirm-comment textarea`, '谢谢张书记，处理得很快。');
    await page.click(`${SHOWN} .btn-report-confirm`);
    await page.waitForSelector(`${SHOWN} .report-rating`);
    expect((await stepTitles()).at(-1)).toBe('已办结');
    await expect(page.locator(`${SHOWN} .report-rating`).textContent()).resolves.toBe('居民评价：★★★★★ 谢谢张书记，处理得很快。');
    await e.shot('reports-3-confirmed');
  }, 30_000);

  it('a neighbour in the same building reports the same at the same place, sees 已有邻居上报 and joins it', async () => {
    await openNew('clutter');
    await page.fill(`${SHOWN} #report-text textarea`, '3号楼楼道堆了纸箱');
    const first = await send();
    await e.returnAs(NEIGHBOUR, `${PKG}/new/index`);
    await page.waitForSelector(`${SHOWN} .page-reports-new:not(.is-busy) #report-category-clutter`);
    await page.click(`${SHOWN} #report-category-clutter`);
    const item = page.locator(`${SHOWN} .report-similar__item[data-report-id="${first}"]`);
    await item.waitFor();
    await expect(page.locator(`${SHOWN} .report-similar .card__title`).textContent()).resolves.toBe('已有邻居上报');
    // Nobody is named to the neighbour.
    await expect(page.locator(`${SHOWN} .report-similar`).textContent()).resolves.not.toContain('王秀兰');
    await item.scrollIntoViewIfNeeded();
    await e.shot('reports-4-similar');
    await item.locator('.btn-report-join').click();
    await page.waitForSelector(`${SHOWN} .page-reports-detail:not(.is-busy) .report-timeline`);
    await expect(page.locator(`${SHOWN} .report-info`).textContent()).resolves.toContain('还有1位邻居也遇到了');
    expect(await stepTitles()).toEqual(['提交上报', '邻居也遇到了']);
  }, 30_000);

  it('a report nobody answers in 15 minutes escalates: the resident sees 超时未响应, the 总格长 is told and sees it', async () => {
    await e.returnAs(resident, `${PKG}/new/index`);
    await page.waitForSelector(`${SHOWN} .page-reports-new:not(.is-busy) #report-category-leak`);
    await page.click(`${SHOWN} #report-category-leak`);
    await page.fill(`${SHOWN} #report-text textarea`, '楼上往下渗水');
    const late = await send();
    e.server.stack.clock.offsetMs += 16 * MINUTE;
    const run = await e.server.stack.host.fireTimer('reports', 'report-clocks');
    expect(run.ok).toBe(true);
    await openDetail(late);
    await page.waitForFunction((s) => Array.from(document.querySelectorAll(`${s} .report-step__title`)).some((t) => t.textContent === '超时未响应，已转总格长'), SHOWN);
    await expect(page.locator(`${SHOWN} .report-step--overdue`).count()).resolves.toBe(1);
    await e.shot('reports-5-escalated');
    expect(sentTo('demo-committee', 'report-overdue')).toHaveLength(1);
    await e.login('committee');
    await goto(`${PKG}/admin/index`);
    await page.click(`${SHOWN} .choice-chips--report-filter-overdue .choice-chip[data-value="overdue"]`);
    await page.waitForSelector(`${SHOWN} .page-reports-admin:not(.is-busy) .report-card[data-report-id="${late}"]`);
    await goto(`${PKG}/queue/index`);
    await page.waitForSelector(`${SHOWN} .page-reports-queue:not(.is-busy) .report-card--overdue[data-report-id="${late}"]`);
    await e.shot('reports-6-chief-queue');
  }, 40_000);
});
