import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { newRequestId, SHOP_PAGES, shopApi } from '@/features/shop/api';
import { RewardCard } from '@/features/shop/components/RewardCard';
import { useRewards } from '@/features/shop/hooks';
import '@/features/shop/shop.scss';
import { errorText } from '@/services/cloud';
import type { RewardView } from '@shared/domain/shop';
import { LoadMore } from '@/components/LoadMore';

/** 积分超市: the shelf of the caller's 居民区; a member redeems with one confirmed tap and goes to the code. */
export default function ShopListPage() {
  const list = useRewards();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // One request id per reward until that redemption succeeds: a retried or doubled tap redeems once.
  const [requests, setRequests] = useState<Record<string, string>>({});
  const info = list.last;

  const redeem = async (reward: RewardView) => {
    const { confirm } = await Taro.showModal({ title: '确认兑换', content: `用 ${reward.price} 积分兑换“${reward.name}”？`, confirmText: '兑换' });
    if (!confirm) return;
    const requestId = requests[reward.id] ?? newRequestId();
    setRequests((prev) => ({ ...prev, [reward.id]: requestId }));
    setBusyId(reward.id);
    setActionError(null);
    try {
      await shopApi.redeem(reward.id, requestId);
      setRequests((prev) => Object.fromEntries(Object.entries(prev).filter(([id]) => id !== reward.id)));
      void Taro.showToast({ title: '兑换成功', icon: 'success', duration: 1500 });
      void list.refreshAfter();
      void Taro.navigateTo({ url: SHOP_PAGES.mine });
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <PageShell
      className={`page-shop-list${busyId || list.loading ? ' is-busy' : ''}`}
      title='积分超市'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      {info ? (
        <View className='card shop-points'>
          <Text>我的积分</Text>
          <Text className='shop-points__value'>{info.points}</Text>
        </View>
      ) : null}
      <View className='card__hint shop-motto'>
        <Text>以精神奖励为主、物质奖励为辅。谢谢您为邻里出的每一份力。</Text>
      </View>
      {info && !info.canRedeem ? (
        <View className='card council-hint shop-join-hint'>
          <Text>加入第二梯队后，参加服务攒积分，就能在这里兑换。</Text>
        </View>
      ) : null}
      <View className='shop-links'>
        {info?.canRedeem ? (
          <LinkButton className='btn-my-redemptions' type='default' url={SHOP_PAGES.mine}>
            我的兑换
          </LinkButton>
        ) : null}
        {info?.canVerify ? (
          <LinkButton className='btn-open-verify' type='default' url={SHOP_PAGES.verify}>
            核销兑换码
          </LinkButton>
        ) : null}
      </View>
      {actionError ? (
        <View className='inline-error shop-action-error' role='alert'>
          {actionError}
        </View>
      ) : null}
      {info && list.items.length === 0 ? <Text className='card__hint'>货架上还没有奖品，居委正在准备。</Text> : null}
      {list.items.map((reward) => (
        <RewardCard key={reward.id} reward={reward} canRedeem={Boolean(info?.canRedeem)} points={info?.points ?? 0} busy={busyId === reward.id} onRedeem={(r) => void redeem(r)} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
