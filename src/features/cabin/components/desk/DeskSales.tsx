import { useMemo, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatFen, type ItemSummaryView } from '@shared/domain/cabin';
import { cabinApi, newRequestId, type ItemFilter } from '../../api';
import { dayTime, yuanToFen } from '../../format';
import { useCabinItems, useSales } from '../../hooks';
import { Answer, useAction } from '../Answer';
import { Paged } from '../Paged';

function SaleRow({ item, onSold }: { item: ItemSummaryView; onSold: () => void }) {
  const [price, setPrice] = useState(item.priceFen !== null ? (item.priceFen / 100).toString() : '');
  const [requestId] = useState(newRequestId);
  const { busy, answer, run } = useAction();
  const sell = async () => {
    const ok = await run('sell', async () => {
      const priceFen = yuanToFen(price);
      if (priceFen === null) throw new Error('价格请填写数字');
      const { sale } = await cabinApi.recordSale({ itemId: item.id, priceFen, note: '', requestId });
      return `已记录：「${sale.itemName}」售出 ${formatFen(sale.priceFen)}`;
    });
    if (ok) onSold();
  };
  return (
    <View className='cabin-row sale-item' data-item-id={item.id}>
      <Text className='cabin-row__title'>{item.name}</Text>
      <Text className='cabin-row__meta'>标价 {item.priceFen !== null ? formatFen(item.priceFen) : '—'}，成交价（元）：</Text>
      <Input className='cabin-input sale-price' type='digit' value={price} onInput={(e) => setPrice(e.detail.value)} />
      <Button className='btn-record-sale' type='primary' size='large' block loading={busy === 'sell'} disabled={!!busy} onClick={() => void sell()}>
        记录售出
      </Button>
      <Answer answer={answer} className='sale-answer' />
    </View>
  );
}

/** 义卖: the sale items still on the shelf, each recorded once when sold; the recent sales with their proceeds. */
export function DeskSales({ cabinId }: { cabinId: string }) {
  const filter = useMemo<ItemFilter>(() => ({ kind: 'sale', availableNow: true }), []);
  const items = useCabinItems(cabinId, filter);
  const sales = useSales(cabinId);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <View className='card desk-sales'>
        <View className='card__title'>爱心义卖</View>
        {done ? <Answer answer={{ ok: true, text: done }} className='sold-answer' /> : null}
        <Paged list={items} empty='架上没有待售的义卖品。'>
          {items.items.map((item) => (
            <SaleRow
              key={item.id}
              item={item}
              onSold={() => {
                setDone(`「${item.name}」已记录售出`);
                void items.refreshAfter((i) => i.id === item.id);
                void sales.reload();
              }}
            />
          ))}
        </Paged>
      </View>
      <View className='card desk-sale-records'>
        <View className='card__title'>义卖记录</View>
        <Paged list={sales} empty='还没有义卖记录。'>
          {sales.items.map((s) => (
            <View key={s.id} className='cabin-row sale-record' data-sale-id={s.id}>
              <Text className='cabin-row__title'>
                {s.itemName} {formatFen(s.priceFen)}
              </Text>
              <Text className='cabin-row__meta'>
                {dayTime(s.soldAt)} · {s.soldByName}
                {s.note ? ` · ${s.note}` : ''}
              </Text>
            </View>
          ))}
        </Paged>
      </View>
    </>
  );
}
