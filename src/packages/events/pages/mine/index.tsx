import { Text } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { EventCard } from '@/features/events/components/EventCard';
import { useMyEvents } from '@/features/events/hooks';
import '@/features/events/events.scss';
import { LoadMore } from '@/components/LoadMore';

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
      <LoadMore list={list} />
    </PageShell>
  );
}
