import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { EVENT_PAGES } from '@/features/events/api';
import { EventCard } from '@/features/events/components/EventCard';
import { Invitations } from '@/features/events/components/Invitations';
import { useEvents } from '@/features/events/hooks';
import '@/features/events/events.scss';
import { LoadMore } from '@/components/LoadMore';

/** 活动: upcoming events of the 居民区 the caller may join; organizers also see a button to publish one. */
export default function EventListPage() {
  const list = useEvents();
  return (
    <PageShell
      className={`page-events-list${list.loading ? ' is-busy' : ''}`}
      title='社区活动'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      <View className='event-links'>
        <LinkButton className='btn-my-events' type='default' url={EVENT_PAGES.mine}>
          我的报名
        </LinkButton>
        {list.last?.canManage ? (
          <LinkButton className='btn-new-event' url={EVENT_PAGES.edit()}>
            发布活动
          </LinkButton>
        ) : null}
      </View>
      <Invitations />
      {list.last && list.items.length === 0 ? <Text className='card__hint'>最近还没有活动，过几天再来看看。</Text> : null}
      {list.items.map((event) => (
        <EventCard key={event.id} event={event} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
