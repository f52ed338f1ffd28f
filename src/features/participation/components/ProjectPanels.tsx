import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { DateField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { useTapIds } from '@/features/cabin/tap-ids';
import { ImagesField } from '@/features/notices/components/ImagesField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { CloudCallError } from '@/services/cloud';
import { participationActions } from '@shared/actions/participation';
import { MAX_PROPOSAL_PHOTOS, PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus, type ProjectUpdateView, type ProjectView } from '@shared/domain/participation';
import { schemaIssues } from '@shared/field-issues';
import { formatShanghai } from '@shared/time';
import { participationApi } from '../api';

export interface ProjectContext {
  project: ProjectView;
  onProject: (project: ProjectView, update?: ProjectUpdateView) => void;
  /** Someone else changed it first (PROJECTS.CHANGED): the page reloads it. */
  onStale: () => void;
}

/** A failed change: a project changed under us is said in a toast and reloaded; anything else goes to the form. */
function failed(err: unknown, ctx: ProjectContext, fail: (err: unknown) => void): void {
  if (err instanceof CloudCallError && err.code === 'PROJECTS.CHANGED') {
    void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
    ctx.onStale();
  } else fail(err);
}

const PROGRESS_FIELDS = ['date', 'percent', 'text', 'photosBefore', 'photosAfter'];
const progressFieldOf = (path: string) => path.replace(/^update\./, '').split(/[.[]/)[0] ?? path;

/** 发布进展 (the committee, the owner sub-council's chair): the day, the percent, what was done, photos before / after. */
export function ProgressForm(ctx: ProjectContext) {
  const today = formatShanghai(new Date(), 'YYYY-MM-DD');
  const [date, setDate] = useState(today);
  const [percent, setPercent] = useState(String(ctx.project.percent));
  const [text, setText] = useState('');
  const [before, setBefore] = useState<string[]>([]);
  const [after, setAfter] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: PROGRESS_FIELDS, fieldOf: progressFieldOf });
  const taps = useTapIds();
  const edit =
    <T,>(field: string, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      form.clear(field);
    };

  const send = async () => {
    form.reset();
    const input = {
      projectId: ctx.project.id,
      requestId: taps.idFor('progress'),
      update: { date, percent: percent.trim() === '' ? Number.NaN : Number(percent), text, photosBefore: before, photosAfter: after },
    };
    const issues = schemaIssues(participationActions.progress.input, input);
    if (issues) return form.showIssues(issues);
    setBusy(true);
    try {
      const res = await participationApi.progress(input);
      taps.done('progress');
      void Taro.showToast({ title: '进展已发布，会通过微信告诉关注的居民', icon: 'none', duration: 2000 });
      setText('');
      setBefore([]);
      setAfter([]);
      ctx.onProject(res.project, res.update);
    } catch (err) {
      failed(err, ctx, form.fail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card pp-panel pp-progress-form'>
      <View className='card__title'>发布进展</View>
      {form.formError ? (
        <View className='inline-error pp-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <FormField label='日期' name='date' error={form.errors.date}>
        <DateField id='progress-date' value={date} max={today} onChange={edit('date', setDate)} />
      </FormField>
      <FormField label='完成了百分之几' name='percent' hint='0到100' error={form.errors.percent}>
        <Input id='progress-percent' className='pp-input pp-input--number' type='number' value={percent} onInput={(e) => edit('percent', setPercent)(e.detail.value)} />
      </FormField>
      <FormField label='做了什么' name='text' error={form.errors.text}>
        <Textarea id='progress-text' className='pp-input pp-textarea' value={text} maxlength={500} placeholder='例如：车棚地基已浇好，下周装顶棚' onInput={(e) => edit('text', setText)(e.detail.value)} />
      </FormField>
      <FormField label='之前的照片' name='photosBefore' optional error={form.errors.photosBefore}>
        <ImagesField value={before} onChange={edit('photosBefore', setBefore)} max={MAX_PROPOSAL_PHOTOS} />
      </FormField>
      <FormField label='之后的照片' name='photosAfter' optional error={form.errors.photosAfter}>
        <ImagesField value={after} onChange={edit('photosAfter', setAfter)} max={MAX_PROPOSAL_PHOTOS} />
      </FormField>
      <Button className='btn-progress' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void send()}>
        发布进展
      </Button>
    </View>
  );
}

const STATUS_OPTIONS = PROJECT_STATUSES.map((s) => ({ value: s, label: PROJECT_STATUS_LABELS[s] }));

/** 项目状态 (the committee): 计划中 / 进行中 / 已完成 / 暂停, at the version the page saw. */
export function StatusForm(ctx: ProjectContext) {
  const p = ctx.project;
  const [status, setStatus] = useState<ProjectStatus>(p.status);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: ['status'] });

  const save = async () => {
    form.reset();
    const input = {
      projectId: p.id,
      version: p.version,
      status,
      project: { title: p.title, goal: p.goal, place: p.place, ownerCouncilId: p.ownerCouncilId, milestones: p.milestones, eventIds: p.eventIds },
    };
    setBusy(true);
    try {
      const res = await participationApi.editProject(input);
      void Taro.showToast({ title: '状态已更新', icon: 'none', duration: 1500 });
      ctx.onProject(res.project);
    } catch (err) {
      failed(err, ctx, form.fail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card pp-panel pp-status-form'>
      <FormField label='项目状态' name='status' error={form.errors.status ?? form.formError}>
        <ChoiceChips id='project-status' single options={STATUS_OPTIONS} value={[status]} onChange={(v) => (setStatus((v[0] ?? p.status) as ProjectStatus), form.clear('status'))} />
      </FormField>
      <Button className='btn-project-status' type='default' size='large' block loading={busy} disabled={busy || status === p.status} onClick={() => void save()}>
        更新状态
      </Button>
    </View>
  );
}
