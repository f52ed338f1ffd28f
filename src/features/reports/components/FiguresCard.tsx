import { Text, View } from '@tarojs/components';
import type { ReportFigures } from '@shared/domain/report';
import { hoursText, minutesText, shareText, starsText } from '../format';

const Figure = ({ name, label, value }: { name: string; label: string; value: string | number }) => (
  <View className={`report-figure report-figure--${name}`}>
    <Text className='report-figure__value'>{value}</Text>
    <Text className='report-figure__label'>{label}</Text>
  </View>
);

/** A month's figures of a 居民区: counts, medians, the shares met in time, reopen rate and satisfaction. */
export function FiguresCard({ figures, title, breakdown = true }: { figures: ReportFigures; title?: string; breakdown?: boolean }) {
  return (
    <View className='card report-figures'>
      {title ? <View className='card__title'>{title}</View> : null}
      <View className='report-figures__grid'>
        <Figure name='filed' label='上报' value={figures.filed} />
        <Figure name='closed' label='办结' value={figures.closed} />
        <Figure name='open' label='未办结' value={figures.open} />
        <Figure name='overdue' label='现在超时' value={figures.overdueNow} />
        <Figure name='response' label='响应用时（中位数）' value={minutesText(figures.medianResponseMinutes)} />
        <Figure name='resolution' label='办结用时（中位数）' value={hoursText(figures.medianResolutionHours)} />
        <Figure name='responded' label='按时响应' value={shareText(figures.respondedInTime)} />
        <Figure name='resolved' label='按时办结' value={shareText(figures.resolvedInTime)} />
        <Figure name='reopen' label='重新处理' value={shareText(figures.reopenRate)} />
        <Figure name='satisfaction' label='满意度（平均星级）' value={starsText(figures.satisfaction)} />
      </View>
      {breakdown ? (
        <>
          <Text className='card__label'>按类别</Text>
          {figures.byCategory.map((c) => (
            <View key={c.key} className='report-figures__row' data-category={c.key}>
              <Text>{c.name}</Text>
              <Text>{c.count}</Text>
            </View>
          ))}
          <Text className='card__label'>按微格</Text>
          {figures.byGrid.map((g) => (
            <View key={g.gridId ?? 'none'} className='report-figures__row' data-grid-id={g.gridId ?? ''}>
              <Text>{g.name}</Text>
              <Text>{g.count}</Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}
