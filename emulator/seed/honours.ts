import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import type { HonourDoc, SettingsDoc } from '../../cloudfunctions/honours/honours.model';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

/** The committee's demo honour on the 风采展示墙 of 白玉新村第一居民区. */
export const DEMO_HONOUR = {
  _id: 'cm-baiyu1-demo-honour-1',
  title: '热心邻里',
  citation: '李建国师傅常年义务帮邻居修水电，随叫随到，从不收一分钱。',
} as const;

/**
 * Demo data of the honours domain: one honour the committee awarded 李建国, and 张丽华 on the monthly leaderboard
 * (the ledger seed gives both of them hours). Answers how many documents were new.
 */
export async function seedHonours(ensure: Ensure, now: Date): Promise<number> {
  const member = demoMemberId(demoPerson('member'));
  const gridLeader = demoMemberId(demoPerson('gridLeader'));
  const committee = demoMemberId(demoPerson('committee'));
  const honour: HonourDoc = {
    ...DEMO_HONOUR,
    communityId: 'cm-baiyu1',
    memberId: member,
    photoUrl: null,
    awardedBy: committee,
    awardedAt: new Date(now.getTime() - 7 * 86_400_000),
  };
  const settings: SettingsDoc = { _id: gridLeader, communityId: 'cm-baiyu1', showOnWall: true, onLeaderboard: true, updatedAt: now };
  let added = 0;
  if (await ensure(COLLECTIONS.honours, { ...honour })) added += 1;
  if (await ensure(COLLECTIONS.honourSettings, { ...settings })) added += 1;
  return added;
}
