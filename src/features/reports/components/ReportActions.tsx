import { useCallback, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { ImagesField } from '@/features/notices/components/ImagesField';
import { reportsActions } from '@shared/actions/reports';
import { MAX_REPORT_PHOTOS } from '@shared/domain/report';
import type { InputOf } from '@shared/catalogue';
import { reportsApi } from '../api';
import { useChange, type ChangeContext } from './useChange';

type HandOverTarget = InputOf<'reports', 'handOver'>['to'];

function PanelError({ message }: { message: string | null }) {
  return message ? (
    <View className='inline-error report-action-error' role='alert'>
      {message}
    </View>
  ) : null;
}

/** 响应: the handler takes it, with a word to the resident. */
export function AcceptPanel(ctx: ChangeContext) {
  const c = useChange(ctx, 'accept', ['message']);
  const [message, setMessage] = useState('收到，我马上来看看。');
  return (
    <View className='card report-accept'>
      <View className='card__title'>响应</View>
      <FormField label='回复居民' name='accept-message' error={c.errors('message')}>
        <Input id='report-accept-message' className='report-input' value={message} maxlength={100} onInput={(e) => (setMessage(e.detail.value), c.clear('message'))} />
      </FormField>
      <PanelError message={c.formError} />
      <Button className='btn-report-accept' type='primary' size='large' block loading={c.busy} disabled={c.busy} onClick={() => void c.run(reportsActions.accept.input, { message }, (ch) => reportsApi.accept(ch, message), '已响应，居民会收到你的回复')}>
        响应
      </Button>
    </View>
  );
}

/** 等待居民 (the clocks pause, with a reason the resident reads), or back to work. */
export function WaitPanel(ctx: ChangeContext) {
  const c = useChange(ctx, 'wait', ['reason']);
  const [reason, setReason] = useState('');
  if (ctx.report.can.resume) {
    return (
      <View className='card report-wait'>
        <Text className='card__hint'>等待原因：{ctx.report.waitingReason}</Text>
        <PanelError message={c.formError} />
        <Button className='btn-report-resume' type='primary' size='large' block loading={c.busy} disabled={c.busy} onClick={() => void c.run(reportsActions.resume.input, {}, (ch) => reportsApi.resume(ch), '已继续处理，计时接着走')}>
          继续处理
        </Button>
      </View>
    );
  }
  return (
    <View className='card report-wait'>
      <View className='card__title'>等待居民</View>
      <FormField label='等待原因（居民看得到）' name='wait-reason' hint='等待期间不计时' error={c.errors('reason')}>
        <Input id='report-wait-reason' className='report-input' value={reason} maxlength={100} placeholder='例如：等居民周末在家时上门' onInput={(e) => (setReason(e.detail.value), c.clear('reason'))} />
      </FormField>
      <PanelError message={c.formError} />
      <Button className='btn-report-wait' type='default' size='large' block loading={c.busy} disabled={c.busy} onClick={() => void c.run(reportsActions.wait.input, { reason }, (ch) => reportsApi.wait(ch, reason), '已暂停计时')}>
        等待居民
      </Button>
    </View>
  );
}

/** 转交: to another grid, a sub-council, the 总格长 or the committee, with a reason. */
export function HandOverPanel(ctx: ChangeContext) {
  const c = useChange(ctx, 'handover', ['to', 'reason']);
  const [open, setOpen] = useState(false);
  const reportId = ctx.report.id;
  const fetchTargets = useCallback(() => reportsApi.handOverTargets(reportId), [reportId]);
  const targets = useCloudQuery(open ? fetchTargets : null);
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const t = targets.data;
  const options = t
    ? [
        ...t.grids.map((g) => ({ value: `grid:${g.id}`, label: g.name })),
        ...t.councils.map((g) => ({ value: `council:${g.id}`, label: g.name })),
        ...(t.chief ? [{ value: 'chief', label: '总格长' }] : []),
        ...(t.committee ? [{ value: 'committee', label: '居委' }] : []),
      ]
    : [];
  const target = (): HandOverTarget | undefined => {
    const [kind, id = ''] = to.split(':');
    if (kind === 'grid') return { kind, gridId: id };
    if (kind === 'council') return { kind, councilId: id };
    if (kind === 'chief' || kind === 'committee') return { kind };
    return undefined;
  };
  if (!open) {
    return (
      <Button className='btn-report-handover-open' type='default' size='large' block onClick={() => setOpen(true)}>
        转交给别人
      </Button>
    );
  }
  return (
    <View className='card report-handover'>
      <View className='card__title'>转交</View>
      {targets.error ? <Text className='inline-error'>{targets.error}</Text> : null}
      <FormField label='转给谁' name='handover-to' error={c.errors('to')}>
        <ChoiceChips id='report-handover-to' single options={options} value={to ? [to] : []} onChange={(v) => (setTo(v[0] ?? ''), c.clear('to'))} />
      </FormField>
      <FormField label='转交原因' name='handover-reason' error={c.errors('reason')}>
        <Input id='report-handover-reason' className='report-input' value={reason} maxlength={100} placeholder='例如：属于环境分会负责的事' onInput={(e) => (setReason(e.detail.value), c.clear('reason'))} />
      </FormField>
      <PanelError message={c.formError} />
      <Button
        className='btn-report-handover'
        type='primary'
        size='large'
        block
        loading={c.busy}
        disabled={c.busy}
        onClick={() => void c.run(reportsActions.handOver.input, { to: target(), reason }, (ch) => reportsApi.handOver(ch, target()!, reason), '已转交')}
      >
        确认转交
      </Button>
    </View>
  );
}

/** 办结: what was done, photos after; the resident is asked to confirm. */
export function ResolvePanel(ctx: ChangeContext) {
  const c = useChange(ctx, 'resolve', ['summary', 'photos']);
  const [summary, setSummary] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  return (
    <View className='card report-resolve'>
      <View className='card__title'>处理完成</View>
      <FormField label='处理结果（居民看得到）' name='resolve-summary' error={c.errors('summary')}>
        <Textarea id='report-resolve-summary' className='report-input report-textarea' value={summary} maxlength={300} placeholder='例如：已联系物业清走纸箱' onInput={(e) => (setSummary(e.detail.value), c.clear('summary'))} />
      </FormField>
      <FormField label='处理后的照片' name='resolve-photos' optional error={c.errors('photos')}>
        <ImagesField value={photos} onChange={setPhotos} max={MAX_REPORT_PHOTOS} />
      </FormField>
      <PanelError message={c.formError} />
      <Button className='btn-report-resolve' type='primary' size='large' block loading={c.busy} disabled={c.busy} onClick={() => void c.run(reportsActions.resolve.input, { summary, photos }, (ch) => reportsApi.resolve(ch, summary, photos), '已处理完，等居民确认')}>
        处理完成
      </Button>
    </View>
  );
}

/** The committee merges a duplicate into another open report of the 居民区; both timelines say so. */
export function MergePanel(ctx: ChangeContext) {
  const c = useChange(ctx, 'merge', ['intoId']);
  const [open, setOpen] = useState(false);
  const { categoryKey } = ctx.report;
  const fetchOthers = useCallback(() => reportsApi.list(1, { state: 'open', categoryKey }), [categoryKey]);
  const others = useCloudQuery(open ? fetchOthers : null);
  const [intoId, setIntoId] = useState('');
  if (!open) {
    return (
      <Button className='btn-report-merge-open' type='default' size='large' block onClick={() => setOpen(true)}>
        合并重复上报
      </Button>
    );
  }
  const options = (others.data?.items ?? []).filter((r) => r.id !== ctx.report.id).map((r) => ({ value: r.id, label: `${r.number} ${r.placeText}` }));
  return (
    <View className='card report-merge'>
      <View className='card__title'>并入另一条上报</View>
      {others.error ? <Text className='inline-error'>{others.error}</Text> : null}
      {others.data && !options.length ? <Text className='card__hint'>没有同类未办结的上报可以合并。</Text> : null}
      <FormField label='并入哪一条' name='merge-intoId' error={c.errors('intoId')}>
        <ChoiceChips id='report-merge-into' single options={options} value={intoId ? [intoId] : []} onChange={(v) => (setIntoId(v[0] ?? ''), c.clear('intoId'))} />
      </FormField>
      <PanelError message={c.formError} />
      <Button className='btn-report-merge' type='primary' size='large' block loading={c.busy} disabled={c.busy} onClick={() => void c.run(reportsActions.merge.input, { intoId }, (ch) => reportsApi.merge(ch, intoId), '已合并')}>
        确认合并
      </Button>
    </View>
  );
}
