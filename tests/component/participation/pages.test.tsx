import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AnswerPage from '@/packages/participation/pages/answer/index';
import ProjectPage from '@/packages/participation/pages/project/index';
import ProjectsPage from '@/packages/participation/pages/projects/index';
import ProposalPage from '@/packages/participation/pages/proposal/index';
import ProposalsPage from '@/packages/participation/pages/proposals/index';
import ProposePage from '@/packages/participation/pages/propose/index';
import ParticipationSettingsPage from '@/packages/participation/pages/settings/index';
import { homeEntryGroups } from '@/features/members/entries';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { redirectTo, setNavigationBarTitle, showModal, showToast } from '../../__mocks__/taro';
import type { DemoIdentity } from '../../support/harness';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const chip = (group: string, value: string) => {
  const el = document.querySelector(`.choice-chips--${group} [data-value="${value}"]`);
  if (!el) throw new Error(`no chip ${group}/${value}`);
  fireEvent.click(el);
};
const fieldError = (name: string) => byClass(`field-error--${name}`)[0]?.textContent ?? '';
const proposalsIn = async () => (await getDb().collection(COLLECTIONS.proposals).get()).data as Record<string, any>[];
const call = (who: DemoIdentity, action: string, payload: Record<string, unknown>) => ctx.h.call('participation', action, payload, ctx.h.identities[who]);

/** The committee lowers the threshold to `threshold`, keeping its categories. */
async function threshold(n: number) {
  const s = await call('committee', 'settings', {});
  await call('committee', 'saveSettings', { settings: { threshold: n, windowDays: s.windowDays, answerDays: s.answerDays, categories: s.categories } });
}

/** A proposal by the resident, through the real function. */
async function propose(requestId: string) {
  const { proposal } = await call('resident', 'propose', { proposal: { title: '小区大门加装雨棚', text: '下雨天等车的老人没地方躲雨。', categoryKey: 'facility' }, requestId });
  return proposal as { id: string; version: number };
}

function open(Page: () => JSX.Element, who: DemoIdentity, params: Record<string, string>) {
  ctx.signIn(who);
  __setRouterParams(params);
  return render(<Page />);
}

describe('社区议事 on 首页', () => {
  it('gives every resident of a 居民区 居民议事, 治理项目 and 问卷投票 right after 身边的问题, and the committee 议事答复', async () => {
    const resident = (await ctx.h.call('members', 'me', {}, ctx.h.identities.resident)).member;
    const groups = homeEntryGroups(resident);
    expect(groups.map((g) => g.key)).toEqual(['reports', 'participation', 'service']);
    expect(groups[1]!.entries.map((e) => e.title)).toEqual(['居民议事', '治理项目', '问卷投票']);
    const committee = (await ctx.h.call('members', 'me', {}, ctx.h.identities.committee)).member;
    expect(homeEntryGroups(committee).find((g) => g.key === 'committee')!.entries.map((e) => e.key)).toContain('proposals-answer');
  });
});

describe('我要提议', () => {
  it('says what is missing under each field and writes nothing; then proposes and opens it', async () => {
    ctx.signIn('resident');
    render(<ProposePage />);
    await waitFor(() => expect(document.querySelector('.choice-chips--proposal-category [data-value="facility"]')).toBeTruthy());
    await idle();
    expect(byClass('pp-rule')[0]!.textContent).toBe('60天内有30位邻居支持，居委或分会就会在15天内给出答复。');
    clickByClass('btn-propose-submit');
    await waitFor(() => expect(fieldError('title')).toBe('请给议题起个标题'));
    expect(fieldError('categoryKey')).toBe('请选择议题类别');
    expect(fieldError('text')).toBe('请说说你的想法');
    expect(await proposalsIn()).toHaveLength(0);
    typeInto('proposal-title', '小区大门加装雨棚');
    expect(fieldError('title')).toBe('');
    chip('proposal-category', 'facility');
    typeInto('proposal-text', '下雨天等车的老人没地方躲雨，建议加个雨棚。');
    typeInto('proposal-place', '小区大门口');
    clickByClass('btn-propose-submit');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const [saved] = await proposalsIn();
    expect(saved).toMatchObject({ title: '小区大门加装雨棚', categoryKey: 'facility', place: '小区大门口', state: 'collecting', supports: 0 });
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/participation/pages/proposal/index?id=${encodeURIComponent(saved!._id)}` });
  });
});

describe('议题详情', () => {
  it('sends a proposal to be answered when a neighbour’s support reaches the threshold', async () => {
    await threshold(2);
    const p = await propose('support-1');
    await call('gridLeader', 'support', { proposalId: p.id });
    open(ProposalPage, 'member', { id: p.id });
    await screen.findByText('下雨天等车的老人没地方躲雨。');
    await idle();
    expect(byClass('proposal-supports')[0]!.textContent).toMatch(/^已有1人支持，还差1人 · \d+月\d+日截止$/);
    clickByClass('btn-support');
    await waitFor(() => expect(byClass('proposal-state')[0]!.textContent).toBe('待答复'));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '支持人数够了，已交给居委答复' }));
    expect(byClass('btn-support')).toHaveLength(0);
    expect(byClass('btn-withdraw')).toHaveLength(0);
    expect((await proposalsIn())[0]).toMatchObject({ state: 'answering', supports: 2 });
  });

  it('withdraws a support while it still collects', async () => {
    const p = await propose('withdraw-1');
    open(ProposalPage, 'member', { id: p.id });
    await screen.findByText('下雨天等车的老人没地方躲雨。');
    await idle();
    clickByClass('btn-support');
    await waitFor(() => expect(byClass('btn-withdraw')).toHaveLength(1));
    expect((await proposalsIn())[0]!.supports).toBe(1);
    clickByClass('btn-withdraw');
    await waitFor(() => expect(byClass('btn-support')).toHaveLength(1));
    expect((await proposalsIn())[0]!.supports).toBe(0);
  });

  it('takes a comment (said under the field when empty), and the committee hides one with a reason', async () => {
    const p = await propose('comment-1');
    const view = open(ProposalPage, 'member', { id: p.id });
    await screen.findByText('还没有人发表意见。');
    await idle();
    clickByClass('btn-comment');
    await waitFor(() => expect(fieldError('text')).not.toBe(''));
    typeInto('proposal-comment', '赞成，我家老人也常在门口等车');
    clickByClass('btn-comment');
    await screen.findByText('赞成，我家老人也常在门口等车');
    view.unmount();

    open(ProposalPage, 'committee', { id: p.id });
    await screen.findByText('赞成，我家老人也常在门口等车');
    await idle();
    clickByClass('btn-comment-hide-open');
    clickByClass('btn-comment-hide');
    await waitFor(() => expect(fieldError('reason')).not.toBe(''));
    const reason = document.getElementsByClassName('comment-hide-reason')[0]!;
    fireEvent(reason, new CustomEvent('input', { detail: { value: '与议题无关' }, bubbles: true }));
    clickByClass('btn-comment-hide');
    await screen.findByText('该评论已被隐藏（原因：与议题无关）');
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '隐藏' }));
  });
});

describe('答复议题 and the project it becomes', () => {
  async function answering(requestId: string) {
    await threshold(2);
    const p = await propose(requestId);
    await call('member', 'support', { proposalId: p.id });
    await call('gridLeader', 'support', { proposalId: p.id });
    return p;
  }

  it('asks for a reason for 不采纳 under the field, confirms first, and the detail shows the answer', async () => {
    const p = await answering('reject-1');
    open(AnswerPage, 'committee', { id: p.id });
    await screen.findByText('下雨天等车的老人没地方躲雨。');
    await idle();
    clickByClass('btn-answer-send');
    await waitFor(() => expect(fieldError('kind')).toBe('请选择答复结果'));
    chip('answer-kind', 'reject');
    clickByClass('btn-answer-send');
    await waitFor(() => expect(fieldError('text')).toBe('不采纳或合并时请写明理由'));
    expect((await proposalsIn())[0]!.state).toBe('answering');
    typeInto('answer-text', '大门口是消防通道，不能搭建雨棚。');
    clickByClass('btn-answer-send');
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/participation/pages/proposal/index?id=${encodeURIComponent(p.id)}` }));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '不采纳' }));
    expect((await proposalsIn())[0]).toMatchObject({ state: 'rejected' });

    open(ProposalPage, 'resident', { id: p.id });
    await screen.findByText('大门口是消防通道，不能搭建雨棚。');
    expect(byClass('pp-answer__kind')[0]!.textContent).toBe('不采纳');
  });

  it('merges into another proposal picked from those still open', async () => {
    const p = await answering('merge-proposal-1');
    const { proposal: into } = await call('member', 'propose', { proposal: { title: '大门口加长椅', text: '等车时能坐一坐。', categoryKey: 'facility' }, requestId: 'merge-proposal-2' });
    open(AnswerPage, 'committee', { id: p.id });
    await screen.findByText('下雨天等车的老人没地方躲雨。');
    await idle();
    chip('answer-kind', 'merge');
    typeInto('answer-text', '和加长椅一起做');
    clickByClass('btn-answer-send');
    await waitFor(() => expect(fieldError('intoId')).toBe('请选择要并入的议题'));
    await waitFor(() => expect(document.querySelector(`.choice-chips--answer-into [data-value="${into.id}"]`)).toBeTruthy());
    expect(document.querySelector(`.choice-chips--answer-into [data-value="${p.id}"]`)).toBeNull();
    chip('answer-into', into.id);
    clickByClass('btn-answer-send');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const { proposal } = await call('resident', 'proposal', { proposalId: p.id });
    expect(proposal).toMatchObject({ state: 'merged', answer: expect.objectContaining({ mergedIntoId: into.id }) });
  });

  it('adopts into a project; the committee posts progress (errors under their fields) and changes its status; a resident follows', async () => {
    const p = await answering('adopt-proposal-1');
    open(AnswerPage, 'committee', { id: p.id });
    await screen.findByText('下雨天等车的老人没地方躲雨。');
    await idle();
    chip('answer-kind', 'adopt');
    clickByClass('btn-answer-send');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const { proposal } = await call('resident', 'proposal', { proposalId: p.id });
    const projectId = proposal.answer.projectId as string;
    expect(proposal.state).toBe('adopted');

    const view = open(ProjectPage, 'committee', { id: projectId });
    await screen.findByText('还没有进展，有了会在这里更新。');
    await idle();
    typeInto('progress-percent', '');
    clickByClass('btn-progress');
    await waitFor(() => expect(fieldError('percent')).toBe('请填写进度'));
    expect(fieldError('text')).not.toBe('');
    typeInto('progress-percent', '60');
    typeInto('progress-text', '雨棚钢架已装好');
    clickByClass('btn-progress');
    await screen.findByText('雨棚钢架已装好');
    await waitFor(() => expect(byClass('pp-progress__text')[0]!.textContent).toBe('完成 60%'));
    expect(byClass('project-status')[0]!.textContent).toBe('进行中');
    chip('project-status', 'paused');
    clickByClass('btn-project-status');
    await waitFor(() => expect(byClass('project-status')[0]!.textContent).toBe('暂停'));
    view.unmount();

    open(ProjectPage, 'resident', { id: projectId });
    await screen.findByText('雨棚钢架已装好');
    await idle();
    expect(byClass('btn-progress')).toHaveLength(0);
    expect(byClass('btn-project-status')).toHaveLength(0);
    clickByClass('btn-follow');
    await waitFor(() => expect(byClass('btn-unfollow')).toHaveLength(1));
    const { project } = await call('resident', 'project', { projectId });
    expect(project).toMatchObject({ followedByMe: true, followers: 1, percent: 60, status: 'paused' });
  });
});

describe('lists and settings', () => {
  it('lists proposals with their supports and filters them by state', async () => {
    const kept = await propose('list-proposal-1');
    await threshold(2);
    const reached = await call('resident', 'propose', { proposal: { title: '楼道加装扶手', text: '老人上下楼不方便。', categoryKey: 'elderly' }, requestId: 'list-proposal-2' });
    await call('member', 'support', { proposalId: reached.proposal.id });
    await call('gridLeader', 'support', { proposalId: reached.proposal.id });
    open(ProposalsPage, 'member', {});
    await waitFor(() => expect(byClass('pp-card')).toHaveLength(2));
    chip('proposal-filter', 'answering');
    await waitFor(() => expect(byClass('pp-card')).toHaveLength(1));
    expect(byClass('pp-card')[0]!.getAttribute('data-proposal-id')).toBe(reached.proposal.id);
    expect(byClass('pp-card')[0]!.textContent).toContain('待答复');
    chip('proposal-filter', 'collecting');
    await waitFor(() => expect(byClass('pp-card')[0]?.getAttribute('data-proposal-id')).toBe(kept.id));
    expect(byClass('pp-card')[0]!.textContent).toContain('已有0人支持，还差30人');
  });

  it('lists the proposals the committee must answer under 议事答复 (the title bar says so)', async () => {
    await threshold(2);
    const p = await propose('to-answer-1');
    await call('member', 'support', { proposalId: p.id });
    await call('gridLeader', 'support', { proposalId: p.id });
    open(ProposalsPage, 'committee', { toAnswer: '1' });
    await waitFor(() => expect(byClass('pp-card')).toHaveLength(1));
    expect(byClass('pp-card')[0]!.getAttribute('data-proposal-id')).toBe(p.id);
    expect(setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '议事答复' });
  });

  it('lists projects with status and progress bars', async () => {
    await call('committee', 'createProject', { project: { title: '垃圾厢房旁微花园', goal: '把空地改成小花园。' }, requestId: 'projects-1' });
    open(ProjectsPage, 'resident', {});
    await waitFor(() => expect(byClass('pp-card')).toHaveLength(1));
    expect(byClass('pp-card')[0]!.textContent).toContain('计划中');
    expect(byClass('pp-progress__text')[0]!.textContent).toBe('完成 0%');
  });

  it('says a threshold left empty under its field, and saves a new one', async () => {
    ctx.signIn('committee');
    render(<ParticipationSettingsPage />);
    await waitFor(() => expect(byClass('pp-settings__category').length).toBeGreaterThan(0));
    await idle();
    typeInto('participation-threshold', '');
    clickByClass('btn-save-participation-settings');
    await waitFor(() => expect(fieldError('threshold')).toBe('请填写支持人数门槛'));
    typeInto('participation-threshold', '20');
    await waitFor(() => expect(document.querySelector('.choice-chips--cat-council-0 [data-value="cm-baiyu1-environment"]')).toBeTruthy());
    chip('cat-council-0', 'cm-baiyu1-environment');
    clickByClass('btn-save-participation-settings');
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })));
    const s = await call('committee', 'settings', {});
    expect(s.threshold).toBe(20);
    expect(s.categories[0]).toMatchObject({ councilId: 'cm-baiyu1-environment' });
  });
});
