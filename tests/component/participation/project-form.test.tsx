import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ProjectEditPage from '@/packages/participation/pages/edit/index';
import ProjectPage from '@/packages/participation/pages/project/index';
import ProjectsPage from '@/packages/participation/pages/projects/index';
import StreetProjectsPage from '@/packages/participation/pages/street/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { navigateTo, redirectTo } from '../../__mocks__/taro';
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
const projectsIn = async () => (await getDb().collection(COLLECTIONS.projects).get()).data as Record<string, any>[];
const call = (who: DemoIdentity, action: string, payload: Record<string, unknown>) => ctx.h.call('participation', action, payload, ctx.h.identities[who]);
/** The platform's date picker answers "YYYY-MM-DD": the day is picked, never typed. */
const pickDay = (id: string, day: string) => fireEvent(document.getElementById(id)!, new CustomEvent('change', { detail: { value: day } }));

function open(Page: () => JSX.Element, who: DemoIdentity, params: Record<string, string>) {
  ctx.signIn(who);
  __setRouterParams(params);
  return render(<Page />);
}

async function firstEvent(): Promise<{ id: string; title: string }> {
  const { items } = await ctx.h.call('events', 'list', { page: 1 }, ctx.h.identities.committee);
  if (!items[0]) throw new Error('the demo seed has no upcoming event');
  return items[0];
}

describe('新建项目', () => {
  it('is offered to the committee on 治理项目, not to a resident', async () => {
    const view = open(ProjectsPage, 'committee', {});
    await waitFor(() => expect(byClass('btn-new-project')).toHaveLength(1));
    clickByClass('btn-new-project');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/participation/pages/edit/index' });
    view.unmount();
    open(ProjectsPage, 'resident', {});
    await screen.findByText(/还没有符合条件的项目/);
    await idle();
    expect(byClass('btn-new-project')).toHaveLength(0);
  });

  it('says what is missing under each field and writes nothing; then creates it with an owner, a dated milestone and an event', async () => {
    const event = await firstEvent();
    open(ProjectEditPage, 'committee', {});
    await waitFor(() => expect(document.querySelector('.choice-chips--project-council [data-value="cm-baiyu1-environment"]')).toBeTruthy());
    await waitFor(() => expect(document.querySelector(`.choice-chips--project-events [data-value="${event.id}"]`)).toBeTruthy());
    await idle();
    expect(byClass('form-field--status')).toHaveLength(0);
    clickByClass('btn-add-milestone');
    clickByClass('btn-save-project');
    await waitFor(() => expect(fieldError('title')).not.toBe(''));
    expect(fieldError('goal')).not.toBe('');
    expect(fieldError('milestone-0')).not.toBe('');
    expect(await projectsIn()).toHaveLength(0);

    typeInto('project-title', '5号楼非机动车棚');
    expect(fieldError('title')).toBe('');
    typeInto('project-goal', '给5号楼居民建一个能充电的车棚，消除飞线充电。');
    typeInto('project-place', '5号楼北侧空地');
    chip('project-council', 'cm-baiyu1-environment');
    typeInto('milestone-title-0', '完成方案征询');
    clickByClass('btn-save-project');
    // A named milestone still needs its day.
    await waitFor(() => expect(fieldError('milestone-0')).toBe('请选择节点日期'));
    pickDay('milestone-due-0', '2027-01-15');
    expect(fieldError('milestone-0')).toBe('');
    expect(byClass('form-field--milestone-0')[0]!.textContent).toMatch(/1月15日/);
    chip('project-events', event.id);
    clickByClass('btn-save-project');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const [saved] = await projectsIn();
    expect(saved).toMatchObject({
      title: '5号楼非机动车棚',
      place: '5号楼北侧空地',
      ownerCouncilId: 'cm-baiyu1-environment',
      milestones: [{ title: '完成方案征询', due: '2027-01-15', done: false }],
      eventIds: [event.id],
      status: 'planned',
    });
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/participation/pages/project/index?id=${encodeURIComponent(saved!._id)}` });
  });
});

describe('编辑项目', () => {
  it('is offered to the committee on the project page; edits the fields and the status at the version it saw', async () => {
    const { project } = await call('committee', 'createProject', {
      project: { title: '垃圾厢房旁微花园', goal: '把空地改成小花园。', milestones: [{ title: '清理空地', due: '2027-01-10' }] },
      requestId: 'edit-project-1',
    });
    const page = open(ProjectPage, 'committee', { id: project.id });
    await waitFor(() => expect(byClass('btn-edit-project')).toHaveLength(1));
    clickByClass('btn-edit-project');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/participation/pages/edit/index?id=${encodeURIComponent(project.id)}` });
    page.unmount();

    open(ProjectEditPage, 'committee', { id: project.id });
    await waitFor(() => expect((document.getElementById('project-title') as HTMLInputElement | null)?.getAttribute('value')).toBe('垃圾厢房旁微花园'));
    await idle();
    expect(byClass('form-field--milestone-0')[0]!.textContent).toMatch(/1月10日/);
    chip('milestone-done-0', 'done');
    clickByClass('btn-add-milestone');
    typeInto('milestone-title-1', '种下第一批花苗');
    pickDay('milestone-due-1', '2027-03-12');
    typeInto('project-title', '垃圾厢房旁共享花园');
    chip('project-edit-status', 'active');
    clickByClass('btn-save-project');
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/participation/pages/project/index?id=${encodeURIComponent(project.id)}` }));
    const after = (await call('resident', 'project', { projectId: project.id })).project;
    expect(after).toMatchObject({
      title: '垃圾厢房旁共享花园',
      status: 'active',
      version: project.version + 1,
      milestones: [
        { title: '清理空地', due: '2027-01-10', done: true },
        { title: '种下第一批花苗', due: '2027-03-12', done: false },
      ],
    });
  });

  it('shows no 编辑 to a resident, and tells them the form is the committee’s', async () => {
    const { project } = await call('committee', 'createProject', { project: { title: '楼道微更新', goal: '换灯、刷墙。' }, requestId: 'edit-project-2' });
    const page = open(ProjectPage, 'resident', { id: project.id });
    await waitFor(() => expect(byClass('btn-follow')).toHaveLength(1));
    expect(byClass('btn-edit-project')).toHaveLength(0);
    page.unmount();
    open(ProjectEditPage, 'resident', { id: project.id });
    await screen.findByText('只有居委可以编辑项目。');
    expect(byClass('btn-save-project')).toHaveLength(0);
  });

  it('says under 关联的活动 when a linked event is gone, and keeps the project as it was', async () => {
    const event = await firstEvent();
    const { project } = await call('committee', 'createProject', { project: { title: '楼道微更新', goal: '换灯、刷墙。', eventIds: [event.id] }, requestId: 'edit-project-3' });
    await getDb().collection(COLLECTIONS.events).doc(event.id).remove();
    open(ProjectEditPage, 'committee', { id: project.id });
    // Still listed (and ticked), so it can be unticked.
    await waitFor(() => expect(document.querySelector(`.choice-chips--project-events .choice-chip--on`)?.getAttribute('data-value')).toBe(event.id));
    await idle();
    typeInto('project-title', '楼道微更新（一期）');
    clickByClass('btn-save-project');
    await waitFor(() => expect(fieldError('eventIds')).not.toBe(''));
    expect(redirectTo).not.toHaveBeenCalled();
    expect((await projectsIn())[0]).toMatchObject({ title: '楼道微更新', version: project.version });
    chip('project-events', event.id);
    expect(fieldError('eventIds')).toBe('');
    clickByClass('btn-save-project');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    expect((await projectsIn())[0]).toMatchObject({ title: '楼道微更新（一期）', eventIds: [] });
  });
});

describe('各居民区治理项目 (the 街道)', () => {
  it('lists every 居民区’s projects with the 居民区 name, status and progress, filtered by status', async () => {
    const own = (await call('committee', 'createProject', { project: { title: '垃圾厢房旁微花园', goal: '把空地改成小花园。' }, requestId: 'street-1' })).project;
    await call('otherCommittee', 'createProject', { project: { title: '长风一村加装电梯', goal: '为3号楼加装电梯。' }, requestId: 'street-2' });
    await call('committee', 'progress', { projectId: own.id, requestId: 'street-progress-1', update: { date: '2026-12-01', percent: 40, text: '空地已清理' } });
    open(StreetProjectsPage, 'streetAdmin', {});
    await waitFor(() => expect(byClass('pp-street-row')).toHaveLength(2));
    const row = byClass('pp-street-row').find((el) => el.getAttribute('data-project-id') === own.id)!;
    expect(row.querySelector('.pp-card__community')!.textContent).not.toBe('');
    expect(row.textContent).toContain('进行中');
    expect(row.querySelector('.pp-progress__text')!.textContent).toBe('完成 40%');
    const communities = byClass('pp-card__community').map((el) => el.textContent);
    expect(new Set(communities).size).toBe(2);
    chip('street-project-filter', 'planned');
    await waitFor(() => expect(byClass('pp-street-row')).toHaveLength(1));
    expect(byClass('pp-street-row')[0]!.textContent).toContain('长风一村加装电梯');
    chip('street-project-filter', 'done');
    await screen.findByText('没有这个状态的项目。');
  });
});
