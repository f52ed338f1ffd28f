import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ItemSummaryView, ResidentMatch } from '@shared/domain/cabin';
import { cabinApi, newRequestId, type ItemFilter } from '../../api';
import { dueText, statusLabel } from '../../format';
import { useCabinItems } from '../../hooks';
import { Answer, useAction } from '../Answer';
import { SearchLine } from '../SearchLine';
import { Paged } from '../Paged';
import { ResidentFinder } from './ResidentFinder';

/** 借出: find the item on the shelf and the resident, lend it (the same rules as borrowing oneself). */
export function DeskLend({ cabinId }: { cabinId: string }) {
  const [query, setQuery] = useState('');
  const filter = useMemo<ItemFilter>(() => ({ kind: 'loanable', query }), [query]);
  const items = useCabinItems(cabinId, filter);
  const [item, setItem] = useState<ItemSummaryView | null>(null);
  const [who, setWho] = useState<ResidentMatch | null>(null);
  const [requestId, setRequestId] = useState(newRequestId);
  const { busy, answer, run } = useAction();

  const lend = async () => {
    if (!item || !who) return;
    const ok = await run('lend', async () => {
      const { loan } = await cabinApi.lend(item.id, who.memberId, requestId);
      return `已把「${loan.itemName}」借给${who.name}，${dueText(loan)}`;
    });
    if (ok) {
      setItem(null);
      setWho(null);
      setRequestId(newRequestId());
      await items.refreshAfter();
    }
  };

  return (
    <View className='card desk-lend'>
      <View className='card__title'>借给居民</View>
      <SearchLine id='lend-search' onSearch={setQuery} />
      <Paged list={items} empty='没有找到这件物品。'>
        {items.items.map((it) => (
          <View key={it.id} className={`cabin-row lend-item${item?.id === it.id ? ' lend-item--on' : ''}`} data-item-id={it.id} onClick={() => setItem(it)}>
            <Text className='cabin-row__title'>
              {item?.id === it.id ? '✓ ' : ''}
              {it.name}
            </Text>
            <Text className='cabin-row__meta'>{it.availableNow ? '在架' : statusLabel(it.status)}</Text>
          </View>
        ))}
      </Paged>
      {item ? (
        <>
          <View className='card__title'>把「{item.name}」借给</View>
          <ResidentFinder cabinId={cabinId} value={who} onChange={setWho} />
          <Button className='btn-lend' type='primary' size='large' block loading={busy === 'lend'} disabled={!!busy || !who} onClick={() => void lend()}>
            {who ? `借给${who.name}` : '借出'}
          </Button>
        </>
      ) : null}
      <Answer answer={answer} className='lend-answer' />
    </View>
  );
}
