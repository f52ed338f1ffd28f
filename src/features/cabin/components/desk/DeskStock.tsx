import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { CABIN_PAGES, type ItemFilter } from '../../api';
import { useCabinItems } from '../../hooks';
import { Paged } from '../Paged';
import { RemindMe } from '../RemindMe';

/** 库存: the consumables at or below their threshold, to restock on the manage page. */
export function DeskStock({ cabinId }: { cabinId: string }) {
  const filter = useMemo<ItemFilter>(() => ({ kind: 'consumable', lowStockOnly: true }), []);
  const items = useCabinItems(cabinId, filter);
  return (
    <View className='card desk-stock'>
      <View className='card__title'>库存不多的</View>
      <Paged list={items} empty='库存都还够。'>
        {items.items.map((i) => (
          <View key={i.id} className='cabin-row low-stock-item' data-item-id={i.id}>
            <Text className='cabin-row__title cabin-overdue'>{i.name}</Text>
            <Text className='cabin-row__meta'>
              剩 {i.stock} {i.unit ?? '个'}
            </Text>
          </View>
        ))}
      </Paged>
      <RemindMe templates={['stock-low']} label='库存不多时提醒我' allowed='好的，库存降到提醒数量时会通过微信告诉你' />
      <LinkButton className='btn-to-manage' type='default' url={CABIN_PAGES.manage(cabinId)}>
        去补充库存
      </LinkButton>
    </View>
  );
}
