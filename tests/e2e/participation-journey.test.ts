import { PRIVACY_VERSION } from '../../src/shared/privacy';
import type { Page } from 'playwright-core';
import { describeInBrowser, startE2E, type E2E } from './support';

const PKG = '/packages/participation/pages';
/** A 1x1 PNG, as the photo a resident takes of the place. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** H5 keeps earlier pages in the DOM (shaded when covered): every query is scoped to the page on show. */
const SHOWN = '.taro_page_show:not(.taro_page_shade)';
/** 白玉一居's threshold as the committee left it (the default): 30 supports. */
const THRESHOLD = 30;
/** Neighbours who support through their own calls; 李建国 and 张丽华 add the last two in the browser. */
const CALLERS = THRESHOLD - 2;
const TITLE = '3号楼楼道加装扶手';

/**
 * 居民议事 in the H5 build: a resident proposes with a photo from 首页, 30 neighbours support it (the last two in
 * the browser) and it goes to the committee, who adopts it from 议事答复 into a project and posts progress with a
 * photo; the author follows the project's timeline and hears of the answer through WeChat.
 */
describeInBrowser('居民议事, in the H5 build', () => {
  let e: E2E;
  let page: Page;
  let resident = '';
  let committee = '';
  let proposalId = '';
  let projectId = '';
  beforeAll(async () => {
    e = await startE2E();
    page = e.page;
    // Image verdicts come when the test flushes them, so the author's 审核中 can be seen first.
    e.server.stack.wechat.mediaCheckDelayMs = null;
  });
  afterAll(() => e?.stop());

  /** A function call as `openid`, through the same host the pages reach; throws on a refusal. */
  const call = async (openid: string, fn: string, action: string, payload: unknown) => {
    const res = await e.server.stack.host.invoke(fn, { action, payload }, { openid });
    if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${res.error.code} ${res.error.message}`);
    return res.data as Record<string, any>;
  };
  /** A newcomer of 白玉一居 who picks it, accepts the privacy text and fills in a profile, as the members pages do. */
  const newNeighbour = async (i: number) => {
    const openid = `e2e-pp-neighbour-${i}`;
    await call(openid, 'members', 'chooseCommunity', { communityId: 'cm-baiyu1' });
    await call(openid, 'members', 'acceptPrivacy', { version: PRIVACY_VERSION });
    await call(openid, 'members', 'updateProfile', { name: `邻居${i}`, building: `${(i % 10) + 1}号楼`, room: `${100 + i}`, phone: `139${String(20_000_000 + i)}` });
    return openid;
  };
  const goto = async (hashPath: string) => {
    await page.goto(`${e.server.url}/#${hashPath}`);
    await page.reload();
  };
  const openProposal = async () => {
    await page.waitForSelector(`${SHOWN} .page-participation-proposal:not(.is-busy) .proposal-state`);
  };
  const text = (selector: string) => page.locator(`${SHOWN} ${selector}`).first().textContent();
  const sentTo = (openid: string, template: string) => e.server.stack.wechat.messages.filter((m) => m.openid === openid && m.templateId === template);
  /** The local stand-in for WeChat's subscribe dialog: one tap allows one message. */
  const allowReminder = async () => {
    await page.click(`${SHOWN} .btn-report-remind`);
    await page.click('.taro-model__confirm');
    await page.waitForSelector(`${SHOWN} .report-remind__answer`);
  };

  it('the committee, with nothing to answer yet, allows a WeChat reminder of proposals waiting for its answer', async () => {
    committee = await e.login('committee');
    await page.goto(`${e.server.url}/`);
    await page.locator(`${SHOWN} :text-is("议事答复")`).first().click();
    await page.waitForSelector(`${SHOWN} .page-participation-proposals:not(.is-busy) .btn-report-remind`);
    await expect(page.locator(`${SHOWN} .page-participation-proposals`).textContent()).resolves.toContain('现在没有要答复的议题。');
    await allowReminder();
    await expect(text('.report-remind__answer')).resolves.toBe('好的，有议题支持人数够了会通过微信告诉你。');
  }, 30_000);

  it('a resident proposes with a photo from 首页 → 居民议事 and lands on it, 征集中 with 30 to go', async () => {
    resident = await e.login('resident');
    await page.goto(`${e.server.url}/`);
    await page.locator(`${SHOWN} :text-is("居民议事")`).first().click();
    await page.waitForSelector(`${SHOWN} .page-participation-proposals .btn-propose`);
    await page.click(`${SHOWN} .btn-propose`);
    await page.waitForSelector(`${SHOWN} .page-participation-propose:not(.is-busy) .choice-chips--proposal-category`);
    await expect(text('.pp-rule')).resolves.toBe(`60天内有${THRESHOLD}位邻居支持，居委或分会就会在15天内给出答复。`);
    await page.fill(`${SHOWN} #proposal-title input`, TITLE);
    await page.click(`${SHOWN} .choice-chips--proposal-category .choice-chip[data-value="facility"]`);
    await page.fill(`${SHOWN} #proposal-text textarea`, '3号楼楼梯没有扶手，老人上下楼很吃力，建议每层加装扶手。');
    await page.fill(`${SHOWN} #proposal-place input`, '3号楼楼道');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`${SHOWN} .btn-add-images`)]);
    await chooser.setFiles({ name: 'stairs.png', mimeType: 'image/png', buffer: PHOTO });
    await page.waitForSelector(`${SHOWN} .pp-form .notice-images__item`);
    await e.shot('participation-1-propose');
    await page.click(`${SHOWN} .btn-propose-submit`);
    await openProposal();
    proposalId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(proposalId).toMatch(/\S/);
    await expect(text('.proposal-state')).resolves.toBe('征集中');
    await expect(text('.proposal-supports')).resolves.toMatch(new RegExp(`^已有0人支持，还差${THRESHOLD}人 · \\d+月\\d+日截止$`));
    // Her photo is still being checked: she sees it marked 审核中 (neighbours do not see it yet).
    await expect(page.locator(`${SHOWN} .pp-info .pending-image`).count()).resolves.toBe(1);
    await expect(text('.pp-info .pending-image__tag')).resolves.toBe('审核中');
    // She asks to hear the answer.
    await allowReminder();
    await e.shot('participation-2-proposed');
    const flushed = (await (await fetch(`${e.server.url}/__dev/wechat/media-checks/flush`, { method: 'POST' })).json()) as { pushed: number };
    expect(flushed.pushed).toBe(1);
    await page.reload();
    await page.waitForSelector(`${SHOWN} .page-participation-proposal:not(.is-busy) .pp-info .pp-photos__img:not(.pending-image) img`);
    await expect(page.locator(`${SHOWN} .pp-info .pending-image`).count()).resolves.toBe(0);
  }, 40_000);

  it(`${CALLERS} neighbours support it through their own calls, then 李建国 and 张丽华 in the browser: it reaches the threshold`, async () => {
    const neighbours: string[] = [];
    // Made and supporting a few at a time: a burst of 28 sign-ups at once is not how neighbours come.
    for (let i = 0; i < CALLERS; i += 7) neighbours.push(...(await Promise.all(Array.from({ length: Math.min(7, CALLERS - i) }, (_, j) => newNeighbour(i + j)))));
    for (let i = 0; i < neighbours.length; i += 7) await Promise.all(neighbours.slice(i, i + 7).map((n) => call(n, 'participation', 'support', { proposalId })));

    await e.login('member');
    await goto(`${PKG}/proposal/index?id=${encodeURIComponent(proposalId)}`);
    await openProposal();
    await expect(text('.proposal-supports')).resolves.toMatch(new RegExp(`^已有${CALLERS}人支持，还差2人`));
    await page.click(`${SHOWN} .btn-support`);
    await page.waitForSelector(`${SHOWN} .page-participation-proposal:not(.is-busy) .btn-withdraw`);
    await expect(text('.proposal-supports')).resolves.toMatch(new RegExp(`^已有${CALLERS + 1}人支持，还差1人`));

    await e.login('gridLeader');
    await goto(`${PKG}/proposal/index?id=${encodeURIComponent(proposalId)}`);
    await openProposal();
    await page.click(`${SHOWN} .btn-support`);
    await page.waitForFunction((s) => document.querySelector(`${s} .proposal-state`)?.textContent === '待答复', SHOWN);
    await expect(text('.proposal-supports')).resolves.toMatch(new RegExp(`^${THRESHOLD}人支持 · \\d+月\\d+日前答复$`));
    await expect(text('.pp-info')).resolves.toContain('由居委会答复');
    // Supports are closed once it is with the committee; hers is kept.
    await expect(page.locator(`${SHOWN} .btn-support, ${SHOWN} .btn-withdraw`).count()).resolves.toBe(0);
    await expect(text('.pp-links')).resolves.toContain('你支持过这条议题。');
    await e.shot('participation-3-reached');
    // The committee, who allowed it, is told once.
    expect(sentTo(committee, 'proposal-reached')).toHaveLength(1);
  }, 60_000);

  it('the committee opens 议事答复 from 居委工作台 and adopts it: a project is made, linked back', async () => {
    await e.login('committee');
    await page.goto(`${e.server.url}/`);
    await page.locator(`${SHOWN} :text-is("议事答复")`).first().click();
    const card = page.locator(`${SHOWN} .page-participation-proposals .pp-card[data-proposal-id="${proposalId}"]`);
    await card.waitFor();
    await e.shot('participation-4-to-answer');
    await card.click();
    await openProposal();
    await page.click(`${SHOWN} .btn-answer`);
    await page.waitForSelector(`${SHOWN} .page-participation-answer:not(.is-busy) .choice-chips--answer-kind`);
    await page.click(`${SHOWN} .choice-chips--answer-kind .choice-chip[data-value="adopt"]`);
    await expect(page.locator(`${SHOWN} .pp-form`).textContent()).resolves.toContain('采纳后会按这条议题建一个治理项目');
    await page.fill(`${SHOWN} #answer-text textarea`, '居委采纳，由综合治理分会联系施工队，年内装好。');
    await e.shot('participation-5-answer');
    await page.click(`${SHOWN} .btn-answer-send`);
    await page.click('.taro-model__confirm');
    await page.waitForSelector(`${SHOWN} .page-participation-proposal:not(.is-busy) .pp-answer`);
    await expect(text('.proposal-state')).resolves.toBe('已采纳');
    await expect(text('.pp-answer__kind')).resolves.toBe('采纳');
    await expect(text('.pp-answer__text')).resolves.toBe('居委采纳，由综合治理分会联系施工队，年内装好。');
    // The author allowed the answer's message and gets it; 李建国 supported but allowed none, so WeChat sends him nothing.
    expect(sentTo(resident, 'proposal-answered')).toHaveLength(1);
    expect(sentTo('demo-member', 'proposal-answered')).toHaveLength(0);
    await page.click(`${SHOWN} .btn-answer-project`);
    await page.waitForSelector(`${SHOWN} .page-participation-project:not(.is-busy) .project-status`);
    projectId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    await expect(text('.pp-card__title')).resolves.toBe(TITLE);
    await expect(text('.project-status')).resolves.toBe('计划中');
    await page.waitForSelector(`${SHOWN} .btn-project-proposal`);
  }, 40_000);

  it('the committee posts progress with a photo on the project page: 进行中, and the update on the timeline, its photo 审核中 until checked', async () => {
    await page.fill(`${SHOWN} #progress-percent input`, '30');
    await page.fill(`${SHOWN} #progress-text textarea`, '扶手材料已到，1到3层已装好。');
    const after = page.locator(`${SHOWN} .pp-progress-form .form-field--photosAfter`);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), after.locator('.btn-add-images').click()]);
    await chooser.setFiles({ name: 'rail.png', mimeType: 'image/png', buffer: PHOTO });
    await after.locator('.notice-images__item').waitFor();
    await e.shot('participation-6-progress-form');
    await page.click(`${SHOWN} .btn-progress`);
    await page.waitForSelector(`${SHOWN} .pp-timeline .pp-update`);
    await page.waitForFunction((s) => document.querySelector(`${s} .project-status`)?.textContent === '进行中', SHOWN);
    await expect(text('.pp-update__title')).resolves.toMatch(/^\d+月\d+日 · 完成 30%$/);
    // The photo waits for WeChat's image check: 审核中 for the committee, nothing yet for residents.
    await expect(text('.pp-update .pending-image__tag')).resolves.toBe('审核中');
    const flushed = (await (await fetch(`${e.server.url}/__dev/wechat/media-checks/flush`, { method: 'POST' })).json()) as { pushed: number };
    expect(flushed.pushed).toBe(1);
  }, 40_000);

  it('the author sees the answer and the project timeline with the update and its photo, follows it and is told of the next update', async () => {
    await e.returnAs(resident, `${PKG}/proposal/index?id=${encodeURIComponent(proposalId)}`);
    await openProposal();
    await expect(text('.proposal-state')).resolves.toBe('已采纳');
    await page.click(`${SHOWN} .btn-answer-project`);
    await page.waitForSelector(`${SHOWN} .page-participation-project:not(.is-busy) .pp-timeline .pp-update`);
    expect(new URL(page.url().replace('#', '')).searchParams.get('id')).toBe(projectId);
    await expect(text('.project-status')).resolves.toBe('进行中');
    await expect(text('.pp-update__text')).resolves.toBe('扶手材料已到，1到3层已装好。');
    await expect(text('.pp-update__photos .pp-update__label')).resolves.toBe('之后');
    await page.waitForSelector(`${SHOWN} .pp-update .pp-photos__img:not(.pending-image)`);
    // A resident may follow it, not post progress.
    await expect(page.locator(`${SHOWN} .pp-progress-form`).count()).resolves.toBe(0);
    await page.click(`${SHOWN} .btn-follow`);
    await page.waitForSelector(`${SHOWN} .page-participation-project:not(.is-busy) .btn-unfollow`);
    // A follower allows the progress message with a tap; the committee's next update reaches her, once.
    await allowReminder();
    await expect(text('.report-remind__answer')).resolves.toBe('好的，项目有新进展时会通过微信告诉你。');
    await e.shot('participation-7-timeline');
    const update = { date: '2026-12-05', percent: 60, text: '4到6层扶手也装好了。', photosBefore: [], photosAfter: [] };
    await call(committee, 'participation', 'progress', { projectId, requestId: 'e2e-progress-2', update });
    await call(committee, 'participation', 'progress', { projectId, requestId: 'e2e-progress-2', update });
    expect(sentTo(resident, 'project-progress')).toHaveLength(1);
  }, 30_000);
});
