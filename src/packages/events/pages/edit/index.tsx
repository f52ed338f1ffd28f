import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { EVENT_PAGES, eventsApi, fieldErrors, newRequestId } from '@/features/events/api';
import { EventForm } from '@/features/events/components/EventForm';
import { useEvent } from '@/features/events/hooks';
import '@/features/events/events.scss';
import { errorText } from '@/services/cloud';
import type { EventInput } from '@shared/actions/events';

/** 发布活动 / 修改活动: the organizer's form; a new event gets one request id, so a doubled tap publishes it once. */
export default function EventEditPage() {
  const eventId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useEvent(eventId);
  const [requestId] = useState(newRequestId);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const save = async (input: EventInput) => {
    setSubmitting(true);
    setErrors({});
    setError(null);
    try {
      const { event } = eventId ? await eventsApi.update({ eventId, event: input }) : await eventsApi.create({ event: input, requestId });
      void Taro.showToast({ title: eventId ? '已保存' : '已发布', icon: 'success', duration: 1500 });
      void Taro.redirectTo({ url: EVENT_PAGES.detail(event.id) });
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(fields);
      if (!Object.keys(fields).length) setError(errorText(err));
    } finally {
      setSubmitting(false);
    }
  };

  const event = query.data?.event;
  return (
    <PageShell
      className={`page-events-edit${submitting ? ' is-busy' : ''}`}
      title={eventId ? '修改活动' : '发布活动'}
      loading={!!eventId && query.loading && !event}
      error={eventId && !event ? query.error : null}
      onRetry={() => void query.reload()}
    >
      {error ? (
        <View className='inline-error event-save-error' role='alert'>
          {error}
        </View>
      ) : null}
      {!eventId || event ? (
        <View className='card'>
          <EventForm key={event?.id ?? 'new'} event={event} submitting={submitting} errors={errors} onSubmit={(input) => void save(input)} />
        </View>
      ) : null}
    </PageShell>
  );
}
