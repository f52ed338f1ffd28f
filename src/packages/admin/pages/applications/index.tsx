import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { errorCode, membersApi } from '@/features/members/api';
import { ApplicationRow } from '@/features/members/components/ApplicationRow';
import { memberDetailUrl } from '@/features/members/routes';
import { useApplications, type ReviewTab } from '@/features/members/useApplications';
import { errorText } from '@/services/cloud';
import type { ApplicationView } from '@shared/domain/member';

const TABS: { key: ReviewTab; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已通过' },
  { key: 'rejected', label: '未通过' },
];

const EMPTY: Record<ReviewTab, string> = {
  pending: '没有待审核的申请',
  approved: '还没有通过的申请',
  rejected: '没有未通过的申请',
};

export default function ApplicationsPage() {
  const [tab, setTab] = useState<ReviewTab>('pending');
  const list = useApplications(tab);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const review = async (item: ApplicationView, decision: 'approve' | 'reject', reason = '') => {
    // Approving is one tap that tells the applicant at once and stays in their history: asked first. (Rejecting
    // already takes a second step, with its reason.)
    if (decision === 'approve') {
      const { confirm } = await Taro.showModal({ title: '通过申请', content: `确定让${item.name}加入第二梯队吗？通过后会通知本人。`, confirmText: '通过', cancelText: '再想想' });
      if (!confirm) return;
    }
    setBusyId(item.memberId);
    setActionError(null);
    try {
      await membersApi.review({ memberId: item.memberId, decision, reason });
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已标记不通过', icon: 'success', duration: 1500 });
      await list.refreshAfter(item.memberId);
    } catch (err) {
      setActionError(errorText(err));
      // Someone else reviewed it first: show the list as it is now.
      if (errorCode(err) === 'MEMBERS.NOT_PENDING' || errorCode(err) === 'COMMON.NOT_FOUND') await list.refreshAfter();
    } finally {
      setBusyId(null);
    }
  };

  const firstLoad = list.loading && list.items.length === 0;
  // `is-busy` while a call is under way: browser tests wait for it to go.
  const busy = Boolean(busyId) || list.loading;

  return (
    <PageShell className={`page-admin-applications${busy ? ' is-busy' : ''}`} title='入队申请'>
      <View className='admin-tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.key}
            className={`admin-tab admin-tab--${t.key}${tab === t.key ? ' admin-tab--active' : ''}`}
            role='tab'
            aria-selected={tab === t.key}
            onClick={() => {
              setActionError(null);
              setTab(t.key);
            }}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {actionError ? (
        <View className='inline-error review-error' role='alert'>
          {actionError}
        </View>
      ) : null}
      {list.error ? (
        <View className='list-error' role='alert'>
          <Text className='inline-error'>{list.error}</Text>
          <View className='link-btn btn-retry-list' role='button' onClick={() => void list.reload()}>
            <Text>重新加载</Text>
          </View>
        </View>
      ) : null}
      {firstLoad ? <Text className='list-footer'>正在加载…</Text> : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <View className='list-footer list-empty'>
          <Text>{EMPTY[tab]}</Text>
        </View>
      ) : null}
      {list.items.map((item) => (
        <ApplicationRow
          key={`${tab}-${item.memberId}`}
          item={item}
          busy={busyId === item.memberId}
          onApprove={(i) => void review(i, 'approve')}
          onReject={(i, reason) => void review(i, 'reject', reason)}
          onOpen={tab === 'approved' ? (i) => void Taro.navigateTo({ url: memberDetailUrl(i.memberId) }) : undefined}
        />
      ))}
      {list.hasMore ? (
        <Button
          className='btn-load-more'
          type='default'
          size='large'
          block
          loading={list.loading}
          disabled={list.loading}
          onClick={list.loadMore}
        >
          加载更多
        </Button>
      ) : null}
    </PageShell>
  );
}
