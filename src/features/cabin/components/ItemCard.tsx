import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import type { ItemSummaryView } from '@shared/domain/cabin';
import { CABIN_PAGES } from '../api';
import { itemFacts, statusLabel, statusTone } from '../format';
import { imageSrc } from '@/services/upload';

/** An item in a list: photo, name, kind, section, what is left and what can be done now; tapping opens it. */
export function ItemCard({ item }: { item: ItemSummaryView }) {
  return (
    <View className='card cabin-item cabin-item-card' data-item-id={item.id} onClick={() => void Taro.navigateTo({ url: CABIN_PAGES.item(item.id) })}>
      {item.photo ? <Image className='cabin-item__photo' src={imageSrc(item.photo)} mode='aspectFill' /> : null}
      <View className='cabin-item__body'>
        <Text className='cabin-item__name'>{item.name}</Text>
        <Text className='cabin-item__meta'>{itemFacts(item).join(' · ')}</Text>
        <View className='cabin-item__tags'>
          <StatusTag label={statusLabel(item.status)} tone={statusTone(item.status)} />
          {item.shelf.label ? <StatusTag label={item.shelf.label} tone={item.shelf.chance === 'now' ? 'success' : 'neutral'} className='tag-shelf' /> : null}
          {item.lowStock ? <StatusTag label='库存不多了' tone='danger' className='tag-low-stock' /> : null}
        </View>
      </View>
    </View>
  );
}
