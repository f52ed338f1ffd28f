import { Text, Textarea, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { RATING_MAX, RATING_MIN, SHORT_TEXT_MAX, type AnswerValue, type SurveyQuestion } from '@shared/domain/survey';

/** How many a multiple-choice question takes, in words: "可选1到2项", "请选2项". */
export function limitText(q: Pick<SurveyQuestion, 'min' | 'max'>): string {
  return q.min === q.max ? `请选${q.min}项` : `可选${q.min}到${q.max}项`;
}

const STARS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
const STAR_WORDS = ['', '很不满意', '不太满意', '一般', '比较满意', '非常满意'];

/** 1-5 as five big stars to tap (each a wide target, said in words beside), never a slider. */
function Stars({ id, value, disabled, onChange }: { id: string; value: number; disabled: boolean; onChange: (n: number) => void }) {
  return (
    <View className={`survey-stars survey-stars--${id}`} role='radiogroup'>
      <View className='survey-stars__row'>
        {STARS.map((n) => (
          <View
            key={n}
            className={`survey-star${n <= value ? ' survey-star--on' : ''}`}
            data-value={n}
            role='radio'
            aria-checked={n === value}
            aria-label={`${n}分`}
            onClick={() => !disabled && onChange(n)}
          >
            <Text>{n <= value ? '★' : '☆'}</Text>
          </View>
        ))}
      </View>
      <Text className='survey-stars__words'>{value ? `${value}分 · ${STAR_WORDS[value]}` : '点星星打分'}</Text>
    </View>
  );
}

/** One question's answer widget: chips for choices (the limits said), stars for a rating, a box for short text. */
export function QuestionInput({ question: q, value, disabled, onChange }: { question: SurveyQuestion; value: AnswerValue | undefined; disabled: boolean; onChange: (v: AnswerValue) => void }) {
  if (q.kind === 'single' || q.kind === 'multiple') {
    const chosen = value && 'options' in value ? value.options : [];
    return (
      <View>
        {q.kind === 'multiple' ? <Text className='survey-question__limit'>{limitText(q)}</Text> : null}
        <ChoiceChips
          id={`survey-q-${q.key}`}
          single={q.kind === 'single'}
          options={q.options.map((o) => ({ value: o.key, label: o.label }))}
          value={chosen}
          onChange={(next) => !disabled && onChange({ options: next })}
        />
      </View>
    );
  }
  if (q.kind === 'rating') return <Stars id={`survey-q-${q.key}`} value={value && 'rating' in value ? value.rating : 0} disabled={disabled} onChange={(rating) => onChange({ rating })} />;
  return (
    <Textarea
      id={`survey-text-${q.key}`}
      className='survey-input survey-textarea'
      value={value && 'text' in value ? value.text : ''}
      maxlength={SHORT_TEXT_MAX}
      disabled={disabled}
      placeholder={`${SHORT_TEXT_MAX}字以内`}
      onInput={(e) => onChange({ text: e.detail.value })}
    />
  );
}
