import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { noUntold, type ElderDoc, type PairingDoc, type VisitDoc } from '../../cloudfunctions/care/care.model';
import { dueVisit } from '../../cloudfunctions/care/plan';
import { addDays, autoConfirmAt, weekdayOf } from '../../src/shared/domain/care';
import { formatShanghai } from '../../src/shared/time';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
const G1 = 'cm-baiyu1-g1';
const G2 = 'cm-baiyu1-g2';
const DAY = 24 * 60 * 60_000;
const memberOf = (key: string) => demoMemberId(demoPerson(key));

/** The demo elders, pairing and visits of 白玉一居 (邻援助老), by what they show. */
export const DEMO_CARE = {
  /** 顾阿婆, 3号楼: paired with 李建国 for three weeks (weekly); one visit missed, the latest logged with a concern. */
  gu: 'el-demo-gu',
  /** 钱阿公, 2号楼: registered, nobody paired yet, never visited: first on the committee's list. */
  qian: 'el-demo-qian',
  /** 孙奶奶, 6号楼 (第二微格): registered by the committee, a proposal waiting for 张丽华's answer. */
  sun: 'el-demo-sun',
  pairing: 'cp-demo-gu-li',
  proposal: 'cp-demo-sun-zhang',
} as const;

function elder(id: string, now: Date, extra: Partial<ElderDoc>): ElderDoc {
  return {
    _id: id,
    communityId: COMMUNITY,
    gridId: G1,
    name: '',
    building: '',
    room: '',
    phone: '',
    needs: ['chat'],
    frequency: 'weekly',
    preferredTimes: [],
    healthNotes: '',
    family: { name: '', relation: '', phone: '' },
    consent: { by: memberOf('gridLeader'), at: new Date(now.getTime() - 30 * DAY), note: '本人口头同意' },
    memberId: null,
    registeredBy: memberOf('gridLeader'),
    volunteerIds: [],
    activeVolunteerIds: [],
    lastVisitDay: null,
    version: 0,
    createdAt: new Date(now.getTime() - 30 * DAY),
    updatedAt: now,
    ...noUntold(),
    ...extra,
  };
}

/** Seeds the demo 邻援助老 records (opt-in, like the other newer capabilities). Answers how many documents were new. */
export async function seedCare(ensure: Ensure, now: Date): Promise<number> {
  const today = formatShanghai(now, 'YYYY-MM-DD');
  const anchor = addDays(today, -21);
  const volunteer = memberOf('member');
  const leader = memberOf('gridLeader');
  const at = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * 3_600_000);
  const [first, second, third] = [anchor, addDays(anchor, 7), addDays(anchor, 14)];
  const lateLoggedAt = new Date(now.getTime() - DAY);
  const pairing: PairingDoc = {
    _id: DEMO_CARE.pairing,
    communityId: COMMUNITY,
    elderId: DEMO_CARE.gu,
    gridId: G1,
    volunteerId: volunteer,
    state: 'active',
    plan: { weekdays: [weekdayOf(anchor)], everyWeeks: 1 },
    note: '阿婆喜欢聊京剧',
    proposedBy: leader,
    proposedAt: at(addDays(anchor, -1), 10),
    acceptedAt: at(anchor, 9),
    anchorDay: anchor,
    plannedThrough: addDays(today, -1),
    missedInRow: 0,
    lastLoggedAt: lateLoggedAt,
    endedAt: null,
    endedBy: null,
    endReason: '',
    updatedAt: lateLoggedAt,
    ...noUntold(),
  };
  const log = (day: string, minutes: number, concern: string, note: string) => ({ at: at(day, 15), minutes, done: ['medicine' as const, 'chat' as const], mood: concern ? ('fair' as const) : ('good' as const), note, concern, requestId: `demo-log-${day}`, by: volunteer });
  const visits: VisitDoc[] = [
    { ...dueVisit(pairing, first, now), state: 'logged', log: log(first, 60, '', '帮阿婆配了降压药，聊了半小时'), loggedAt: at(first, 17), confirmAfter: autoConfirmAt(at(first, 17)) },
    { ...dueVisit(pairing, second, now), state: 'missed', missedAt: at(addDays(second, 1), 0) },
    { ...dueVisit(pairing, third, now), state: 'logged', concern: true, log: log(third, 50, '阿婆说最近腿疼，上下楼吃力，想请社区医生上门看看', '陪阿婆买菜'), loggedAt: lateLoggedAt, confirmAfter: autoConfirmAt(lateLoggedAt) },
  ];
  const docs: [string, { _id: string } & Record<string, unknown>][] = [
    [
      COLLECTIONS.careElders,
      { ...elder(DEMO_CARE.gu, now, { name: '顾阿婆', building: '3号楼', room: '102', phone: '13911112222', needs: ['medicine', 'chat', 'shopping'], preferredTimes: ['工作日白天'], healthNotes: '高血压，每天早上服药；膝盖不好', family: { name: '顾小红', relation: '女儿', phone: '13933334444' }, consent: { by: leader, at: new Date(now.getTime() - 30 * DAY), note: '本人口头同意，女儿在场' }, volunteerIds: [volunteer], activeVolunteerIds: [volunteer], lastVisitDay: third }) },
    ],
    [COLLECTIONS.careElders, { ...elder(DEMO_CARE.qian, now, { name: '钱阿公', building: '2号楼', room: '301', needs: ['safety', 'chat'], frequency: 'biweekly', family: { name: '钱建', relation: '儿子', phone: '13955556666' } }) }],
    [
      COLLECTIONS.careElders,
      { ...elder(DEMO_CARE.sun, now, { gridId: G2, name: '孙奶奶', building: '6号楼', room: '201', needs: ['clinic', 'haircut'], frequency: 'twiceWeekly', healthNotes: '糖尿病，需按时测血糖', family: { name: '孙立', relation: '侄子', phone: '13977778888' }, registeredBy: memberOf('committee'), consent: { by: memberOf('committee'), at: new Date(now.getTime() - 10 * DAY), note: '本人签字同意' }, volunteerIds: [leader] }) },
    ],
    [COLLECTIONS.carePairings, { ...pairing }],
    [
      COLLECTIONS.carePairings,
      { ...pairing, _id: DEMO_CARE.proposal, elderId: DEMO_CARE.sun, gridId: G2, volunteerId: leader, state: 'proposed', plan: { weekdays: [2, 5], everyWeeks: 1 }, note: '', proposedBy: memberOf('committee'), proposedAt: new Date(now.getTime() - DAY), acceptedAt: null, anchorDay: null, plannedThrough: null, lastLoggedAt: null, updatedAt: new Date(now.getTime() - DAY) },
    ],
    ...visits.map((v): [string, { _id: string } & Record<string, unknown>] => [COLLECTIONS.careVisits, { ...v }]),
  ];
  let added = 0;
  for (const [collection, doc] of docs) if (await ensure(collection, doc)) added += 1;
  return added;
}
