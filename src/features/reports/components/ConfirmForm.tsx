import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FormField } from '@/components/FormField';
import { reportsActions } from '@shared/actions/reports';
import { reportsApi } from '../api';
import { useChange, type ChangeContext } from './useChange';

const STAR_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${'★'.repeat(n)}` }));

/** The reporter's answer once it is handled: 已解决 with stars and a word (closes it), or 没解决 (it reopens). */
export function ConfirmForm(ctx: ChangeContext) {
  const c = useChange(ctx, 'confirm', ['solved', 'stars', 'comment']);
  const [solved, setSolved] = useState<'yes' | 'no' | ''>('');
  const [stars, setStars] = useState('');
  const [comment, setComment] = useState('');
  const send = () => {
    const answer = solved === 'yes' ? { solved: true, ...(stars ? { stars: Number(stars) } : {}), comment } : { solved: false, comment };
    // 已解决 asks for stars (the month's satisfaction); the schema leaves them optional, for 没解决.
    const extra: Record<string, string> = solved === 'yes' && !stars ? { stars: '请评分' } : {};
    void c.run(
      reportsActions.confirm.input,
      { ...answer, solved: solved ? answer.solved : undefined },
      (ch) => reportsApi.confirm(ch, answer),
      solved === 'yes' ? '谢谢你的评价' : '已重新交给网格长处理',
      extra,
    );
  };
  return (
    <View className='card report-confirm'>
      <View className='card__title'>问题解决了吗？</View>
      <FormField label='解决了吗' name='confirm-solved' error={c.errors('solved')}>
        <ChoiceChips
          id='report-confirm-solved'
          single
          options={[
            { value: 'yes', label: '已解决' },
            { value: 'no', label: '没解决' },
          ]}
          value={solved ? [solved] : []}
          onChange={(v) => (setSolved(v[0] as 'yes' | 'no'), c.clear('solved'))}
        />
      </FormField>
      {solved === 'yes' ? (
        <FormField label='给这次处理打个分' name='confirm-stars' error={c.errors('stars')}>
          <ChoiceChips id='report-confirm-stars' single options={STAR_OPTIONS} value={stars ? [stars] : []} onChange={(v) => (setStars(v[0] ?? ''), c.clear('stars'))} />
        </FormField>
      ) : null}
      {solved === 'no' ? <Text className='card__hint'>说“没解决”后会重新交给网格长处理，重新计时。</Text> : null}
      <FormField label={solved === 'no' ? '还有什么问题' : '想说的话'} name='confirm-comment' optional error={c.errors('comment')}>
        <Textarea id='report-confirm-comment' className='report-input report-textarea' value={comment} maxlength={200} onInput={(e) => (setComment(e.detail.value), c.clear('comment'))} />
      </FormField>
      {c.formError ? (
        <View className='inline-error report-action-error' role='alert'>
          {c.formError}
        </View>
      ) : null}
      <Button className='btn-report-confirm' type='primary' size='large' block loading={c.busy} disabled={c.busy} onClick={send}>
        提交
      </Button>
    </View>
  );
}
