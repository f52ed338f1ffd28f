import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { CABIN_PAGES, type ItemFilter } from '../../api';
import { useCabinItems } from '../../hooks';
import { LinkButton } from '@/components/LinkButton';
import { Paged } from '../Paged';

/** 库存: the consumables at or below their threshold, to restock on the manage page. */
export function DeskStock({ cabinId }: { cabinId: string }) {
  const filter = useMemo<ItemFilter>(() => ({ kind: 'consumable' }), []);
  const items = useCabinItems(cabinId, filter);
  const low = items.items.filter((i) => i.lowStock);
  return (
    <View className='card desk-stock'>
      <View className='card__title'>库存不多的</View>
      <Paged list={items} empty='还没有可领取的物品。'>
        {items.last && low.length === 0 && items.items.length > 0 ? <Text className='card__hint cabin-empty'>库存都还够。</Text> : null}
        {low.map((i) => (
          <View key={i.id} className='cabin-row low-stock-item' data-item-id={i.id}>
            <Text className='cabin-row__title cabin-overdue'>{i.name}</Text>
            <Text className='cabin-row__meta'>
              剩 {i.stock} {i.unit ?? '个'}
            </Text>
          </View>
        ))}
      </Paged>
      <LinkButton className='btn-to-manage' type='default' url={CABIN_PAGES.manage(cabinId)}>
        去补充库存
      </LinkButton>
    </View>
  );
}
