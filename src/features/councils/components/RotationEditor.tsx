import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { DateField } from '@/components/DateTimeField';
import { FieldError } from '@/components/FieldError';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import type { CouncilDetail, CouncilMemberView } from '@shared/domain/council';
import { formatShanghai } from '@shared/time';
import { councilsApi, newRequestId } from '../api';

const FORM_FIELDS = ['order', 'termDays', 'startDate'];
import './councils.scss';

export interface RotationEditorProps {
  council: CouncilDetail;
  members: CouncilMemberView[];
  /** The server's clock: the default start date is its today. */
  now: string;
  onSaved: () => void;
}

/** A new rotation: tap members in turn order, the days of a term, the first day. Starts a fresh schedule. */
export function RotationEditor({ council, members, now, onSaved }: RotationEditorProps) {
  const plan = council.rotation?.plan;
  const [order, setOrder] = useState<string[]>(plan?.order.filter((id) => council.people[id]?.eligible) ?? []);
  const [termDays, setTermDays] = useState(String(plan?.termDays ?? 30));
  const [startDate, setStartDate] = useState(formatShanghai(now, 'YYYY-MM-DD'));
  const [busy, setBusy] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS });
  // One id per edit: a retried save is the same save.
  const [requestId, setRequestId] = useState(newRequestId);

  const toggle = (id: string) => setOrder((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]));
  const nameOf = (id: string) => members.find((m) => m.memberId === id)?.name ?? council.people[id]?.name ?? id;

  const save = async () => {
    setBusy(true);
    form.reset();
    try {
      await councilsApi.setRotation({ councilId: council.id, order, termDays: Number(termDays), startDate, requestId });
      setRequestId(newRequestId());
      onSaved();
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card rotation-editor'>
      <View className='card__title'>排轮值顺序</View>
      <Text className='card__hint'>按轮值先后依次点选成员；再点一次取消。</Text>
      <View className='pick-chips'>
        {members.map((m) => {
          const at = order.indexOf(m.memberId);
          return (
            <View
              key={m.memberId}
              className={`pick-chip order-chip${at >= 0 ? ' pick-chip--on' : ''}`}
              data-member-id={m.memberId}
              role='checkbox'
              aria-checked={at >= 0}
              onClick={() => toggle(m.memberId)}
            >
              <Text>{at >= 0 ? `${at + 1}. ${m.name}` : m.name}</Text>
            </View>
          );
        })}
      </View>
      <View className='form-field--order'>
        <Text className='card__hint rotation-order'>顺序：{order.length ? order.map(nameOf).join(' → ') : '还没有选'}</Text>
        <FieldError message={form.errors.order} field='order' />
      </View>
      <FormField label='每任天数' name='termDays' error={form.errors.termDays}>
        <Input id='rotation-term-days' className='admin-input' type='number' value={termDays} onInput={(e) => setTermDays(e.detail.value)} />
      </FormField>
      <FormField label='第一任开始日期' name='startDate' error={form.errors.startDate}>
        <DateField id='rotation-start-date' value={startDate} onChange={setStartDate} />
      </FormField>
      <FieldError message={form.formError} field='rotation' />
      <Button className='btn-save-rotation' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void save()}>
        保存轮值安排
      </Button>
    </View>
  );
}
