import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { StatusTag } from '@/components/StatusTag';
import type { ItemView, SectionView } from '@shared/domain/cabin';
import { cabinApi, newRequestId, type ItemFilter } from '../../api';
import { itemFacts, statusLabel, statusTone } from '../../format';
import { useCabinItems } from '../../hooks';
import { Answer, useAction } from '../Answer';
import { ItemForm } from '../ItemForm';
import { SearchLine } from '../SearchLine';
import { Paged } from '../Paged';
import { ItemEditor } from './ItemEditor';

/** 物品: every item (retired too) with a search; add one, or open one to edit, restock, set its state. */
export function ManageItems({ cabinId, sections }: { cabinId: string; sections: SectionView[] }) {
  const [query, setQuery] = useState('');
  const filter = useMemo<ItemFilter>(() => ({ includeRetired: true, query }), [query]);
  const items = useCabinItems(cabinId, filter);
  const [editing, setEditing] = useState<ItemView | null>(null);
  const [adding, setAdding] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const [added, setAdded] = useState<string | null>(null);
  const open = useAction();

  if (editing) {
    return (
      <ItemEditor
        key={editing.id}
        item={editing}
        sections={sections}
        onChanged={setEditing}
        onClose={() => {
          setEditing(null);
          void items.refreshAfter();
        }}
      />
    );
  }
  return (
    <View className='manage-items'>
      <Button className='btn-add-item' type='primary' size='large' block onClick={() => setAdding(!adding)}>
        {adding ? '收起' : '添加物品'}
      </Button>
      {added ? <Answer answer={{ ok: true, text: added }} className='added-answer' /> : null}
      {adding ? (
        <View className='card'>
          <ItemForm
            id='new-item'
            sections={sections}
            initial={{}}
            submitLabel='上架'
            onSubmit={async (item) => {
              const res = await cabinApi.createItem(cabinId, item, requestId);
              setRequestId(newRequestId());
              setAdding(false);
              setAdded(`「${res.item.name}」已上架`);
              await items.refreshAfter();
            }}
          />
        </View>
      ) : null}
      <View className='card'>
        <SearchLine id='manage-search' onSearch={setQuery} />
      </View>
      <Answer answer={open.answer} className='open-answer' />
      <Paged list={items} empty='还没有物品，先添加一件吧。'>
        {items.items.map((item) => (
          <View
            key={item.id}
            className='card manage-item'
            data-item-id={item.id}
            onClick={() =>
              void open.run('open', async () => {
                setEditing((await cabinApi.item(item.id)).item);
                return '';
              })
            }
          >
            <Text className='cabin-row__title'>{item.name}</Text>
            <Text className='cabin-row__meta'>{itemFacts(item).join(' · ')}</Text>
            <View className='cabin-item__tags'>
              <StatusTag label={statusLabel(item.status)} tone={statusTone(item.status)} />
              {item.lowStock ? <StatusTag label='库存不多了' tone='danger' /> : null}
            </View>
          </View>
        ))}
      </Paged>
    </View>
  );
}
