import { Image, Text, View } from '@tarojs/components';
import { imageSrc } from '@/services/upload';
import type { ReportStepView } from '@shared/domain/report';
import { isOverdueStep, STEP_LABELS, whenText } from '../format';

/** Every step of a report, oldest first: what happened, who (staff as role and surname) and when, photos, visits. */
export function Timeline({ steps }: { steps: readonly ReportStepView[] }) {
  return (
    <View className='card report-timeline'>
      <View className='card__title'>处理进度</View>
      {steps.map((step, i) => (
        <View key={`${step.kind}-${step.at}-${i}`} className={`report-step report-step--${step.kind}${isOverdueStep(step.kind) ? ' report-step--overdue' : ''}`}>
          <Text className='report-step__title'>{STEP_LABELS[step.kind]}</Text>
          <Text className='report-step__meta'>
            {whenText(step.at)} · {step.by}
          </Text>
          {step.visit ? (
            <Text className='report-step__text'>
              走访时间：{whenText(step.visit.at)}；走访对象：{step.visit.whom}；情况：{step.visit.found}
            </Text>
          ) : null}
          {step.text ? <Text className='report-step__text'>{step.text}</Text> : null}
          {step.photos.length ? (
            <View className='report-photos'>
              {step.photos.map((p) => (
                <Image key={p} className='report-photos__img' src={imageSrc(p)} mode='aspectFill' />
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
