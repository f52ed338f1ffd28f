import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { insertOnce } from '../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../cloudfunctions/_core/identity';
import { PRIVACY_VERSION } from '../../src/shared/privacy';
import { newMemberDoc, type MemberDoc } from '../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../dev-server/functions-host';
import { seedCabin } from './cabin';
import { seedCheckin } from './checkin';
import { seedCouncils } from './councils';
import { seedEvents } from './events';
import { DEMO_COMMUNITIES, DEMO_PEOPLE, DEMO_STREET, demoGridOf, type DemoPerson } from './demo-data';
import { seedGrids } from './grids';
import { seedHonours } from './honours';
import { seedNotices } from './notices';
import { seedLedger } from './ledger';
import { seedParticipation } from './participation';
import { seedReports } from './reports';
import { seedSurveys } from './surveys';
import { seedCare } from './care';
import { seedLearning } from './learning';
import { seedShop } from './shop';

/** Adds one document unless its `_id` exists: re-seeding changes nothing, and never overwrites a local edit. */
export type Ensure = (collection: string, doc: { _id: string } & Record<string, unknown>) => Promise<boolean>;

const ensure: Ensure = insertOnce;

export function demoMemberId(person: Pick<DemoPerson, 'openid'>): string {
  return memberIdFor({ openid: person.openid, appid: LOCAL_APPID });
}

function memberDoc(p: DemoPerson, now: Date): MemberDoc | null {
  if (p.key === 'newcomer') return null;
  const identity = { openid: p.openid, appid: LOCAL_APPID };
  const doc = newMemberDoc(demoMemberId(p), p.openid, LOCAL_APPID, now, accountKeyOf(identity));
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
    gridId: demoGridOf(p.communityId, p.building),
    leadsGridIds: p.leadsGridIds ?? [],
    councilIds: p.councilIds ?? [],
    availability: p.availability ?? [],
    ...(p.key === 'streetAdmin' ? { streetId: DEMO_STREET._id } : {}),
    consent: { version: PRIVACY_VERSION, at: now },
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

export interface SeedOptions {
  /**
   * 一键上报's demo settings and reports (seed/reports.ts). `npm start` asks for them; tests start from a 居民区
   * without reports (the defaults, nothing filed) unless they ask, so counts and clocks of their own reports stay exact.
   */
  reports?: boolean;
  /** 居民议事与治理项目's demo proposals and projects (seed/participation.ts); opt-in like reports. */
  participation?: boolean;
  /** 问卷与投票's demo questionnaires and answers (seed/surveys.ts), asked for like `reports`. */
  surveys?: boolean;
  /** 邻援助老's demo elders, pairings and visits (seed/care.ts), asked for like `reports`. */
  care?: boolean;
  /** 云课堂's demo course (微格长入门, required of grid leaders), a learner's progress and two cases (seed/learning.ts). */
  learning?: boolean;
}

/** Seeds the demo street through the real SDK. Idempotent: answers how many documents were new. */
export async function seedDemo(now: Date, options: SeedOptions = {}): Promise<number> {
  let added = 0;
  const count = async (collection: string, doc: { _id: string } & Record<string, unknown>) => {
    if (await ensure(collection, doc)) added += 1;
  };
  await count(COLLECTIONS.streets, { ...DEMO_STREET });
  for (const c of DEMO_COMMUNITIES) {
    await count(COLLECTIONS.communities, { ...c, streetId: DEMO_STREET._id, streetName: DEMO_STREET.name });
  }
  added += await seedCouncils(ensure, now);
  added += await seedGrids(ensure, now);
  for (const p of DEMO_PEOPLE) {
    const doc = memberDoc(p, now);
    if (doc) await count(COLLECTIONS.members, { ...doc });
  }
  // After the people: these refer to them.
  added += await seedLedger(ensure, now);
  added += await seedShop(ensure, now);
  added += await seedHonours(ensure, now);
  added += await seedEvents(ensure, now);
  added += await seedCheckin(ensure, now);
  added += await seedCabin(ensure, now);
  added += await seedNotices(ensure, now);
  if (options.reports) added += await seedReports(ensure, now);
  if (options.participation) added += await seedParticipation(ensure, now);
  if (options.surveys) added += await seedSurveys(ensure, now);
  if (options.care) added += await seedCare(ensure, now);
  if (options.learning) added += await seedLearning(ensure, now);
  return added;
}
