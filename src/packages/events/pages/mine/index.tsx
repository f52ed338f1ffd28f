import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { EventCard } from '@/features/events/components/EventCard';
import { useMyEvents } from '@/features/events/hooks';
import '@/features/events/events.scss';

/** 我的报名: the caller's sign-ups and waiting places, newest first. */
export default function MyEventsPage() {
  const list = useMyEvents();
  return (
    <PageShell
      className={`page-events-mine${list.loading ? ' is-busy' : ''}`}
      title='我的报名'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      {list.last && list.items.length === 0 ? <Text className='card__hint'>你还没有报名活动。</Text> : null}
      {list.items.map((event) => (
        <EventCard key={event.id} event={event} />
      ))}
      {list.hasMore ? (
        <Button className='btn-load-more' type='default' size='large' block loading={list.loading} disabled={list.loading} onClick={list.loadMore}>
          加载更多
        </Button>
      ) : null}
    </PageShell>
  );
}
