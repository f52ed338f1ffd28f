import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SimilarReportView } from '@shared/domain/report';
import { stateLabel, whenText } from '../format';

export interface SimilarReportsProps {
  items: readonly SimilarReportView[];
  busyId: string | null;
  onJoin: (id: string) => void;
}

/**
 * 已有邻居上报: open reports of the same kind at the same place, without who sent them. 我也遇到了 follows one
 * instead of filing a second.
 */
export function SimilarReports({ items, busyId, onJoin }: SimilarReportsProps) {
  if (!items.length) return null;
  return (
    <View className='card report-similar'>
      <View className='card__title'>已有邻居上报</View>
      <Text className='card__hint'>同一个地方的同类问题已经有人报了。点“我也遇到了”，处理进展也会告诉你。</Text>
      {items.map((s) => (
        <View key={s.id} className='report-similar__item' data-report-id={s.id}>
          <Text className='report-card__meta'>
            {whenText(s.filedAt)} 上报 · {stateLabel(s.state)}
            {s.followers > 0 ? ` · ${s.followers}位邻居也遇到了` : ''}
          </Text>
          {s.excerpt ? <Text className='report-card__meta'>{s.excerpt}</Text> : null}
          {s.mine ? (
            <Text className='report-similar__mine'>你已经在关注这条上报</Text>
          ) : (
            <Button className='btn-report-join' type='primary' fill='outline' size='large' block loading={busyId === s.id} disabled={!!busyId} onClick={() => onJoin(s.id)}>
              我也遇到了
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
