import { Text, View } from '@tarojs/components';
import type { LedgerTotals } from '@shared/domain/ledger';
import { formatHours } from '@shared/rules/hours';
import '../ledger.scss';

/** Service hours and points, large. */
export function TotalsCard({ totals, title }: { totals: LedgerTotals; title?: string }) {
  return (
    <View className='card ledger-totals'>
      {title ? <Text className='card__title ledger-totals__title'>{title}</Text> : null}
      <View className='ledger-totals__figures'>
        <View className='ledger-figure ledger-figure--hours'>
          <Text className='ledger-figure__value'>{formatHours(totals.halfHours)}</Text>
          <Text className='ledger-figure__label'>服务时长</Text>
        </View>
        <View className='ledger-figure ledger-figure--points'>
          <Text className='ledger-figure__value'>{totals.points}</Text>
          <Text className='ledger-figure__label'>积分</Text>
        </View>
      </View>
    </View>
  );
}
