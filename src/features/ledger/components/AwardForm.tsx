import { useState } from 'react';
import { Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import type { PostedEntry } from '@shared/actions/ledger';
import { ledgerApi, newRequestId } from '../api';
import { parseHours } from '../format';
import '../ledger.scss';

/** The form's fields in page order. */
const AWARD_FIELDS = ['points', 'halfHours', 'reason'];

/** Award points and/or manual service hours to one member, with a reason they will read. */
export function AwardForm({ memberId, name, onDone }: { memberId: string; name: string; onDone: (posted: PostedEntry) => void }) {
  const [points, setPoints] = useState('');
  const [hours, setHours] = useState('');
  const [reason, setReason] = useState('');
  // One id per filled-in form: a retry after a lost answer posts once.
  const [requestId, setRequestId] = useState(newRequestId);
  const form = useFormErrors({ fields: AWARD_FIELDS });
  const { errors } = form;
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    form.reset();
    const halfHours = parseHours(hours);
    const pointsValue = points.trim() ? Number(points.trim()) : 0;
    const issues: Record<string, string> = {};
    if (!Number.isInteger(pointsValue) || pointsValue < 0) issues.points = '积分要是不小于0的整数';
    if (halfHours === null) issues.halfHours = '时长按半小时填写，例如 1 或 1.5';
    if (halfHours === null || Object.keys(issues).length) return form.showIssues(issues);
    setBusy(true);
    try {
      const posted = await ledgerApi.award({ requestId, memberId, points: pointsValue, halfHours, reason });
      setPoints('');
      setHours('');
      setReason('');
      setRequestId(newRequestId());
      onDone(posted);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card award-form'>
      <View className='card__title'>给 {name} 记录</View>
      <FormField label='积分' name='points' optional error={errors.points}>
        <Input id='award-points' className='number-input' type='number' value={points} placeholder='例如：10' onInput={(e) => (setPoints(e.detail.value), form.clear('points'))} />
      </FormField>
      <FormField label='服务时长（小时）' name='halfHours' optional hint='手动登记的时长会单独标注为“手动登记”' error={errors.halfHours}>
        <Input id='award-hours' className='number-input' type='digit' value={hours} placeholder='例如：1.5' onInput={(e) => (setHours(e.detail.value), form.clear('halfHours'))} />
      </FormField>
      <FormField label='原因' name='reason' hint='成员会在自己的记录里看到' error={errors.reason}>
        <Textarea id='award-reason' className='text-area' value={reason} maxlength={100} placeholder='例如：帮独居老人修好了水管' onInput={(e) => (setReason(e.detail.value), form.clear('reason'))} />
      </FormField>
      {form.formError ? (
        <View className='form-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <Button className='btn-award' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        记录
      </Button>
    </View>
  );
}
