import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import type { ChildDraft } from '../api';
import './members.scss';

export const GUARDIAN_CONSENT_TEXT =
  '我是这个孩子的监护人，同意为孩子登记小小梯队，并同意居委会保存孩子的称呼和出生年份，只用于安排小小梯队的活动。';

export interface ChildFormProps {
  /** This year in Shanghai: the years offered are the last 18 (the 小小梯队 is for under-18s). */
  thisYear: number;
  saving: boolean;
  errors: Record<string, string>;
  formError: string | null;
  onSubmit: (draft: ChildDraft) => void;
}

/** Registering a child: what to call them, the year they were born, and the guardian's consent. */
export function ChildForm({ thisYear, saving, errors, formError, onSubmit }: ChildFormProps) {
  const [name, setName] = useState('');
  const [year, setYear] = useState<string[]>([]);
  const [consent, setConsent] = useState(false);
  const years = Array.from({ length: 18 }, (_, i) => String(thisYear - i));

  return (
    <View className='child-form'>
      <FormField label='孩子的称呼' name='name' error={errors.name} hint='小名就可以，例如：小明'>
        <Input
          id='child-name'
          className='text-input'
          value={name}
          maxlength={10}
          placeholder='例如：小明'
          onInput={(e) => setName(e.detail.value)}
        />
      </FormField>
      <FormField label='出生年份' name='birthYear' error={errors.birthYear}>
        <ChoiceChips id='birth-year' single options={years} value={year} onChange={setYear} />
      </FormField>
      <FormField label='监护人同意' name='guardianConsent' error={errors.guardianConsent}>
        <View
          className={`consent-check guardian-consent${consent ? ' consent-check--on' : ''}`}
          role='checkbox'
          aria-checked={consent}
          onClick={() => setConsent(!consent)}
        >
          <Text className='consent-check__box'>{consent ? '✓' : ''}</Text>
          <Text className='consent-check__text'>{GUARDIAN_CONSENT_TEXT}</Text>
        </View>
      </FormField>
      {formError ? (
        <View className='form-error' role='alert'>
          {formError}
        </View>
      ) : null}
      <Button
        className='btn-add-child'
        type='primary'
        size='large'
        block
        loading={saving}
        disabled={saving}
        onClick={() =>
          onSubmit({ name: name.trim(), birthYear: year[0] ? Number(year[0]) : null, guardianConsent: consent })
        }
      >
        {saving ? '正在登记…' : '登记'}
      </Button>
    </View>
  );
}
