import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatShanghai } from '@shared/time';
import { MOVEMENT_LABELS, type RewardView } from '@shared/domain/shop';
import { useMovements } from '../hooks';
import { RewardCard } from './RewardCard';
import '../shop.scss';

export interface RewardAdminRowProps {
  reward: RewardView;
  busy: boolean;
  onEdit: (reward: RewardView) => void;
  onRestock: (reward: RewardView, quantity: number) => void;
  onRetire: (reward: RewardView) => void;
  onRestore: (reward: RewardView) => void;
}

/** The stock history of one reward: every movement, newest first. */
function Movements({ rewardId }: { rewardId: string }) {
  const list = useMovements(rewardId);
  if (list.error) return <Text className='inline-error'>{list.error}</Text>;
  return (
    <View className='movements'>
      {list.items.map((m) => (
        <Text key={m.id} className='movement-line'>
          {formatShanghai(m.at)} {MOVEMENT_LABELS[m.kind]} {m.delta > 0 ? `+${m.delta}` : m.delta}
          {m.byName ? `（${m.byName}）` : ''}
        </Text>
      ))}
      {list.hasMore ? (
        <View className='link-btn btn-more-movements' role='button' onClick={list.loadMore}>
          <Text>更多记录</Text>
        </View>
      ) : null}
    </View>
  );
}

/** A reward on the committee's page: its card, then restock, edit, retire or restore, and its stock history. */
export function RewardAdminRow({ reward, busy, onEdit, onRestock, onRetire, onRestore }: RewardAdminRowProps) {
  const [quantity, setQuantity] = useState('');
  const [history, setHistory] = useState(false);
  return (
    <View className='shop-admin-row' data-reward-id={reward.id}>
      <RewardCard reward={reward} canRedeem={false} points={0} busy={false} onRedeem={() => undefined} />
      {reward.keepers?.length ? <Text className='reward-card__meta'>店家核销人：{reward.keepers.map((k) => k.name).join('、')}</Text> : null}
      <View className='shop-admin-row__restock'>
        <Input id={`restock-${reward.id}`} className='shop-input' type='number' value={quantity} placeholder='补货数量' onInput={(e) => setQuantity(e.detail.value)} />
        <Button
          className='btn-restock'
          type='primary'
          disabled={busy || !quantity}
          onClick={() => {
            onRestock(reward, Number(quantity));
            setQuantity('');
          }}
        >
          补货
        </Button>
      </View>
      <View className='shop-admin-row__actions'>
        <View className='link-btn btn-edit-reward' role='button' onClick={() => onEdit(reward)}>
          <Text>编辑</Text>
        </View>
        <View className='link-btn btn-movements' role='button' onClick={() => setHistory((v) => !v)}>
          <Text>{history ? '收起库存记录' : '库存记录'}</Text>
        </View>
        {reward.active ? (
          <View className='link-btn btn-retire-reward' role='button' onClick={() => !busy && onRetire(reward)}>
            <Text>下架</Text>
          </View>
        ) : (
          <View className='link-btn btn-restore-reward' role='button' onClick={() => !busy && onRestore(reward)}>
            <Text>重新上架</Text>
          </View>
        )}
      </View>
      {history ? <Movements key={`${reward.id}-${reward.stock}`} rewardId={reward.id} /> : null}
    </View>
  );
}
