import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import type { SurveySummaryView } from '@shared/domain/survey';
import { stateTag, whenText } from '../format';
import { SURVEY_PAGES } from '../routes';

/**
 * A survey in a list: title, state, who is asked, its times and whether the caller answered. Tapping opens the
 * questionnaire, or its results once it is closed; `manage` opens a draft in the editor.
 */
export function SurveyCard({ survey, nowMs, manage }: { survey: SurveySummaryView; nowMs: number; manage?: boolean }) {
  const tag = stateTag(survey, nowMs);
  const url = manage && survey.state === 'draft' ? SURVEY_PAGES.edit(survey.id) : survey.state === 'closed' ? SURVEY_PAGES.results(survey.id) : SURVEY_PAGES.answer(survey.id);
  return (
    <View className={`card survey-card survey-card--${survey.state}`} data-survey-id={survey.id} onClick={() => void Taro.navigateTo({ url })}>
      <View className='survey-card__head'>
        <Text className='survey-card__title'>{survey.title}</Text>
        <StatusTag className='survey-state' label={tag.label} tone={tag.tone} />
      </View>
      <Text className='survey-card__meta'>
        {survey.audienceText} · {survey.anonymous ? '匿名' : '记名'}
      </Text>
      <Text className='survey-card__meta'>
        {whenText(survey.opensAt)} 至 {whenText(survey.closesAt)}
      </Text>
      {survey.state !== 'draft' ? (
        <Text className={`survey-card__answered${survey.answered ? ' survey-card__answered--yes' : ''}`}>
          {survey.answered ? '✓ 你已作答' : survey.canAnswer ? '还没作答，点开来答' : survey.state === 'closed' ? '点开看结果' : '你不用作答'}
        </Text>
      ) : null}
    </View>
  );
}
