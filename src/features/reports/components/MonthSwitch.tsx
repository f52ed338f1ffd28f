import { Text, View } from '@tarojs/components';
import { monthLabel, shiftMonth } from '@/features/ledger/format';

/** The month of the figures: back one, forward one up to this month (tapped, never typed). */
export function MonthSwitch({ month, thisMonth, onChange }: { month: string; thisMonth: string; onChange: (month: string) => void }) {
  return (
    <View className='card report-month'>
      <View className='link-btn btn-prev-month' role='button' onClick={() => onChange(shiftMonth(month, -1))}>
        <Text>‹ 上个月</Text>
      </View>
      <Text className='report-month__label'>{monthLabel(month)}</Text>
      {month < thisMonth ? (
        <View className='link-btn btn-next-month' role='button' onClick={() => onChange(shiftMonth(month, 1))}>
          <Text>下个月 ›</Text>
        </View>
      ) : (
        <Text className='card__hint'>本月</Text>
      )}
    </View>
  );
}
