import { Input, Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { FieldError } from '@/components/FieldError';
import { MAX_OPTIONS, QUESTION_KINDS, QUESTION_KIND_LABELS, type QuestionKind, type SurveyQuestion } from '@shared/domain/survey';

/** The first free key with this prefix: q1, q2… / o1, o2… (keys stay stable, so tallies survive renaming). */
export function nextKey(prefix: string, taken: readonly { key: string }[]): string {
  for (let n = 1; ; n += 1) if (!taken.some((t) => t.key === `${prefix}${n}`)) return `${prefix}${n}`;
}

export function newQuestion(taken: readonly SurveyQuestion[]): SurveyQuestion {
  return { key: nextKey('q', taken), kind: 'single', title: '', required: true, options: [{ key: 'o1', label: '' }, { key: 'o2', label: '' }], min: 1, max: 1 };
}

/** A question moved to another kind: choices keep their options (at least two), the others need none. */
function withKind(q: SurveyQuestion, kind: QuestionKind): SurveyQuestion {
  const choice = kind === 'single' || kind === 'multiple';
  const options = !choice ? [] : q.options.length >= 2 ? q.options : [{ key: 'o1', label: '' }, { key: 'o2', label: '' }];
  return { ...q, kind, options, min: 1, max: kind === 'multiple' ? options.length : 1 };
}

const KIND_OPTIONS = QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }));

/** One question of the editor: its kind, words, whether required, its options and (multiple choice) the limits. */
export function QuestionEditor({ index, question: q, error, onChange, onRemove }: { index: number; question: SurveyQuestion; error?: string; onChange: (q: SurveyQuestion) => void; onRemove: () => void }) {
  const choice = q.kind === 'single' || q.kind === 'multiple';
  const counts = q.options.map((_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  const setOption = (i: number, label: string) => onChange({ ...q, options: q.options.map((o, j) => (j === i ? { ...o, label } : o)) });
  const removeOption = (i: number) => {
    const options = q.options.filter((_, j) => j !== i);
    onChange({ ...q, options, min: Math.min(q.min, options.length || 1), max: Math.min(q.max, options.length || 1) });
  };
  return (
    <View className={`card survey-question-edit form-field form-field--q-${index}`} data-key={q.key}>
      <View className='survey-card__head'>
        <Text className='card__title'>第{index + 1}题</Text>
        <Text className={`survey-question-edit__remove btn-remove-question-${index}`} onClick={onRemove}>
          删除这题
        </Text>
      </View>
      <ChoiceChips id={`q-${index}-kind`} single options={KIND_OPTIONS} value={[q.kind]} onChange={(v) => onChange(withKind(q, (v[0] ?? 'single') as QuestionKind))} />
      <Input id={`q-${index}-title`} className='survey-input' value={q.title} maxlength={100} placeholder='题目，如：同意建车棚吗' onInput={(e) => onChange({ ...q, title: e.detail.value })} />
      <ChoiceChips id={`q-${index}-required`} options={[{ value: 'required', label: '必答' }]} value={q.required ? ['required'] : []} onChange={(v) => onChange({ ...q, required: v.includes('required') })} />
      {choice ? (
        <View className='survey-options-edit'>
          {q.options.map((o, i) => (
            <View key={o.key} className='survey-option-edit'>
              <Input id={`q-${index}-option-${i}`} className='survey-input' value={o.label} maxlength={40} placeholder={`选项${i + 1}`} onInput={(e) => setOption(i, e.detail.value)} />
              {q.options.length > 2 ? (
                <Text className='survey-option-edit__remove' onClick={() => removeOption(i)}>
                  删除
                </Text>
              ) : null}
            </View>
          ))}
          {q.options.length < MAX_OPTIONS ? (
            <Text className={`survey-option-add btn-add-option-${index}`} onClick={() => onChange({ ...q, options: [...q.options, { key: nextKey('o', q.options), label: '' }], max: q.kind === 'multiple' ? q.max : 1 })}>
              ＋ 添加选项
            </Text>
          ) : null}
        </View>
      ) : null}
      {q.kind === 'multiple' ? (
        <View className='survey-limits'>
          <Text className='card__label'>最少选几项</Text>
          <ChoiceChips id={`q-${index}-min`} single options={counts} value={[String(q.min)]} onChange={(v) => onChange({ ...q, min: Number(v[0] ?? 1) })} />
          <Text className='card__label'>最多选几项</Text>
          <ChoiceChips id={`q-${index}-max`} single options={counts} value={[String(q.max)]} onChange={(v) => onChange({ ...q, max: Number(v[0] ?? 1) })} />
        </View>
      ) : null}
      <FieldError message={error} field={`q-${index}`} />
    </View>
  );
}
