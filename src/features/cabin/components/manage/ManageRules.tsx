import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { LOAN_CLASS_LABELS, LOAN_CLASSES, type LoanRule, type LoanRules } from '@shared/domain/cabin';
import { cabinApi } from '../../api';
import { useLoanRules } from '../../hooks';
import { Answer, useAction } from '../Answer';

const RULE_FIELDS: { key: keyof LoanRule; label: string }[] = [
  { key: 'loanDays', label: '借期（天）' },
  { key: 'maxItems', label: '每人最多借' },
  { key: 'maxRenewals', label: '可续借次数' },
];

/** The form's fields in page order: `book-loanDays` …, then `holdHours`. */
const FIELDS = [...LOAN_CLASSES.flatMap((cls) => RULE_FIELDS.map((f) => `${cls}-${f.key}`)), 'holdHours'];
/** The server names a field `rules.classes.book.loanDays`; the form shows it under 图书's 借期. */
const fieldOf = (path: string) => {
  const parts = path.replace(/^rules\./, '').split('.');
  return parts[0] === 'classes' && parts.length >= 3 ? `${parts[1]}-${parts[2]}` : (parts[0] ?? path);
};

function RulesForm({ initial }: { initial: LoanRules }) {
  const [rules, setRules] = useState(initial);
  const { busy, answer, run } = useAction();
  const form = useFormErrors({ fields: FIELDS, fieldOf });
  const save = async () => {
    form.reset();
    await run('rules', async () => {
      try {
        setRules(await cabinApi.setRules(rules));
        return '借用规则已保存';
      } catch (err) {
        form.fail(err);
        return '';
      }
    });
  };
  const setNumber = (cls: (typeof LOAN_CLASSES)[number], key: keyof LoanRule, text: string) =>
    setRules((prev) => ({ ...prev, classes: { ...prev.classes, [cls]: { ...prev.classes[cls], [key]: Number(text) } } }));
  return (
    <View className='card manage-rules'>
      <Text className='card__hint'>有逾期未还的物品时不能再借；有人排队时不能续借。</Text>
      {LOAN_CLASSES.map((cls) => (
        <View key={cls} className='cabin-row rule-class' data-class={cls}>
          <Text className='cabin-row__title'>{LOAN_CLASS_LABELS[cls]}</Text>
          {RULE_FIELDS.map((f) => (
            <FormField key={f.key} label={f.label} name={`${cls}-${f.key}`} error={form.errors[`${cls}-${f.key}`]}>
              <Input id={`rule-${cls}-${f.key}`} className='cabin-input' type='number' value={String(rules.classes[cls][f.key])} onInput={(e) => setNumber(cls, f.key, e.detail.value)} />
            </FormField>
          ))}
        </View>
      ))}
      <FormField label='预约保留（小时）' name='holdHours' error={form.errors.holdHours}>
        <Input id='rule-hold-hours' className='cabin-input' type='number' value={String(rules.holdHours)} onInput={(e) => setRules({ ...rules, holdHours: Number(e.detail.value) })} />
      </FormField>
      <Button
        className='btn-save-rules'
        type='primary'
        size='large'
        block
        loading={busy === 'rules'}
        disabled={!!busy}
        onClick={() => void save()}
      >
        保存规则
      </Button>
      {form.formError ? (
        <View className='inline-error rules-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      <Answer answer={answer} className='rules-answer' />
    </View>
  );
}

/** 规则: loan length, items per person and renewals per class of item; how long a hold is kept. */
export function ManageRules() {
  const rules = useLoanRules();
  if (rules.error) {
    return (
      <View className='inline-error' role='alert'>
        {rules.error}
      </View>
    );
  }
  return rules.data ? <RulesForm initial={rules.data} /> : null;
}
