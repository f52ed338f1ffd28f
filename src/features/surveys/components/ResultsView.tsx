import { Text, View } from '@tarojs/components';
import type { QuestionResult, SurveyResultsView } from '@shared/domain/survey';
import { QUESTION_KIND_LABELS, RATING_MIN, percentOf } from '@shared/domain/survey';
import { percentText } from '../format';

/** One bar: a label, a plain View as wide as its share, and the count with its percent said in words. */
function Bar({ label, count, percent, className }: { label: string; count: number; percent: number; className: string }) {
  return (
    <View className={`survey-bar ${className}`}>
      <View className='survey-bar__label'>
        <Text>{label}</Text>
        <Text className='survey-bar__figure'>
          {count}人 · {percentText(percent)}
        </Text>
      </View>
      <View className='survey-bar__track'>
        <View className='survey-bar__fill' style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </View>
    </View>
  );
}

function QuestionResultCard({ q, index }: { q: QuestionResult; index: number }) {
  return (
    <View className={`card survey-result survey-result--${q.key}`}>
      <Text className='survey-result__title'>
        {index + 1}. {q.title}
      </Text>
      <Text className='survey-result__meta'>
        {QUESTION_KIND_LABELS[q.kind]} · {q.answered}人作答
      </Text>
      {q.options.map((o) => (
        <Bar key={o.key} className={`survey-bar--${o.key}`} label={o.label} count={o.count} percent={o.percent} />
      ))}
      {q.kind === 'rating' ? (
        <>
          <Text className='survey-result__average'>平均 {q.average === null ? '—' : `${q.average} 分`}</Text>
          {q.distribution.map((count, i) => (
            <Bar key={i} className={`survey-bar--r${i + RATING_MIN}`} label={`${i + RATING_MIN}分`} count={count} percent={percentOf(count, q.answered)} />
          ))}
        </>
      ) : null}
      {q.kind === 'text' ? (
        q.texts.length ? (
          <View className='survey-texts'>
            {q.texts.map((t, i) => (
              <Text key={i} className='survey-texts__item'>
                {t.text}
                {t.by ? `（${t.by}）` : ''}
              </Text>
            ))}
          </View>
        ) : (
          <Text className='card__hint'>还没有人填写。</Text>
        )
      ) : null}
    </View>
  );
}

/** Turnout (answered / in audience) and every question's counts, percents and bars. */
export function ResultsView({ results }: { results: SurveyResultsView }) {
  return (
    <View className='survey-results'>
      <View className='card survey-turnout'>
        <Text className='card__label'>参与情况</Text>
        <Text className='survey-turnout__figure'>
          {results.answers} / {results.audienceSize} 人作答
        </Text>
        <View className='survey-bar__track'>
          <View className='survey-bar__fill' style={{ width: `${Math.min(100, results.turnout)}%` }} />
        </View>
        <Text className='survey-result__meta'>参与率 {percentText(results.turnout)}{results.closed ? ' · 已结束' : ' · 实时结果'}</Text>
      </View>
      {results.questions.map((q, i) => (
        <QuestionResultCard key={q.key} q={q} index={i} />
      ))}
    </View>
  );
}
