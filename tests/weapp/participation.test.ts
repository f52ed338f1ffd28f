import { propose, rid, setRules } from '../integration/participation/support';
import { setupWeappHarness, until, untilSettled, type SimulatedComponent } from './simulate';

/**
 * 议题详情 of the real weapp build under miniprogram-simulate, its calls answered by the real participation
 * function: a resident reads a neighbour's proposal against its threshold, supports it and takes the support back;
 * the support that reaches the threshold hands it on; a resident comments; a proposal of another 居民区 answers as
 * missing and shows nothing of it.
 */
describe('weapp build: 议题详情', () => {
  const ctx = setupWeappHarness();
  const PAGE = 'packages/participation/pages/proposal/index';

  const textOf = (page: SimulatedComponent) => page.dom.textContent ?? '';
  const open = (proposalId: string) => ctx.weapp.openPage(PAGE, { id: encodeURIComponent(proposalId) });
  /** The proposal as the real function tells the resident now. */
  const asResident = async (proposalId: string) =>
    (await ctx.harness.call('participation', 'proposal', { proposalId }, ctx.harness.identities.resident)).proposal as { supports: number; supportedByMe: boolean; state: string };

  it('a resident reads a neighbour’s proposal with its supports against the threshold, supports it, then withdraws', async () => {
    const proposal = await propose(ctx.harness, ctx.harness.identities.member, { title: '楼道加装感应灯', text: '晚上楼道太黑，老人上下楼容易摔，建议每层装一盏感应灯。', place: '5号楼' });
    const threshold = proposal.threshold;
    expect(threshold).toBeGreaterThan(1);

    ctx.openid = ctx.harness.identities.resident;
    const page = open(proposal.id);
    await until(() => textOf(page).includes(`已有0人支持，还差${threshold}人`) && page.querySelector('.btn-support'), 'the proposal with its supports and 我支持');
    const text = textOf(page);
    expect(text).toContain('楼道加装感应灯');
    expect(text).toContain('晚上楼道太黑，老人上下楼容易摔，建议每层装一盏感应灯。');
    expect(text).toContain('李建国');
    expect(text).toContain('5号楼');
    expect(text).toContain('征集中');
    expect(page.querySelector('.btn-withdraw')).toBeFalsy();
    // Let the comments finish loading too, so the tap lands on a page at rest.
    await untilSettled(page, ctx);

    page.querySelector('.btn-support')!.dispatchEvent('tap');
    await until(() => textOf(page).includes(`已有1人支持，还差${threshold - 1}人`) && page.querySelector('.btn-withdraw'), 'one support and the withdraw button');
    expect(page.querySelector('.btn-support')).toBeFalsy();
    expect(ctx.records.filter((r) => r.call === 'participation.support').map((r) => r.answer.ok)).toEqual([true]);
    expect(await asResident(proposal.id)).toMatchObject({ supports: 1, supportedByMe: true });
    await ctx.settled();

    page.querySelector('.btn-withdraw')!.dispatchEvent('tap');
    await until(() => textOf(page).includes(`已有0人支持，还差${threshold}人`) && page.querySelector('.btn-support'), 'no support and 我支持 again');
    expect(page.querySelector('.btn-withdraw')).toBeFalsy();
    expect(ctx.records.filter((r) => r.call === 'participation.withdraw').map((r) => r.answer.ok)).toEqual([true]);
    expect(await asResident(proposal.id)).toMatchObject({ supports: 0, supportedByMe: false });
    page.detach();
    await ctx.settled();
  });

  it('the support that reaches the threshold hands the proposal to the committee, and the page says so', async () => {
    await setRules(ctx.harness, { threshold: 2 });
    const proposal = await propose(ctx.harness, ctx.harness.identities.member, { title: '单元门口加装扶手' });
    await ctx.harness.call('participation', 'support', { proposalId: proposal.id }, ctx.harness.identities.gridLeader);

    ctx.openid = ctx.harness.identities.resident;
    const page = open(proposal.id);
    await until(() => textOf(page).includes('已有1人支持，还差1人') && page.querySelector('.btn-support'), 'one support short of the threshold');
    await untilSettled(page, ctx);
    const showToast = jest.spyOn((globalThis as any).wx, 'showToast');
    try {
      page.querySelector('.btn-support')!.dispatchEvent('tap');
      await until(() => textOf(page).includes('待答复') && textOf(page).includes('你支持过这条议题。'), 'the proposal handed on');
      expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '支持人数够了，已交给居委答复' }));
    } finally {
      showToast.mockRestore();
    }
    const text = textOf(page);
    expect(text).toMatch(/2人支持 · \d+月\d+日前答复/);
    expect(text).toContain('由居委会答复');
    expect(page.querySelector('.btn-support')).toBeFalsy();
    expect(page.querySelector('.btn-withdraw')).toBeFalsy();
    expect(await asResident(proposal.id)).toMatchObject({ supports: 2, supportedByMe: true, state: 'answering' });
    page.detach();
    await ctx.settled();
  });

  it('a resident reads the neighbours’ comments and adds one', async () => {
    const proposal = await propose(ctx.harness, ctx.harness.identities.member, { title: '周末开放活动室给孩子写作业' });
    await ctx.harness.call('participation', 'comment', { proposalId: proposal.id, text: '赞成，可以请青年志愿者来辅导', requestId: rid('c') }, ctx.harness.identities.gridLeader);

    ctx.openid = ctx.harness.identities.resident;
    const page = open(proposal.id);
    await until(() => textOf(page).includes('赞成，可以请青年志愿者来辅导') && page.querySelector('#proposal-comment'), 'the neighbour’s comment and the comment box');
    expect(textOf(page)).toContain('张丽华');
    await untilSettled(page, ctx);

    page.querySelector('#proposal-comment')!.dispatchEvent('input', { detail: { value: '我家孩子也想去，希望晚上也开放' } });
    // The typed text renders through setData later: send only once it shows in the box.
    await until(() => JSON.stringify(page.instance.data).includes('我家孩子也想去'), 'the typed comment');
    await ctx.settled();
    page.querySelector('.btn-comment')!.dispatchEvent('tap');
    await until(() => ctx.records.some((r) => r.call === 'participation.comment'), 'the comment to be sent', 30_000);
    await until(() => page.dom.querySelectorAll('.main--pp-comment').length === 2, 'two comments listed');
    expect(ctx.records.filter((r) => r.call === 'participation.comment').map((r) => r.answer.ok)).toEqual([true]);
    const listed = Array.from(page.dom.querySelectorAll('.main--pp-comment')).map((c) => c.textContent ?? '');
    expect(listed[0]).toContain('赞成，可以请青年志愿者来辅导');
    expect(listed[1]).toContain('王秀兰');
    expect(listed[1]).toContain('我家孩子也想去，希望晚上也开放');

    const { items } = await ctx.harness.call('participation', 'comments', { proposalId: proposal.id, page: 1 }, ctx.harness.identities.member);
    expect(items.map((c: { authorName: string; text: string }) => [c.authorName, c.text])).toEqual([
      ['张丽华', '赞成，可以请青年志愿者来辅导'],
      ['王秀兰', '我家孩子也想去，希望晚上也开放'],
    ]);
    page.detach();
    await ctx.settled();
  });

  it('a proposal of another 居民区, opened by its id, answers as missing and shows nothing of it', async () => {
    const foreign = await propose(ctx.harness, ctx.harness.identities.otherCommittee, { title: '长风一村篮球场翻新', text: '篮球场地面开裂，建议翻新。' });

    ctx.openid = ctx.harness.identities.resident;
    const from = ctx.records.length;
    const page = open(foreign.id);
    await until(() => page.querySelector('.page-error') && textOf(page).includes('没有找到相关内容'), 'the missing state');
    await untilSettled(page, ctx);
    const text = textOf(page);
    for (const shown of ['长风一村篮球场翻新', '篮球场地面开裂', '孙伟', '人支持']) expect(text).not.toContain(shown);
    expect(page.querySelector('.btn-support')).toBeFalsy();
    expect(page.querySelector('#proposal-comment')).toBeFalsy();
    const made = ctx.records.slice(from);
    expect(made.map((r) => [r.call, r.answer.error?.code])).toEqual([['participation.proposal', 'COMMON.NOT_FOUND']]);
    page.detach();
    await ctx.settled();
  });
});
