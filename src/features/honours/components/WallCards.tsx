import { Image, Text, View } from '@tarojs/components';
import type { WallHonour, WallMilestone } from '@shared/domain/honours';
import { formatShanghai } from '@shared/time';

export function HonourCard({ honour }: { honour: WallHonour }) {
  return (
    <View className='card honour-card' data-honour-id={honour.id}>
      <View className='honour-card__head'>
        <Text className='honour-card__title'>{honour.title}</Text>
        <Text className='honour-card__name'>{honour.name}</Text>
      </View>
      {honour.photoUrl ? <Image className='honour-card__photo' src={honour.photoUrl} mode='widthFix' /> : null}
      <Text className='honour-card__citation'>{honour.citation}</Text>
      <Text className='card__hint'>居委会 {formatShanghai(honour.awardedAt, 'YYYY年M月D日')} 表彰</Text>
    </View>
  );
}

export function MilestoneCard({ row }: { row: WallMilestone }) {
  return (
    <View className='card milestone-card'>
      <View className='honour-card__head'>
        <Text className='honour-card__name'>{row.name}</Text>
        {row.levelTitle ? <Text className='level-tag'>{row.levelTitle}</Text> : null}
      </View>
      <View className='badge-list'>
        {row.badges.map((b) => (
          <Text key={b.id} className='badge badge--earned'>
            {b.label}
          </Text>
        ))}
      </View>
    </View>
  );
}
