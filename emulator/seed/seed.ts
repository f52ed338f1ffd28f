import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { getDb, isDuplicateWrite } from '../../cloudfunctions/_core/db';
import { memberIdFor } from '../../cloudfunctions/_core/identity';
import { newMemberDoc, type MemberDoc } from '../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../dev-server/functions-host';
import { DEFAULT_COUNCILS, DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_PEOPLE, DEMO_STREET, type DemoPerson } from './demo-data';

/** Adds one document unless its `_id` exists: re-seeding changes nothing, and never overwrites a local edit. */
async function ensure(collection: string, doc: { _id: string } & Record<string, unknown>): Promise<boolean> {
  try {
    await getDb().collection(collection).add(doc);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

export function demoMemberId(person: Pick<DemoPerson, 'openid'>): string {
  return memberIdFor({ openid: person.openid, appid: LOCAL_APPID });
}

function memberDoc(p: DemoPerson, now: Date): MemberDoc | null {
  if (p.key === 'newcomer') return null;
  const doc = newMemberDoc(demoMemberId(p), p.openid, LOCAL_APPID, now);
  const submittedAt = new Date(now.getTime() - (p.appliedMinutesAgo ?? 60 * 24 * 30) * 60_000);
  return {
    ...doc,
    communityId: p.communityId,
    name: p.name,
    building: p.building,
    room: p.room,
    phone: p.phone,
    skills: p.skills,
    interests: p.interests,
    roles: p.roles,
    application:
      p.status === 'none'
        ? { status: 'none' }
        : {
            status: p.status,
            submittedAt,
            ...(p.motivation ? { motivation: p.motivation } : {}),
            ...(p.status === 'approved' ? { reviewedAt: new Date(submittedAt.getTime() + 86_400_000) } : {}),
          },
  };
}

/** Seeds the demo street through the real SDK. Idempotent: answers how many documents were new. */
export async function seedDemo(now: Date): Promise<number> {
  let added = 0;
  const count = async (collection: string, doc: { _id: string } & Record<string, unknown>) => {
    if (await ensure(collection, doc)) added += 1;
  };
  await count(COLLECTIONS.streets, { ...DEMO_STREET });
  for (const c of DEMO_COMMUNITIES) {
    await count(COLLECTIONS.communities, { ...c, streetId: DEMO_STREET._id, streetName: DEMO_STREET.name });
    for (const [order, council] of DEFAULT_COUNCILS.entries()) {
      await count(COLLECTIONS.councils, {
        _id: `${c._id}-${council.key}`, communityId: c._id, name: council.name, kind: council.kind, order, active: true,
      });
    }
    for (const [order, grid] of DEMO_GRIDS.entries()) {
      await count(COLLECTIONS.grids, {
        _id: `${c._id}-${grid.key}`, communityId: c._id, name: grid.name, buildings: [...grid.buildings], order,
      });
    }
  }
  for (const p of DEMO_PEOPLE) {
    const doc = memberDoc(p, now);
    if (doc) await count(COLLECTIONS.members, { ...doc });
  }
  return added;
}
