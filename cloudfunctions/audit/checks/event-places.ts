import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { AuditRecords, AuditValue } from '../../../src/shared/domain/audit';
import type { EventRecord } from '../../../src/shared/domain/event';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, idsBy, inRange } from './paging';

type EventRow = Pick<EventRecord, '_id' | 'title' | 'roles'>;

/** 500 events a page: at most 10 roles each keeps the page's groups under GROUP_LIMIT. */
const EVENT_PAGE = 500;

const key = (eventId: string, roleKey: string) => `${eventId}\u0000${roleKey}`;

/**
 * Each role's places taken (`events.roles.N.taken`) against the confirmed sign-ups of that event and role
 * (`event_signups`, status confirmed). Round trips per page of 500 events: 1 (events) + 1 (confirmed sign-ups counted
 * by event and role) + 1 on a difference (their ids).
 */
export async function eventPlacesCheck(communityId: string): Promise<CheckOutcome> {
  const db = getDb();
  const $ = db.command.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<EventRow>(COLLECTIONS.events, communityId, { title: true, roles: true }, {}, EVENT_PAGE)) {
    const groups = await allGroups<{ _id: { e: string; r: string }; n: number }>(
      db
        .collection(COLLECTIONS.eventSignups)
        .aggregate()
        .match({ communityId, status: 'confirmed', ...inRange('eventId', page) })
        .group({ _id: { e: '$eventId', r: '$roleKey' }, n: $.sum(1) })
        .limit(GROUP_LIMIT)
        .end(),
    );
    const confirmed = new Map(groups.map((g) => [key(g._id.e, g._id.r), g.n]));
    const drifted: { event: EventRow; values: AuditValue[]; guard: Record<string, string>; counts: number[] }[] = [];
    for (const event of page.docs) {
      const roles = event.roles ?? [];
      scanned += roles.length;
      const values: AuditValue[] = [];
      const guard: Record<string, string> = {};
      const counts: number[] = [];
      roles.forEach((role, i) => {
        const n = confirmed.get(key(event._id, role.key)) ?? 0;
        if (role.taken === n) return;
        values.push({ field: `roles.${i}.taken`, label: `「${role.name}」已报名额`, recorded: role.taken, recomputed: n });
        guard[`roles.${i}.key`] = role.key;
        counts.push(n);
      });
      if (values.length) drifted.push({ event, values, guard, counts });
    }
    if (drifted.length === 0) continue;
    const ids = await idsBy(
      COLLECTIONS.eventSignups,
      { eventId: command().in(drifted.map((d) => d.event._id)), status: 'confirmed' },
      ['eventId', 'roleKey'],
      (r) => key(String(r.eventId), String(r.roleKey)),
    );
    for (const d of drifted) {
      const records: AuditRecords[] = d.values.map((v, i) => {
        const roleKey = d.guard[v.field.replace(/taken$/, 'key')]!;
        return { collection: COLLECTIONS.eventSignups, label: `${v.label.replace('已报名额', '')}已确认报名`, count: d.counts[i]!, ids: ids.get(key(d.event._id, roleKey)) ?? [] };
      });
      findings.push(
        finding({
          check: 'eventPlaces',
          collection: COLLECTIONS.events,
          subjectId: d.event._id,
          subjectName: d.event.title,
          values: d.values,
          records,
          text: sentence(`活动「${d.event.title}」`, d.values),
          guard: d.guard,
        }),
      );
    }
  }
  return { scanned, findings };
}
