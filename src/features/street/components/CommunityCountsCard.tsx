import { Text, View } from '@tarojs/components';
import type { CommunityCounts } from '@shared/domain/street';

/** One big number with its label. */
export const Figure = ({ label, value, name }: { label: string; value: number; name: string }) => (
  <View className={`street-figure street-figure--${name}`}>
    <Text className='street-figure__value'>{value}</Text>
    <Text className='street-figure__label'>{label}</Text>
  </View>
);

/** One 居民区 at a glance: people, members, applications, grids, and members per council. */
export function CommunityCountsCard({ community }: { community: CommunityCounts }) {
  return (
    <View className='card community-counts' data-community-id={community.id}>
      <View className='card__title'>
        <Text>{community.name}</Text>
      </View>
      <View className='street-figures'>
        <Figure name='residents' label='在册居民' value={community.residents} />
        <Figure name='members' label='梯队成员' value={community.members} />
        <Figure name='pending' label='待审核' value={community.pending} />
        <Figure name='grids' label='微格' value={community.grids} />
      </View>
      <View className='council-counts' role='list'>
        {community.councils.map((c) => (
          <View key={c.id} className='council-count' role='listitem' data-council-id={c.id}>
            <Text className='council-count__name'>{c.name}</Text>
            <Text className='council-count__value'>{c.members} 人</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
