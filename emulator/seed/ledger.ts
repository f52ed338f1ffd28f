import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { postEntry } from '../../cloudfunctions/_core/ledger';
import type { PointRules } from '../../src/shared/domain/ledger';
import { pointsForService } from '../../src/shared/rules/points';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const DAY_MS = 86_400_000;

/** 白玉's point rules: classes and elder care count more than the default. */
export const DEMO_POINT_RULES: PointRules = {
  pointsPerHour: 10,
  eventTypes: [
    { name: '公益课堂', pointsPerHour: 15 },
    { name: '网格巡逻', pointsPerHour: 10 },
    { name: '绿化养护', pointsPerHour: 10 },
    { name: '邻援助老', pointsPerHour: 15 },
    { name: '阅读节', pointsPerHour: 8 },
  ],
  dailyCap: 50,
};

/** Past service of the demo members (days before seeding), as events and the committee would have posted it. */
const DEMO_SERVICE = [
  { who: 'member', daysAgo: 95, event: 'demo-event-1', type: '网格巡逻', title: '网格巡逻：5-7号楼消防通道', halfHours: 4 },
  { who: 'member', daysAgo: 62, event: 'demo-event-2', type: '公益课堂', title: '公益课堂：家电安全小讲堂', halfHours: 3 },
  { who: 'member', daysAgo: 33, event: 'demo-event-3', type: '绿化养护', title: '绿化养护：中心花园补种', halfHours: 5 },
  { who: 'member', daysAgo: 6, event: 'demo-event-4', type: '网格巡逻', title: '网格巡逻：电动车飞线充电排查', halfHours: 2 },
  { who: 'gridLeader', daysAgo: 80, event: 'demo-event-5', type: '邻援助老', title: '邻援助老：为独居老人代配药', halfHours: 3 },
  { who: 'gridLeader', daysAgo: 40, event: 'demo-event-6', type: '阅读节', title: '阅读节：爱心格子屋读报会', halfHours: 4 },
  { who: 'gridLeader', daysAgo: 12, event: 'demo-event-7', type: '邻援助老', title: '邻援助老：测血压、陪聊天', halfHours: 4 },
] as const;

const DEMO_AWARDS = [
  { who: 'member', daysAgo: 50, key: 'demo-award-1', points: 20, halfHours: 4, reason: '春节前帮 12 户老人检修电路' },
  { who: 'gridLeader', daysAgo: 20, key: 'demo-award-2', points: 10, halfHours: 0, reason: '组织第一微格楼组长例会' },
] as const;

/**
 * 白玉's point rules and a few months of hours and points for 李建国 and 张丽华, posted through the ledger (deterministic
 * keys, so re-seeding posts nothing twice and every balance stays its ledger's sum).
 */
export async function seedLedger(ensure: Ensure, now: Date): Promise<number> {
  const communityId = 'cm-baiyu1';
  const committee = demoMemberId(demoPerson('committee'));
  let added = 0;
  if (await ensure(COLLECTIONS.ledgerRules, { _id: communityId, communityId, ...DEMO_POINT_RULES, updatedBy: committee, updatedAt: new Date(now.getTime() - 120 * DAY_MS) })) {
    added += 1;
  }
  for (const s of DEMO_SERVICE) {
    const memberId = demoMemberId(demoPerson(s.who));
    const { created } = await postEntry({
      key: `event:${s.event}:${memberId}`,
      communityId,
      memberId,
      halfHours: s.halfHours,
      points: pointsForService(DEMO_POINT_RULES, { eventType: s.type, halfHours: s.halfHours, pointsAlreadyToday: 0 }),
      source: 'event',
      sourceId: s.event,
      reason: s.title,
      by: committee,
      at: new Date(now.getTime() - s.daysAgo * DAY_MS),
    });
    if (created) added += 1;
  }
  for (const a of DEMO_AWARDS) {
    const { created } = await postEntry({
      key: `req:${a.key}`,
      communityId,
      memberId: demoMemberId(demoPerson(a.who)),
      halfHours: a.halfHours,
      points: a.points,
      source: 'manual',
      sourceId: null,
      reason: a.reason,
      by: committee,
      at: new Date(now.getTime() - a.daysAgo * DAY_MS),
    });
    if (created) added += 1;
  }
  return added;
}
