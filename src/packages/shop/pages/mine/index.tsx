import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { shopApi } from '@/features/shop/api';
import { RedemptionCard } from '@/features/shop/components/RedemptionCard';
import { useMyRedemptions } from '@/features/shop/hooks';
import '@/features/shop/shop.scss';
import { errorText } from '@/services/cloud';
import type { RedemptionView } from '@shared/domain/shop';
import { LoadMore } from '@/components/LoadMore';

/** 我的兑换: the member's redemptions, newest first; an unused one shows its code large, with a scannable code on request. */
export default function MyRedemptionsPage() {
  const list = useMyRedemptions();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [qr, setQr] = useState<Record<string, string>>({});

  const run = async (r: RedemptionView, work: () => Promise<void>) => {
    setBusyId(r.id);
    setActionError(null);
    try {
      await work();
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const showQr = (r: RedemptionView) =>
    run(r, async () => {
      const { image } = await shopApi.codeImage(r.id);
      setQr((prev) => ({ ...prev, [r.id]: image }));
    });

  const cancel = async (r: RedemptionView) => {
    const { confirm } = await Taro.showModal({ title: '取消兑换', content: `取消后 ${r.price} 积分会退回给您。确定取消吗？`, confirmText: '取消兑换', cancelText: '再想想' });
    if (!confirm) return;
    await run(r, async () => {
      await shopApi.cancel(r.id);
      void Taro.showToast({ title: '已取消，积分已退回', icon: 'none', duration: 1500 });
      await list.refreshAfter();
    });
  };

  return (
    <PageShell
      className={`page-shop-mine${busyId || list.loading ? ' is-busy' : ''}`}
      title='我的兑换'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      {actionError ? (
        <View className='inline-error shop-action-error' role='alert'>
          {actionError}
        </View>
      ) : null}
      {!list.loading && !list.error && list.items.length === 0 ? <Text className='card__hint'>还没有兑换过。去积分超市看看吧。</Text> : null}
      {list.items.map((r) => (
        <RedemptionCard
          key={r.id}
          redemption={r}
          viewer='owner'
          busy={busyId === r.id}
          qrImage={qr[r.id] ?? null}
          onShowQr={(x) => void showQr(x)}
          onCancel={(x) => void cancel(x)}
        />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
