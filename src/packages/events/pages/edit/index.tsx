import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { EVENT_PAGES, eventsApi, newRequestId } from '@/features/events/api';
import { EventForm } from '@/features/events/components/EventForm';
import { useEvent } from '@/features/events/hooks';
import '@/features/events/events.scss';
import { useFormErrors } from '@/hooks/useFormErrors';
import { eventFields, type EventInput } from '@shared/actions/events';
import { schemaIssues } from '@shared/field-issues';

/** The form's fields in page order. */
const FORM_FIELDS = ['title', 'type', 'place', 'cover', 'description', 'startAt', 'endAt', 'signupClosesAt', 'audience', 'allowWalkIns', 'roles'];
/** The server names a field `event.roles.0.name`; the form shows it under 岗位和名额. */
const fieldOf = (path: string) => path.replace(/^event\./, '').split(/[.[]/)[0] ?? path;

/** 发布活动 / 修改活动: the organizer's form; a new event gets one request id, so a doubled tap publishes it once. */
export default function EventEditPage() {
  const eventId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useEvent(eventId);
  const [requestId] = useState(newRequestId);
  const [submitting, setSubmitting] = useState(false);
  const form = useFormErrors({ fields: FORM_FIELDS, fieldOf });

  const save = async (input: EventInput) => {
    form.reset();
    // The shared schema first: a time or a field left wrong is said without a round trip.
    const issues = schemaIssues(eventFields, input);
    if (issues) return form.showIssues(issues);
    setSubmitting(true);
    try {
      const { event } = eventId ? await eventsApi.update({ eventId, event: input }) : await eventsApi.create({ event: input, requestId });
      void Taro.showToast({ title: eventId ? '已保存' : '已发布', icon: 'success', duration: 1500 });
      void Taro.redirectTo({ url: EVENT_PAGES.detail(event.id) });
    } catch (err) {
      form.fail(err);
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
      {form.formError ? (
        <View className='inline-error event-save-error' role='alert'>
          {form.formError}
        </View>
      ) : null}
      {!eventId || event ? (
        <View className='card'>
          <EventForm key={event?.id ?? 'new'} event={event} submitting={submitting} errors={form.errors} onSubmit={(input) => void save(input)} onEdit={form.clear} />
        </View>
      ) : null}
    </PageShell>
  );
}
