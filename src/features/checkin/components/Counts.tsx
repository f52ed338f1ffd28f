import { Text, View } from '@tarojs/components';
import type { AttendanceCounts } from '@shared/domain/checkin';

const ITEMS: { key: keyof AttendanceCounts; label: string }[] = [
  { key: 'present', label: '在场' },
  { key: 'left', label: '已签退' },
  { key: 'absent', label: '未到' },
  { key: 'walkIns', label: '临时参加' },
];

/** The live count: who is in, who has left, who has not come. */
export function Counts({ counts }: { counts: AttendanceCounts }) {
  return (
    <View className='checkin-counts'>
      {ITEMS.map((item) => (
        <View key={item.key} className={`checkin-count checkin-count--${item.key}`}>
          <Text className='checkin-count__value'>{counts[item.key]}</Text>
          <Text className='checkin-count__label'>{item.label}</Text>
        </View>
      ))}
      <Text className='checkin-counts__expected'>报名 {counts.expected} 人</Text>
    </View>
  );
}
