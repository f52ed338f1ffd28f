import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { NOTICE_PAGES } from '@/features/notices/api';
import { NoticeCard } from '@/features/notices/components/NoticeCard';
import { SubscribeNotices } from '@/features/notices/components/SubscribeNotices';
import { useManagedNotices, useNotices } from '@/features/notices/hooks';
import '@/features/notices/notices.scss';
import { LoadMore } from '@/components/LoadMore';

const TABS = [
  { value: 'mine', label: '收到的通知' },
  { value: 'managed', label: '我发布的' },
];

/** 通知: the caller's notices, unread first; writers also see what they published with read and confirm counts. */
export default function NoticeListPage() {
  // 首页 opens a writer's own notices straight away (?tab=managed): their unread counts and drafts.
  const opened = (useRouter().params as Record<string, string | undefined>).tab;
  const [tab, setTab] = useState(opened === 'managed' ? 'managed' : 'mine');
  const received = useNotices();
  const canWrite = received.last?.canWrite === true;
  const managed = useManagedNotices(canWrite && tab === 'managed');
  const list = tab === 'managed' && canWrite ? managed : received;
  const busy = received.loading || managed.loading;
  return (
    <PageShell
      className={`page-notices-list${busy ? ' is-busy' : ''}`}
      title='通知'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      {canWrite ? (
        <>
          <View className='notice-links'>
            <LinkButton className='btn-new-notice' url={NOTICE_PAGES.edit()}>
              发通知
            </LinkButton>
          </View>
          <View className='notice-tabs'>
            <ChoiceChips id='notice-tab' single options={TABS} value={[tab]} onChange={(v) => setTab(v[0]!)} />
          </View>
        </>
      ) : null}
      {tab === 'mine' ? <SubscribeNotices /> : null}
      {list.last && list.items.length === 0 ? (
        <Text className='card__hint'>{tab === 'managed' ? '你还没有发布过通知。' : '暂时没有发给你的通知。'}</Text>
      ) : null}
      {list.items.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
