import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PendingImage, RefusedImagesNote } from '@/components/ImageReview';
import { StatusTag } from '@/components/StatusTag';
import { imageSrc } from '@/services/upload';
import type { RewardView } from '@shared/domain/shop';
import '../shop.scss';

export interface RewardCardProps {
  reward: RewardView;
  /** The caller may redeem (an echelon member); residents see the shelf without the button. */
  canRedeem: boolean;
  points: number;
  busy: boolean;
  onRedeem: (reward: RewardView) => void;
}

/** One reward on the shelf: what it is, who gives it, its price and what is left. */
export function RewardCard({ reward, canRedeem, points, busy, onRedeem }: RewardCardProps) {
  const soldOut = reward.stock <= 0;
  const short = points < reward.price;
  let label = '兑换';
  if (soldOut) label = '已兑完';
  else if (short) label = `还差 ${reward.price - points} 积分`;
  return (
    <View className='card reward-card' data-reward-id={reward.id}>
      {/* A new photo under check reaches the committee only (as 审核中); everyone else sees the approved one. */}
      {reward.pendingImages[0] ? (
        <PendingImage className='reward-card__photo' src={imageSrc(reward.pendingImages[0])} />
      ) : reward.photoUrl ? (
        <Image className='reward-card__photo' src={imageSrc(reward.photoUrl)} mode='aspectFill' />
      ) : null}
      <RefusedImagesNote count={reward.refusedImages} />
      <View className='reward-card__head'>
        <Text className='reward-card__name'>{reward.name}</Text>
        <View className='reward-card__tags'>
          {reward.partner ? <StatusTag label='友邻联盟' tone='success' /> : null}
          {reward.active ? null : <StatusTag label='已下架' tone='danger' />}
        </View>
      </View>
      <Text className='reward-card__giver'>提供：{reward.giver}</Text>
      {reward.description ? <Text className='reward-card__desc'>{reward.description}</Text> : null}
      <Text className='reward-card__price'>{reward.price} 积分</Text>
      <Text className='reward-card__meta'>{soldOut ? '暂时兑完了' : `还剩 ${reward.stock} 份`}</Text>
      {canRedeem ? (
        <View className='reward-card__actions'>
          <Button
            className='btn-redeem'
            type='primary'
            size='large'
            block
            loading={busy}
            disabled={busy || soldOut || short}
            onClick={() => onRedeem(reward)}
          >
            {label}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
