import { useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';

export interface ApplyFormProps {
  submitting: boolean;
  error: string | null;
  onSubmit: (motivation: string) => void;
}

/** Joining the second echelon: a short, optional word on why. */
export function ApplyForm({ submitting, error, onSubmit }: ApplyFormProps) {
  const [motivation, setMotivation] = useState('');
  return (
    <View className='apply-form'>
      <FormField label='想说的话' name='motivation' optional error={error} hint='例如：退休在家有时间，会修水电，愿意帮帮邻居。最多200字。'>
        <Textarea
          id='apply-motivation'
          className='text-area'
          value={motivation}
          maxlength={200}
          placeholder='为什么想加入第二梯队？'
          onInput={(e) => setMotivation(e.detail.value)}
        />
      </FormField>
      <Button
        className='btn-submit-apply'
        type='primary'
        size='large'
        block
        loading={submitting}
        disabled={submitting}
        onClick={() => onSubmit(motivation.trim())}
      >
        {submitting ? '正在提交…' : '提交申请'}
      </Button>
    </View>
  );
}
