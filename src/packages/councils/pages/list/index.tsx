import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { councilsApi } from '@/features/councils/api';
import { CouncilCard } from '@/features/councils/components/CouncilCard';
import { useCouncils } from '@/features/councils/useCouncils';
import { errorText } from '@/services/cloud';
import type { CouncilSummary } from '@shared/domain/council';
import { LoadMore } from '@/components/LoadMore';

const COUNCIL_DETAIL_URL = '/packages/councils/pages/detail/index';

export default function CouncilListPage() {
  const list = useCouncils();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const change = async (council: CouncilSummary, kind: 'join' | 'leave') => {
    setBusyId(council.id);
    setActionError(null);
    try {
      await councilsApi[kind](council.id);
      void Taro.showToast({ title: kind === 'join' ? '已加入' : '已退出', icon: 'success', duration: 1500 });
      await list.refreshAfter();
    } catch (err) {
      setActionError(errorText(err));
    } finally {
      setBusyId(null);
    }
  };

  const firstLoad = list.loading && list.items.length === 0;
  const busy = Boolean(busyId) || list.loading;

  return (
    <PageShell
      className={`page-councils${busy ? ' is-busy' : ''}`}
      title='自治家园理事会'
      loading={firstLoad && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      <Text className='card__hint'>1 个总会和各分会，轮值会长按顺序轮流担任。</Text>
      {list.last && !list.canJoin ? (
        <View className='council-hint councils-apply-hint'>
          <Text>加入第二梯队后，就能报名参加分会。</Text>
          <View className='link-btn btn-go-apply' role='button' onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
            <Text>去「我的」申请加入</Text>
          </View>
        </View>
      ) : null}
      {actionError ? (
        <View className='inline-error council-action-error' role='alert'>
          {actionError}
        </View>
      ) : null}
      {list.items.map((council) => (
        <CouncilCard
          key={council.id}
          council={council}
          canJoin={list.canJoin}
          busy={busyId === council.id}
          onOpen={(c) => void Taro.navigateTo({ url: `${COUNCIL_DETAIL_URL}?id=${encodeURIComponent(c.id)}` })}
          onJoin={(c) => void change(c, 'join')}
          onLeave={(c) => void change(c, 'leave')}
        />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
