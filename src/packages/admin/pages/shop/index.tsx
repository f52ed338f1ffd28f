import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { newRequestId, SHOP_PAGES, shopApi } from '@/features/shop/api';
import { RedemptionCard } from '@/features/shop/components/RedemptionCard';
import { RewardAdminRow } from '@/features/shop/components/RewardAdminRow';
import { RewardForm, type RewardFormValues } from '@/features/shop/components/RewardForm';
import { useRedemptions, useRewards } from '@/features/shop/hooks';
import '@/features/shop/shop.scss';
import { useFormErrors } from '@/hooks/useFormErrors';
import { CloudCallError, errorText } from '@/services/cloud';
import { REDEMPTION_STATUS_LABELS, type RedemptionStatus, type RedemptionView, type RewardView } from '@shared/domain/shop';
import { LoadMore } from '@/components/LoadMore';

/** The reward form's fields in page order. */
const REWARD_FIELDS = ['name', 'description', 'price', 'stock', 'giver', 'photoUrl', 'keeperPhones'];

const STATUS_OPTIONS = [{ value: 'all', label: '全部' }, ...(['pending', 'used', 'cancelled'] as const).map((s) => ({ value: s, label: REDEMPTION_STATUS_LABELS[s] }))];

/** 积分超市管理: the committee lists, edits, restocks and retires rewards, and sees and cancels redemptions. */
export default function AdminShopPage() {
  const rewards = useRewards(true);
  const [status, setStatus] = useState<RedemptionStatus | null>(null);
  const redemptions = useRedemptions(status);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const form = useFormErrors({ fields: REWARD_FIELDS });
  const [createId, setCreateId] = useState(newRequestId);
  const [formKey, setFormKey] = useState(0);
  const [editing, setEditing] = useState<RewardView | null>(null);
  const [restockIds, setRestockIds] = useState<Record<string, string>>({});

  const run = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusyId(id);
    setActionError(null);
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      await rewards.refreshAfter();
      return true;
    } catch (err) {
      setActionError(errorText(err));
      return false;
    } finally {
      setBusyId(null);
    }
  };

  const save = async (values: RewardFormValues) => {
    setBusyId('form');
    form.reset();
    try {
      const { stock, ...fields } = values;
      if (editing) await shopApi.update({ rewardId: editing.id, ...fields });
      else await shopApi.create({ ...fields, stock, requestId: createId });
      void Taro.showToast({ title: editing ? '已保存' : '已上架', icon: 'success', duration: 1500 });
      setEditing(null);
      setCreateId(newRequestId());
      setFormKey((k) => k + 1);
      await rewards.refreshAfter();
    } catch (err) {
      // A message for the whole call (a refused text, a full stock) is said under 名称, at the top of the form.
      form.fail(err, err instanceof CloudCallError && err.fields ? {} : { name: errorText(err) });
    } finally {
      setBusyId(null);
    }
  };

  // One request id per reward until its restock lands: a retried tap adds the stock once.
  const restock = (reward: RewardView, quantity: number) => {
    const requestId = restockIds[reward.id] ?? newRequestId();
    setRestockIds((prev) => ({ ...prev, [reward.id]: requestId }));
    void run(reward.id, () => shopApi.restock(reward.id, quantity, requestId), '已补货').then((ok) => {
      if (ok) setRestockIds((prev) => Object.fromEntries(Object.entries(prev).filter(([id]) => id !== reward.id)));
    });
  };

  const cancel = async (r: RedemptionView) => {
    const { confirm } = await Taro.showModal({ title: '取消兑换', content: `取消后 ${r.price} 积分退回给${r.memberName}，库存加回1份。`, confirmText: '取消兑换', cancelText: '再想想' });
    if (!confirm) return;
    setBusyId(r.id);
    setActionError(null);
    try {
      await shopApi.cancel(r.id);
      void Taro.showToast({ title: '已取消', icon: 'success', duration: 1500 });
      await Promise.all([redemptions.refreshAfter(), rewards.refreshAfter()]);
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const busy = Boolean(busyId) || rewards.loading || redemptions.loading;

  return (
    <PageShell
      className={`page-admin-shop${busy ? ' is-busy' : ''}`}
      title='积分超市管理'
      loading={rewards.loading && rewards.items.length === 0 && !rewards.error}
      error={rewards.items.length === 0 ? rewards.error : null}
      onRetry={() => void rewards.reload()}
    >
      <View className='shop-links'>
        <LinkButton className='btn-open-verify' type='default' url={SHOP_PAGES.verify}>
          核销兑换码
        </LinkButton>
      </View>
      <View className='card reward-create'>
        <View className='card__title'>{editing ? `编辑：${editing.name}` : '上架新奖品'}</View>
        <RewardForm
          key={editing ? `edit-${editing.id}` : `new-${formKey}`}
          reward={editing ?? undefined}
          submitting={busyId === 'form'}
          errors={form.errors}
          onSubmit={(v) => void save(v)}
          onCancel={editing ? () => setEditing(null) : undefined}
        />
      </View>
      {actionError ? (
        <View className='inline-error shop-action-error' role='alert'>
          {actionError}
        </View>
      ) : null}
      <View className='card__title'>货架</View>
      {rewards.items.map((reward) => (
        <RewardAdminRow
          key={reward.id}
          reward={reward}
          busy={busyId === reward.id}
          onEdit={(r) => {
            form.reset();
            setEditing(r);
            void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
          }}
          onRestock={restock}
          onRetire={(r) => void run(r.id, () => shopApi.retire(r.id), '已下架')}
          onRestore={(r) => void run(r.id, () => shopApi.restore(r.id), '已重新上架')}
        />
      ))}
      <LoadMore list={rewards} label='加载更多奖品' />
      <View className='card__title'>兑换记录</View>
      <View className='status-filter'>
        <ChoiceChips id='redemption-status' single options={STATUS_OPTIONS} value={[status ?? 'all']} onChange={(v) => setStatus(v[0] === 'all' ? null : (v[0] as RedemptionStatus))} />
      </View>
      {redemptions.error ? <Text className='inline-error'>{redemptions.error}</Text> : null}
      {!redemptions.loading && redemptions.items.length === 0 ? <Text className='card__hint'>还没有兑换记录。</Text> : null}
      {redemptions.items.map((r) => (
        <RedemptionCard key={r.id} redemption={r} viewer='committee' busy={busyId === r.id} onCancel={(x) => void cancel(x)} />
      ))}
      <LoadMore list={redemptions} className='btn-more-redemptions' label='加载更多记录' />
    </PageShell>
  );
}
