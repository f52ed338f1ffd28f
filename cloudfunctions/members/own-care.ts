import type { ElderDoc, PairingDoc, VisitDoc } from '../care/care.model';
import type { MyCareData } from '../../src/shared/domain/care';
import { planText } from '../../src/shared/domain/care';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';

/** The newest visits in the export (a volunteer visits weekly: two years' worth). */
const MY_DATA_VISITS = 100;

async function rows<T>(collection: string, where: Record<string, unknown>, order: string, limit: number): Promise<T[]> {
  return (await getDb().collection(collection).where(where).orderBy(order, 'desc').limit(limit).get()).data as T[];
}

/**
 * 邻援助老 in the person's own data: as an elder (their record linked to them, with the health notes and family
 * contact: the one export that carries them, issue 18) and as a volunteer (their pairings and visits, with the elder's
 * name only). Round trips: 1 (their elder record, pairings and visits side by side) + 1 (the elder's visits and the
 * paired elders' names side by side).
 */
export async function myCareData(memberId: string): Promise<MyCareData> {
  const [elders, pairings, visits] = await Promise.all([
    rows<ElderDoc>(COLLECTIONS.careElders, { memberId, removedAt: command().exists(false) }, 'createdAt', 1),
    rows<PairingDoc>(COLLECTIONS.carePairings, { volunteerId: memberId }, 'proposedAt', MY_DATA_VISITS),
    rows<VisitDoc>(COLLECTIONS.careVisits, { volunteerId: memberId }, 'day', MY_DATA_VISITS),
  ]);
  const me = elders[0] ?? null;
  const elderIds = [...new Set([...pairings.map((p) => p.elderId), ...visits.map((v) => v.elderId)])];
  const [ownVisits, named] = await Promise.all([
    me ? rows<VisitDoc>(COLLECTIONS.careVisits, { elderId: me._id, state: command().neq('cancelled') }, 'day', MY_DATA_VISITS) : Promise.resolve([]),
    elderIds.length ? getDb().collection(COLLECTIONS.careElders).where({ _id: command().in(elderIds) }).field({ _id: true, name: true }).limit(elderIds.length).get() : Promise.resolve({ data: [] }),
  ]);
  const names = new Map((named.data as { _id: string; name: string }[]).map((e) => [e._id, e.name]));
  return {
    asElder: me
      ? {
          name: me.name,
          building: me.building,
          room: me.room,
          needs: me.needs,
          frequency: me.frequency,
          healthNotes: me.healthNotes,
          family: me.family,
          consent: { at: new Date(me.consent.at).toISOString(), note: me.consent.note },
          visits: ownVisits.map((v) => ({ day: v.day, state: v.state, minutes: v.log?.minutes ?? 0, done: v.log?.done ?? [] })),
        }
      : null,
    asVolunteer: {
      pairings: pairings.map((p) => ({ elderName: names.get(p.elderId) ?? '', state: p.state, plan: planText(p.plan) })),
      visits: visits.map((v) => ({ day: v.day, elderName: names.get(v.elderId) ?? '', state: v.state, minutes: v.log?.minutes ?? 0, halfHours: v.halfHours })),
    },
  };
}
