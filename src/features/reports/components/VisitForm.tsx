import { useState } from 'react';
import { Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DateTimeField } from '@/components/DateTimeField';
import { FormField } from '@/components/FormField';
import { ImagesField } from '@/features/notices/components/ImagesField';
import { reportsActions } from '@shared/actions/reports';
import { MAX_REPORT_PHOTOS } from '@shared/domain/report';
import { reportsApi } from '../api';
import { useChange, type ChangeContext } from './useChange';

/** 走访记录: when (picked, never typed; not in the future), whom, what was found, photos. The state stays. */
export function VisitForm(ctx: ChangeContext) {
  const c = useChange(ctx, 'visit', ['at', 'whom', 'found', 'photos']);
  const [open, setOpen] = useState(false);
  const [now] = useState(() => new Date().toISOString());
  const [at, setAt] = useState(now);
  const [whom, setWhom] = useState('');
  const [found, setFound] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  if (!open) {
    return (
      <Button className='btn-report-visit-open' type='default' size='large' block onClick={() => setOpen(true)}>
        记一次走访
      </Button>
    );
  }
  const save = async () => {
    const visit = { at, whom, found, photos };
    const ok = await c.run(reportsActions.visit.input, { visit }, (ch) => reportsApi.visit({ reportId: ch.reportId, requestId: ch.requestId, visit }), '走访记录已保存');
    if (ok) {
      setOpen(false);
      setWhom('');
      setFound('');
      setPhotos([]);
    }
  };
  return (
    <View className='card report-visit'>
      <View className='card__title'>走访记录</View>
      <FormField label='走访时间' name='visit-at' hint='点日期或时间来改' error={c.errors('at')}>
        <DateTimeField id='report-visit-at' value={at} max={now} onChange={(v) => (setAt(v), c.clear('at'))} />
      </FormField>
      <FormField label='走访对象' name='visit-whom' error={c.errors('whom')}>
        <Input id='report-visit-whom' className='report-input' value={whom} maxlength={30} placeholder='例如：302室张阿姨' onInput={(e) => (setWhom(e.detail.value), c.clear('whom'))} />
      </FormField>
      <FormField label='走访情况' name='visit-found' error={c.errors('found')}>
        <Textarea id='report-visit-found' className='report-input report-textarea' value={found} maxlength={300} onInput={(e) => (setFound(e.detail.value), c.clear('found'))} />
      </FormField>
      <FormField label='照片' name='visit-photos' optional error={c.errors('photos')}>
        <ImagesField value={photos} onChange={setPhotos} max={MAX_REPORT_PHOTOS} />
      </FormField>
      {c.formError ? (
        <View className='inline-error report-action-error' role='alert'>
          {c.formError}
        </View>
      ) : null}
      <Button className='btn-report-visit' type='primary' size='large' block loading={c.busy} disabled={c.busy} onClick={() => void save()}>
        保存走访记录
      </Button>
    </View>
  );
}
