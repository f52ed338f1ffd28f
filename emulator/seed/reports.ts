import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { numberOf, reportIdOf } from '../../cloudfunctions/reports/common';
import { defaultCategories, type ReportDoc, type ReportSettingsDoc, type ReportStepDoc } from '../../cloudfunctions/reports/reports.model';
import type { ReportPlace, ReportState } from '../../src/shared/domain/report';
import { dueTimes, nextDue } from '../../src/shared/rules/report-clock';
import { demoPerson } from './demo-data';
import { talentPersonId } from './grids';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
const GRID = 'cm-baiyu1-g1';
const MIN = 60_000;
const HOUR = 60 * MIN;
const memberOf = (key: string) => demoMemberId(demoPerson(key));

/** Public places of 白玉 residents may pick instead of a building. */
export const DEMO_REPORT_SPOTS = ['小区大门', '垃圾厢房', '3号楼前绿地', '非机动车棚'];

/** The demo reports, by what they show. */
export const DEMO_REPORTS = {
  /** 待响应, filed a few minutes ago by 王秀兰 (3号楼 楼道堆物): a neighbour reporting the same sees 已有邻居上报. */
  fresh: reportIdOf(memberOf('resident'), 'demo-report-fresh'),
  /** 超时未响应: nobody answered in 15 minutes, the 总格长 was added. */
  late: reportIdOf(talentPersonId('doctor'), 'demo-report-late'),
  /** 处理中, filed by the grid leader for 吴阿婆 (代办), with a visit on the timeline. */
  visited: reportIdOf(talentPersonId('elder'), 'demo-report-visited'),
  /** 待确认: resolved by the grid leader, waiting for 王秀兰 to confirm. */
  resolved: reportIdOf(memberOf('resident'), 'demo-report-resolved'),
  /** 已办结 with five stars. */
  closed: reportIdOf(talentPersonId('doctor'), 'demo-report-closed'),
} as const;

const leaderStep = (kind: ReportStepDoc['kind'], at: Date, text: string, extra: Partial<ReportStepDoc> = {}): ReportStepDoc => ({
  kind,
  at,
  byMemberId: memberOf('gridLeader'),
  byRole: 'grid_leader',
  bySurname: Array.from(demoPerson('gridLeader').name)[0]!,
  text,
  photos: [],
  ...extra,
});

const residentStep = (kind: ReportStepDoc['kind'], at: Date, by: string, text: string): ReportStepDoc => ({
  kind,
  at,
  byMemberId: by,
  byRole: 'reporter',
  bySurname: '',
  text,
  photos: [],
});

const systemStep = (kind: ReportStepDoc['kind'], at: Date, text: string): ReportStepDoc => ({
  kind,
  at,
  byMemberId: null,
  byRole: 'system',
  bySurname: '',
  text,
  photos: [],
});

interface DemoReport {
  id: string;
  reporterId: string;
  proxyBy?: string;
  categoryKey: string;
  place: Omit<ReportPlace, 'point'>;
  text: string;
  state: ReportState;
  filedAt: Date;
  /** Steps after filing; the filing step is added. */
  steps: ReportStepDoc[];
  fields?: Partial<ReportDoc>;
}

function reportDoc(r: DemoReport, now: Date): ReportDoc {
  const category = defaultCategories().find((c) => c.key === r.categoryKey)!;
  const rule = { responseMinutes: category.responseMinutes, resolutionHours: category.resolutionHours, quietHours: category.quietHours };
  const due = dueTimes(r.filedAt, rule);
  const filed = r.proxyBy
    ? leaderStep('filed', r.filedAt, '代居民上报', {})
    : residentStep('filed', r.filedAt, r.reporterId, '');
  const doc: ReportDoc = {
    _id: r.id,
    communityId: COMMUNITY,
    number: numberOf(r.id, r.filedAt),
    state: r.state,
    version: r.steps.length,
    categoryKey: category.key,
    categoryName: category.name,
    rule,
    place: { ...r.place, point: null },
    text: r.text,
    photos: [],
    pendingImages: [],
    refusedImages: 0,
    reporterId: r.reporterId,
    proxyBy: r.proxyBy ?? null,
    followers: [],
    gridId: GRID,
    assignee: { kind: 'grid', gridId: GRID },
    handlerIds: [memberOf('gridLeader')],
    chiefId: memberOf('committee'),
    pastHandlerIds: [memberOf('gridLeader')],
    filedAt: r.filedAt,
    clockStartedAt: r.filedAt,
    ...due,
    nextDueAt: null,
    respondedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    closedAt: null,
    pausedAt: null,
    waitingReason: null,
    responseOverdue: false,
    resolutionOverdue: false,
    reopenCount: 0,
    rating: null,
    mergedInto: null,
    steps: [filed, ...r.steps],
    // The demo's closed report was settled before the 居民区 set handler points: none are owed.
    pointsPosted: null,
    points: 0,
    untold: false,
    tellByTimer: false,
    toldSteps: r.steps.length + 1,
    updatedAt: now,
    ...r.fields,
  };
  return { ...doc, nextDueAt: nextDue(doc).dueAt };
}

/**
 * Demo data of 一键上报 in 白玉一居: its report settings (the default categories, public spots, 2 handler points) and five
 * reports in 第一微格, one in each state a person meets first. Written as stored documents, as the other domains are
 * seeded; times are relative to the seeding clock, so the timer treats them as any report (the fresh one escalates 15
 * minutes after seeding, as a real one would). Answers how many documents were new.
 */
export async function seedReports(ensure: Ensure, now: Date): Promise<number> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const resident = memberOf('resident');
  const doctor = talentPersonId('doctor');
  const leader = memberOf('gridLeader');

  const settings: ReportSettingsDoc = {
    _id: COMMUNITY,
    communityId: COMMUNITY,
    categories: defaultCategories(),
    spots: DEMO_REPORT_SPOTS,
    handlerPoints: 2,
    updatedBy: memberOf('committee'),
    updatedAt: now,
  };

  const visitedAt = ago(3 * HOUR);
  const resolvedFiled = ago(26 * HOUR);
  const closedFiled = ago(3 * 24 * HOUR);
  const reports: DemoReport[] = [
    {
      id: DEMO_REPORTS.fresh,
      reporterId: resident,
      categoryKey: 'clutter',
      place: { building: '3号楼', unit: '2单元', spot: '' },
      text: '3号楼2单元一楼楼道里堆了好几个旧纸箱和一辆坏自行车，老人进出不方便，也怕着火。',
      state: 'submitted',
      filedAt: ago(3 * MIN),
      steps: [],
    },
    {
      id: DEMO_REPORTS.late,
      reporterId: doctor,
      categoryKey: 'facility',
      place: { building: '2号楼', unit: '', spot: '' },
      text: '2号楼楼道灯坏了好几天，晚上上下楼看不清，怕老人摔跤。',
      state: 'submitted',
      filedAt: ago(50 * MIN),
      steps: [systemStep('responseOverdue', ago(35 * MIN), '15分钟内无人响应，已转总格长')],
      fields: { responseOverdue: true, handlerIds: [leader, memberOf('committee')] },
    },
    {
      id: DEMO_REPORTS.visited,
      reporterId: talentPersonId('elder'),
      proxyBy: leader,
      categoryKey: 'leak',
      place: { building: '1号楼', unit: '102', spot: '' },
      text: '吴阿婆家厨房天花板一直在滴水，像是楼上卫生间漏水。',
      state: 'accepted',
      filedAt: ago(5 * HOUR),
      steps: [
        leaderStep('accepted', ago(5 * HOUR - 8 * MIN), '收到，今天下午上门看看。'),
        leaderStep('visited', visitedAt, '', {
          visit: { at: visitedAt, whom: '吴阿婆、楼上202住户', found: '楼上卫生间防水层老化，已联系物业安排维修，先放了接水盆。' },
        }),
      ],
      fields: { respondedAt: ago(5 * HOUR - 8 * MIN) },
    },
    {
      id: DEMO_REPORTS.resolved,
      reporterId: resident,
      categoryKey: 'sanitation',
      place: { building: '4号楼', unit: '', spot: '' },
      text: '4号楼门口的垃圾桶满了两天没人清运，有异味。',
      state: 'resolved',
      filedAt: resolvedFiled,
      steps: [
        leaderStep('accepted', new Date(resolvedFiled.getTime() + 10 * MIN), '收到，马上联系保洁。'),
        leaderStep('resolved', new Date(resolvedFiled.getTime() + 3 * HOUR), '已联系保洁清运，垃圾桶也冲洗了，请您看看。'),
      ],
      fields: {
        respondedAt: new Date(resolvedFiled.getTime() + 10 * MIN),
        resolvedAt: new Date(resolvedFiled.getTime() + 3 * HOUR),
        resolvedBy: leader,
      },
    },
    {
      id: DEMO_REPORTS.closed,
      reporterId: doctor,
      categoryKey: 'charging',
      place: { building: '2号楼', unit: '', spot: '' },
      text: '有人从2楼窗户拉电线下来给电瓶车充电，很危险。',
      state: 'closed',
      filedAt: closedFiled,
      steps: [
        leaderStep('accepted', new Date(closedFiled.getTime() + 6 * MIN), '收到，这就去看。'),
        leaderStep('resolved', new Date(closedFiled.getTime() + 5 * HOUR), '已和住户沟通，电线已拆除，提醒他去非机动车棚充电。'),
        residentStep('confirmed', new Date(closedFiled.getTime() + 26 * HOUR), doctor, '处理得很快，谢谢！'),
      ],
      fields: {
        respondedAt: new Date(closedFiled.getTime() + 6 * MIN),
        resolvedAt: new Date(closedFiled.getTime() + 5 * HOUR),
        resolvedBy: leader,
        closedAt: new Date(closedFiled.getTime() + 26 * HOUR),
        rating: { stars: 5, comment: '处理得很快，谢谢！' },
      },
    },
  ];

  let added = 0;
  if (await ensure(COLLECTIONS.reportSettings, { ...settings })) added += 1;
  for (const r of reports) if (await ensure(COLLECTIONS.reports, { ...reportDoc(r, now) })) added += 1;
  return added;
}
