import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import type { EventDoc, SignupDoc } from '../../cloudfunctions/events/events.model';
import { DEFAULT_CHECKIN_GRACE_MINUTES_AFTER, DEFAULT_CHECKIN_OPENS_MINUTES_BEFORE, signupId } from '../../src/shared/domain/event';
import { inShanghai } from '../../src/shared/time';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
const memberOf = (key: string) => demoMemberId(demoPerson(key));

/** The demo events of 白玉: an evening patrol tomorrow and a class next week, both open for sign-up. */
export const DEMO_EVENT_IDS = { patrol: `${COMMUNITY}-ev-demo-patrol`, class: `${COMMUNITY}-ev-demo-class` } as const;

/** `days` from today at `hour`:00 Shanghai time. */
const at = (now: Date, days: number, hour: number): Date => inShanghai(now).add(days, 'day').hour(hour).minute(0).second(0).millisecond(0).toDate();

function demoEvents(now: Date): { event: EventDoc; signups: { key: string; roleKey: string }[] }[] {
  const common = {
    communityId: COMMUNITY,
    audience: { kind: 'community' as const },
    signupOpensAt: at(now, -3, 8),
    allowWalkIns: false,
    checkinOpensMinutesBefore: DEFAULT_CHECKIN_OPENS_MINUTES_BEFORE,
    checkinGraceMinutesAfter: DEFAULT_CHECKIN_GRACE_MINUTES_AFTER,
    organizerId: memberOf('committee'),
    scannerIds: [],
    status: 'published' as const,
    createdAt: now,
    updatedAt: now,
  };
  return [
    {
      event: {
        ...common,
        _id: DEMO_EVENT_IDS.patrol,
        title: '第一微格夜间巡逻',
        description: '沿1-4号楼走一圈，看看楼道消防通道和电瓶车充电情况，遇到独居老人顺便问候一声。',
        type: '网格巡逻',
        place: '2号楼门口集合',
        startAt: at(now, 1, 19),
        endAt: at(now, 1, 21),
        signupClosesAt: at(now, 1, 12),
        roles: [
          { key: 'patrol', name: '巡逻队员', places: 4, skills: [], taken: 2 },
          { key: 'lead', name: '带队', places: 1, skills: ['护士'], taken: 0 },
        ],
        signupSeq: 2,
      },
      signups: [
        { key: 'member', roleKey: 'patrol' },
        { key: 'gridLeader', roleKey: 'patrol' },
      ],
    },
    {
      event: {
        ...common,
        _id: DEMO_EVENT_IDS.class,
        title: '智能手机公益课堂：学用健康码和挂号',
        description: '手把手教老人用手机挂号、看报告。需要几位有耐心的志愿者一对一帮忙。',
        type: '公益课堂',
        place: '居委会活动室',
        startAt: at(now, 7, 14),
        endAt: at(now, 7, 16),
        signupClosesAt: at(now, 6, 20),
        roles: [
          { key: 'helper', name: '一对一助教', places: 2, skills: ['教师'], taken: 1 },
          { key: 'learner', name: '学员', places: 20, skills: [], taken: 1 },
        ],
        signupSeq: 2,
      },
      signups: [
        { key: 'applicant1', roleKey: 'helper' },
        { key: 'resident', roleKey: 'learner' },
      ],
    },
  ];
}

/** Demo data of the events domain: events with consistent `taken` counts and their sign-ups. Answers how many documents were new. */
export async function seedEvents(ensure: Ensure, now: Date): Promise<number> {
  let added = 0;
  for (const { event, signups } of demoEvents(now)) {
    if (await ensure(COLLECTIONS.events, { ...event })) added += 1;
    for (const [i, s] of signups.entries()) {
      const memberId = memberOf(s.key);
      const doc: SignupDoc = { _id: signupId(event._id, memberId), eventId: event._id, communityId: COMMUNITY, memberId, roleKey: s.roleKey, status: 'confirmed', seq: i + 1, createdAt: now, updatedAt: now };
      if (await ensure(COLLECTIONS.eventSignups, { ...doc })) added += 1;
    }
  }
  return added;
}
