import { Text, View } from '@tarojs/components';
import type { ReportRow } from '@shared/domain/ledger';
import { formatHours } from '@shared/rules/hours';
import '../ledger.scss';

/** One table of the monthly report: a row per council or grid. */
export function ReportTable({ name, title, rows, note }: { name: string; title: string; rows: ReportRow[]; note?: string }) {
  return (
    <View className={`card report-table report-table--${name}`}>
      <Text className='card__title'>{title}</Text>
      <View className='report-row report-row--head'>
        <Text className='report-row__name'>名称</Text>
        <Text className='report-row__num'>人数</Text>
        <Text className='report-row__num'>时长</Text>
        <Text className='report-row__num'>积分</Text>
      </View>
      {rows.map((r) => (
        <View key={r.id || 'none'} className='report-row' data-id={r.id}>
          <Text className='report-row__name'>{r.name}</Text>
          <Text className='report-row__num'>{r.members}</Text>
          <Text className='report-row__num'>{formatHours(r.halfHours)}</Text>
          <Text className='report-row__num report-row__points'>{r.points}</Text>
        </View>
      ))}
      {note ? <Text className='card__hint'>{note}</Text> : null}
    </View>
  );
}
