import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { AuditRecords, AuditValue } from '../../../src/shared/domain/audit';
import type { EventRecord } from '../../../src/shared/domain/event';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, idsBy, inRange, READ_LIMIT } from './paging';

type EventRow = Pick<EventRecord, '_id' | 'title' | 'roles' | 'claims'>;

/** 500 events a page: at most 10 roles each keeps the page's groups under GROUP_LIMIT. */
const EVENT_PAGE = 500;

const key = (eventId: string, roleKey: string) => `${eventId}\u0000${roleKey}`;

/** A claim on the event (events.queries.ts `claimCode`): the sign-up round, the role's index, whether it took a place. */
function decodeClaim(code: number): { round: number; index: number; placed: boolean } {
  const rest = code % 1000;
  return { round: Math.floor(code / 1000), index: Math.floor(rest / 2), placed: rest % 2 === 1 };
}

/**
 * Places held by a claim whose sign-up is not written yet, per role index, with the members. A sign-up takes its
 * place first and writes its record after (events/signups.service.ts): a call in flight, or one that died and that the
 * member's next tap completes, holds the place for that member. Counting them as taken keeps a repair from handing
 * that place to someone else too. One round trip (the claimants' sign-ups).
 */
async function heldByClaims(event: EventRow): Promise<Map<number, string[]>> {
  const placed = Object.entries(event.claims ?? {})
    .map(([memberId, code]) => ({ memberId, ...decodeClaim(code) }))
    .filter((c) => c.placed);
  const held = new Map<number, string[]>();
  if (placed.length === 0) return held;
  const res = await getDb()
    .collection(COLLECTIONS.eventSignups)
    .where({ eventId: event._id, memberId: command().in(placed.map((c) => c.memberId)) })
    .field({ memberId: true, round: true })
    .limit(READ_LIMIT)
    .get();
  const roundOf = new Map((res.data as { memberId: string; round?: number }[]).map((r) => [r.memberId, r.round ?? 1]));
  for (const c of placed) {
    const written = roundOf.get(c.memberId);
    if (written !== undefined && written >= c.round) continue;
    held.set(c.index, [...(held.get(c.index) ?? []), c.memberId]);
  }
  return held;
}

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
  for await (const page of counterPages<EventRow>(COLLECTIONS.events, communityId, { title: true, roles: true, claims: true }, {}, EVENT_PAGE)) {
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
    const drifted: { event: EventRow; values: AuditValue[]; guard: Record<string, string>; counts: number[]; held: string[][] }[] = [];
    for (const event of page.docs) {
      const roles = event.roles ?? [];
      scanned += roles.length;
      if (roles.every((role) => role.taken === (confirmed.get(key(event._id, role.key)) ?? 0))) continue;
      // Only an event that looks drifted pays for reading its claimants' sign-ups.
      const held = await heldByClaims(event);
      const values: AuditValue[] = [];
      const guard: Record<string, string> = {};
      const counts: number[] = [];
      const heldBy: string[][] = [];
      roles.forEach((role, i) => {
        const n = confirmed.get(key(event._id, role.key)) ?? 0;
        const claimants = held.get(i) ?? [];
        if (role.taken === n + claimants.length) return;
        values.push({ field: `roles.${i}.taken`, label: `「${role.name}」已报名额`, recorded: role.taken, recomputed: n + claimants.length });
        guard[`roles.${i}.key`] = role.key;
        counts.push(n);
        heldBy.push(claimants);
      });
      if (values.length) drifted.push({ event, values, guard, counts, held: heldBy });
    }
    if (drifted.length === 0) continue;
    const ids = await idsBy(
      COLLECTIONS.eventSignups,
      { eventId: command().in(drifted.map((d) => d.event._id)), status: 'confirmed' },
      ['eventId', 'roleKey'],
      (r) => key(String(r.eventId), String(r.roleKey)),
    );
    for (const d of drifted) {
      const records: AuditRecords[] = d.values.flatMap((v, i) => {
        const roleKey = d.guard[v.field.replace(/taken$/, 'key')]!;
        const role = v.label.replace('已报名额', '');
        const held = d.held[i]!;
        return [
          { collection: COLLECTIONS.eventSignups, label: `${role}已确认报名`, count: d.counts[i]!, ids: ids.get(key(d.event._id, roleKey)) ?? [] },
          ...(held.length ? [{ collection: COLLECTIONS.events, label: `${role}报名途中已占的名额`, count: held.length, ids: held }] : []),
        ];
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
