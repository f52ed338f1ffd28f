import { Text, View } from '@tarojs/components';
import type { MonthTotals } from '@shared/domain/ledger';
import { formatHours } from '@shared/rules/hours';
import { monthLabel } from '../format';
import '../ledger.scss';

/** Hours and points per month (Shanghai months), newest first. */
export function MonthSummary({ months }: { months: MonthTotals[] }) {
  return (
    <View className='card ledger-months'>
      <Text className='card__title'>每月小结</Text>
      {months.length === 0 ? <Text className='card__hint'>最近一年还没有记录</Text> : null}
      {months.map((m) => (
        <View key={m.month} className='card__row ledger-month' data-month={m.month}>
          <Text className='ledger-month__name'>{monthLabel(m.month)}</Text>
          <Text className='ledger-month__value'>
            {formatHours(m.halfHours)} · {m.points} 积分
          </Text>
        </View>
      ))}
    </View>
  );
}
