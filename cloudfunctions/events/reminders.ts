import { inShanghai } from '../../src/shared/time';
import * as q from './events.queries';
import { notifyAll } from './waiting-list';

/** Reminders go out in the daytime only: nobody is woken at night by tomorrow's event. */
const SEND_FROM_HOUR = 9;
const SEND_UNTIL_HOUR = 21;
/** Events read per page of the run. */
const EVENTS_PER_PAGE = 50;

/**
 * The day before an event, every confirmed volunteer who allowed a reminder gets one. Runs hourly (and locally every
 * minute): each reminder has its own send key, so a run after a run sends nothing twice, and someone who allows a
 * reminder later in the day still gets it at the next run. Round trips: 1 per page of events, 1 per event, and
 * 3-4 per reminder sent. One event that fails (a record the code cannot read, the database refusing a write) is
 * logged and counted in `failed`, and the run goes on to the others; the next hourly run tries it again, and the send
 * keys keep anyone already reminded from a second message.
 */
export async function sendDayBeforeReminders(now: Date): Promise<Record<string, number>> {
  const local = inShanghai(now);
  if (local.hour() < SEND_FROM_HOUR || local.hour() >= SEND_UNTIL_HOUR) return { events: 0, sent: 0 };
  const from = local.add(1, 'day').startOf('day').toDate();
  const to = local.add(2, 'day').startOf('day').toDate();
  let events = 0;
  let sent = 0;
  let failed = 0;
  for (let page = 1; ; page++) {
    const batch = await q.publishedStartingBetween(from, to, page, EVENTS_PER_PAGE);
    for (const event of batch) {
      events++;
      try {
        const confirmed = (await q.activeSignups(event._id)).filter((s) => s.status === 'confirmed');
        const note = `明天${inShanghai(event.startAt).format('HH:mm')}开始，请准时到场`;
        sent += await notifyAll(event, confirmed.map((s) => ({ memberId: s.memberId, template: 'event-reminder' as const, sendKey: `event-reminder:${event._id}:${s.memberId}`, note })));
      } catch (err) {
        failed++;
        console.error(`[events@event-reminders] event ${event._id} failed; the next run tries it again`, err);
      }
    }
    if (batch.length < EVENTS_PER_PAGE) break;
  }
  return failed ? { events, sent, failed } : { events, sent };
}
