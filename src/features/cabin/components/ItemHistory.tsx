import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { HISTORY_LABELS } from '@shared/domain/cabin';
import { dayTime } from '../format';
import { useItemHistory } from '../hooks';

/** What happened to an item, newest first: lent, returned, restocked… (names only for keepers, from the function). */
export function ItemHistory({ itemId }: { itemId: string }) {
  const history = useItemHistory(itemId);
  if (history.error || (history.last && history.items.length === 0)) return null;
  return (
    <View className='card cabin-history'>
      <View className='card__title'>物品记录</View>
      {history.items.map((h) => (
        <View key={h.id} className='cabin-row cabin-history-row' data-kind={h.kind}>
          <Text className='cabin-row__title'>
            {HISTORY_LABELS[h.kind]}
            {h.delta !== null ? ` ${h.delta > 0 ? '+' : ''}${h.delta}` : ''}
            {h.memberName ? ` · ${h.memberName}` : ''}
          </Text>
          <Text className='cabin-row__meta'>
            {dayTime(h.at)}
            {h.note ? ` · ${h.note}` : ''}
          </Text>
        </View>
      ))}
      {history.hasMore ? (
        <Button className='btn-load-more-history' type='default' size='large' block disabled={history.loading} onClick={history.loadMore}>
          更早的记录
        </Button>
      ) : null}
    </View>
  );
}
