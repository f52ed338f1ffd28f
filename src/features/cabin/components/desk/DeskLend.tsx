import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import type { ItemSummaryView } from '@shared/domain/cabin';
import { cabinApi, newRequestId, type ItemFilter } from '../../api';
import { dueText, statusLabel } from '../../format';
import { useCabinItems } from '../../hooks';
import { Answer, useAction } from '../Answer';
import { SearchLine } from '../SearchLine';
import { Paged } from '../Paged';

/** 借出: find the item on the shelf, type the resident's phone, lend it (the same rules as borrowing oneself). */
export function DeskLend({ cabinId }: { cabinId: string }) {
  const [query, setQuery] = useState('');
  const filter = useMemo<ItemFilter>(() => ({ kind: 'loanable', query }), [query]);
  const items = useCabinItems(cabinId, filter);
  const [item, setItem] = useState<ItemSummaryView | null>(null);
  const [phone, setPhone] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const { busy, answer, run } = useAction();

  const lend = async () => {
    if (!item) return;
    const ok = await run('lend', async () => {
      const { loan } = await cabinApi.lend(item.id, phone.trim(), requestId);
      return `已把「${loan.itemName}」借给${loan.borrowerName ?? '这位居民'}，${dueText(loan)}`;
    });
    if (ok) {
      setItem(null);
      setPhone('');
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
          <FormField label={`把「${item.name}」借给（居民手机号）`} name='lendPhone'>
            <Input id='lend-phone' className='cabin-input' type='number' maxlength={11} value={phone} onInput={(e) => setPhone(e.detail.value)} />
          </FormField>
          <Button className='btn-lend' type='primary' size='large' block loading={busy === 'lend'} disabled={!!busy || phone.trim().length !== 11} onClick={() => void lend()}>
            借出
          </Button>
        </>
      ) : null}
      <Answer answer={answer} className='lend-answer' />
    </View>
  );
}
