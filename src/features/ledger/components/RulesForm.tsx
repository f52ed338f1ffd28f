import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import type { PointRulesView } from '@shared/domain/ledger';
import { formatShanghai } from '@shared/time';
import { ledgerApi } from '../api';
import '../ledger.scss';

interface TypeRow {
  name: string;
  rate: string;
}

/** The form's fields in page order; the server names a type's rate `eventTypes.1.pointsPerHour`. */
const RULES_FIELDS = ['pointsPerHour', 'eventTypes', 'dailyCap'];

const toInt = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** 积分规则: points per confirmed hour, a rate per event type, and a daily cap (empty: none). */
export function RulesForm({ rules, onSaved }: { rules: PointRulesView; onSaved: (rules: PointRulesView) => void }) {
  const [rate, setRate] = useState(String(rules.pointsPerHour));
  const [types, setTypes] = useState<TypeRow[]>(rules.eventTypes.map((t) => ({ name: t.name, rate: String(t.pointsPerHour) })));
  const [cap, setCap] = useState(rules.dailyCap === null ? '' : String(rules.dailyCap));
  const form = useFormErrors({ fields: RULES_FIELDS });
  const [busy, setBusy] = useState(false);

  const setType = (i: number, patch: Partial<TypeRow>) => setTypes((list) => list.map((t, j) => (j === i ? { ...t, ...patch } : t)));

  const save = async () => {
    // An empty cap means none; anything else must be a number, never silently "none".
    form.reset();
    if (cap.trim() !== '' && !Number.isFinite(toInt(cap))) return form.showIssues({ dailyCap: '每天最多得积分请填数字，不设上限就留空' });
    setBusy(true);
    try {
      const saved = await ledgerApi.setRules({
        pointsPerHour: toInt(rate),
        eventTypes: types.map((t) => ({ name: t.name, pointsPerHour: toInt(t.rate) })),
        dailyCap: cap.trim() === '' ? null : toInt(cap),
      });
      onSaved(saved);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card rules-form'>
      <FormField label='每服务1小时得积分' name='pointsPerHour' hint='下面没有列出的活动类型按这个算' error={form.errors.pointsPerHour}>
        <Input id='rules-rate' className='number-input' type='number' value={rate} onInput={(e) => setRate(e.detail.value)} />
      </FormField>
      <View className='form-field__label form-field--eventTypes'>
        <Text>各类活动每小时积分</Text>
      </View>
      {types.map((t, i) => (
        <View key={i} className='rules-type' data-index={i}>
          <Input id={`rules-type-name-${i}`} className='number-input rules-type__name' value={t.name} maxlength={12} placeholder='活动类型' onInput={(e) => setType(i, { name: e.detail.value })} />
          <Input id={`rules-type-rate-${i}`} className='number-input rules-type__rate' type='number' value={t.rate} onInput={(e) => setType(i, { rate: e.detail.value })} />
          <View className='link-btn btn-remove-type' role='button' onClick={() => setTypes((list) => list.filter((_, j) => j !== i))}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      <View className='link-btn btn-add-type' role='button' onClick={() => setTypes((list) => [...list, { name: '', rate: rate }])}>
        <Text>＋ 添加活动类型</Text>
      </View>
      {form.errors.eventTypes ? (
        <View className='field-error field-error--eventTypes' role='alert'>
          {form.errors.eventTypes}
        </View>
      ) : null}
      <FormField label='每人每天最多得积分' name='dailyCap' optional hint='不填表示不设上限' error={form.errors.dailyCap}>
        <Input id='rules-cap' className='number-input' type='number' value={cap} onInput={(e) => setCap(e.detail.value)} />
      </FormField>
      {form.formError ? (
        <View className='form-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      {rules.updatedBy && rules.updatedAt ? (
        <Text className='card__hint rules-updated'>
          {rules.updatedBy} 于 {formatShanghai(rules.updatedAt)} 修改
        </Text>
      ) : (
        <Text className='card__hint rules-updated'>现在用的是默认规则</Text>
      )}
      <Button className='btn-save-rules' type='primary' size='large' block disabled={busy} onClick={() => void save()}>
        保存规则
      </Button>
    </View>
  );
}
