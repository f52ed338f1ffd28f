import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { useTapIds } from '@/features/cabin/tap-ids';
import { participationApi } from '@/features/participation/api';
import { milestoneField, MilestonesField, type MilestoneRow } from '@/features/participation/components/MilestonesField';
import { useLinkableEvents, useProject } from '@/features/participation/hooks';
import '@/features/participation/participation.scss';
import { PARTICIPATION_PAGES } from '@/features/participation/routes';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { useFormErrors } from '@/hooks/useFormErrors';
import { usePageTitle } from '@/hooks/usePageTitle';
import { CloudCallError, errorText } from '@/services/cloud';
import { projectFields } from '@shared/actions/participation';
import { MAX_PROJECT_EVENTS, PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus, type ProjectView } from '@shared/domain/participation';
import { schemaIssues } from '@shared/field-issues';

const NONE = 'none';
const STATUS_OPTIONS = PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }));
/** The server names a field `project.milestones.2.due`; the form shows it beside 节点3. */
function fieldOf(path: string): string {
  const inner = path.replace(/^project\./, '');
  const row = /^milestones\.(\d+)\./.exec(inner);
  return row ? milestoneField(Number(row[1])) : (inner.split(/[.[]/)[0] ?? inner);
}
/** A refusal of the whole call that is about one field goes under it. */
const FIELD_OF_CODE: Record<string, string> = { 'PROJECTS.COUNCIL_NOT_FOUND': 'project.ownerCouncilId', 'PROJECTS.EVENT_NOT_FOUND': 'project.eventIds' };

/**
 * 新建项目 / 编辑项目 (the committee): name, goal, place, the sub-council in charge, milestones with their days
 * picked, the events that serve it and, when editing, its status. A new project keeps one request id until it is
 * created, so a doubled tap or a retry after a lost answer creates it once.
 */
export default function ProjectEditPage() {
  const projectId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const pageTitle = projectId ? '编辑项目' : '新建项目';
  usePageTitle(pageTitle);
  const existing = useProject(projectId);
  const p = existing.data?.project ?? null;
  const ready = !projectId || !!p;
  return (
    <PageShell
      className={`page-participation-edit${existing.loading ? ' is-busy' : ''}`}
      title={pageTitle}
      loading={!!projectId && existing.loading && !p}
      error={ready ? null : existing.error}
      onRetry={() => void existing.reload()}
    >
      {p && !p.can.manage ? <Text className='card__hint pp-edit-denied'>只有居委可以编辑项目。</Text> : null}
      {ready && (!p || p.can.manage) ? <ProjectForm key={p?.version ?? 'new'} project={p} onStale={() => void existing.reload()} /> : null}
    </PageShell>
  );
}

function ProjectForm({ project: p, onStale }: { project: ProjectView | null; onStale: () => void }) {
  const [title, setTitle] = useState(p?.title ?? '');
  const [goal, setGoal] = useState(p?.goal ?? '');
  const [place, setPlace] = useState(p?.place ?? '');
  const [councilId, setCouncilId] = useState(p?.ownerCouncilId ?? NONE);
  const [milestones, setMilestones] = useState<MilestoneRow[]>((p?.milestones ?? []).map((m, i) => ({ key: i + 1, ...m })));
  const [eventIds, setEventIds] = useState<string[]>(p?.eventIds ?? []);
  const [status, setStatus] = useState<ProjectStatus>(p?.status ?? 'planned');
  const [busy, setBusy] = useState(false);
  const councilsQuery = useCloudQuery(participationApi.councils);
  const councils = [{ value: NONE, label: '居委负责' }, ...(councilsQuery.data?.items ?? []).filter((c) => c.active && c.kind !== 'main').map((c) => ({ value: c.id, label: c.name }))];
  const events = useLinkableEvents(p?.eventIds ?? []);
  const fields = ['title', 'goal', 'place', 'ownerCouncilId', ...milestones.map((_, i) => milestoneField(i)), 'milestones', 'eventIds', 'status'];
  const form = useFormErrors({ fields, fieldOf });
  const taps = useTapIds();
  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      form.clear(field);
    };

  const save = async () => {
    form.reset();
    const project = {
      title,
      goal,
      place,
      ownerCouncilId: councilId === NONE ? null : councilId,
      milestones: milestones.map(({ title: t, due, done }) => ({ title: t, due, done })),
      eventIds,
    };
    const issues = schemaIssues(projectFields, project);
    if (issues) return form.showIssues(issues);
    setBusy(true);
    try {
      const res = p
        ? await participationApi.editProject({ projectId: p.id, version: p.version, status, project })
        : await participationApi.createProject({ project, requestId: taps.idFor('create') });
      if (!p) taps.done('create');
      void Taro.showToast({ title: p ? '项目已保存' : '项目已建好，可以发布进展了', icon: 'none', duration: 2000 });
      void Taro.redirectTo({ url: PARTICIPATION_PAGES.project(res.project.id) });
    } catch (err) {
      if (err instanceof CloudCallError && err.code === 'PROJECTS.CHANGED') {
        // Someone saved it first: their version is loaded, and this form starts again from it.
        void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
        onStale();
      } else {
        const field = err instanceof CloudCallError ? FIELD_OF_CODE[err.code] : undefined;
        form.fail(err, field ? { [field]: errorText(err) } : {});
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {form.formError ? (
        <View className='inline-error pp-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <View className={`card pp-form${busy ? ' is-busy' : ''}`}>
        <FormField label='项目名称' name='title' error={form.errors.title}>
          <Input id='project-title' className='pp-input' value={title} maxlength={30} placeholder='例如：5号楼非机动车棚' onInput={(e) => edit('title', setTitle)(e.detail.value)} />
        </FormField>
        <FormField label='项目目标' name='goal' error={form.errors.goal}>
          <Textarea id='project-goal' className='pp-input pp-textarea' value={goal} maxlength={500} placeholder='要解决什么问题，做成什么样' onInput={(e) => edit('goal', setGoal)(e.detail.value)} />
        </FormField>
        <FormField label='地点' name='place' optional error={form.errors.place}>
          <Input id='project-place' className='pp-input' value={place} maxlength={40} placeholder='例如：5号楼北侧空地' onInput={(e) => edit('place', setPlace)(e.detail.value)} />
        </FormField>
        <FormField label='负责的分会' name='ownerCouncilId' error={form.errors.ownerCouncilId ?? councilsQuery.error}>
          <ChoiceChips id='project-council' single options={councils} value={[councilId]} onChange={(v) => edit('ownerCouncilId', setCouncilId)(v[0] ?? NONE)} />
        </FormField>
        <FormField label='计划节点' name='milestones' optional hint='每个节点选一个日期，做完了勾上已完成' error={form.errors.milestones}>
          <MilestonesField value={milestones} onChange={(rows) => (setMilestones(rows), form.clear('milestones'))} errors={form.errors} onEdited={form.clear} />
        </FormField>
        <FormField label='关联的活动' name='eventIds' optional hint={`志愿服务活动，最多${MAX_PROJECT_EVENTS}个`} error={form.errors.eventIds ?? events.error}>
          {events.options.length ? (
            <ChoiceChips id='project-events' options={events.options} value={eventIds} onChange={edit('eventIds', setEventIds)} />
          ) : (
            <Text className='card__hint'>{events.loading ? '正在读取活动…' : '近期还没有活动。'}</Text>
          )}
        </FormField>
        {p ? (
          <FormField label='项目状态' name='status' error={form.errors.status}>
            <ChoiceChips id='project-edit-status' single options={STATUS_OPTIONS} value={[status]} onChange={(v) => edit('status', setStatus)((v[0] ?? status) as ProjectStatus)} />
          </FormField>
        ) : null}
      </View>
      <View className='pp-form__actions'>
        <Button className='btn-save-project' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save()}>
          {p ? '保存项目' : '建立项目'}
        </Button>
      </View>
    </>
  );
}
