import type { ItemInput } from '../../src/shared/actions/cabin';
import type { TimeRange, WeeklyHours } from '../../src/shared/domain/cabin';
import { addDays, dayOf, instantAt, opensOn } from '../../src/shared/rules/cabin-hours';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { newItemDoc, shiftIdOf, type CabinDoc, type LogDoc, type ShiftDoc } from '../../cloudfunctions/cabin/cabin.model';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
export const DEMO_CABIN_ID = 'cabin-baiyu1';

const day = (...ranges: [string, string][]): TimeRange[] => ranges.map(([from, to]) => ({ from, to }));
const weekday = day(['09:00', '11:30'], ['14:00', '17:00']);
/** Weekdays morning and afternoon, Saturday morning, closed on Sunday. */
const CABIN_HOURS: WeeklyHours = [weekday, weekday, weekday, weekday, weekday, day(['09:00', '11:30']), []];
/** The paper rack is open 9:00-10:00 every morning, Sunday too. */
const PAPER_RACK_HOURS: WeeklyHours = Array.from({ length: 7 }, () => day(['09:00', '10:00']));

/** The demo items by a short key: `cbi-<key>` is the item id (and its QR label's scene `i=cbi-<key>`). */
export const DEMO_CABIN_ITEMS: Record<string, ItemInput> = {
  'sew-1': { kind: 'loanable', sectionKey: 'sewing', name: '针线包（一号）', description: '剪刀、顶针、十色线、针插，缝缝补补都够用。', condition: '九成新', loanClass: 'sewing' },
  'sew-2': { kind: 'loanable', sectionKey: 'sewing', name: '针线包（二号）', description: '剪刀、顶针、十色线、针插。', condition: '八成新', loanClass: 'sewing' },
  'sew-3': { kind: 'loanable', sectionKey: 'sewing', name: '针线包（三号）', description: '剪刀、顶针、二十色线、穿针器，适合眼神不好的老人。', condition: '全新', loanClass: 'sewing' },
  'book-1': { kind: 'loanable', sectionKey: 'books', name: '平凡的世界', description: '路遥著，三册一套。', condition: '书脊有折痕', loanClass: 'book' },
  'book-2': { kind: 'loanable', sectionKey: 'books', name: '家庭常备药手册', description: '常见病用药、药箱整理，字大好读。', condition: '九成新', loanClass: 'book' },
  'book-3': { kind: 'loanable', sectionKey: 'books', name: '老年人智能手机入门', description: '微信视频、扫码、打车，一步一图。', condition: '全新', loanClass: 'book' },
  'umbrella-1': { kind: 'loanable', sectionKey: 'umbrellas', name: '爱心雨伞（蓝）', description: '长柄大伞，下雨天借一把，用完还回来。', condition: '完好', loanClass: 'umbrella' },
  'umbrella-2': { kind: 'loanable', sectionKey: 'umbrellas', name: '爱心雨伞（黄）', description: '折叠伞，轻便。', condition: '伞骨有一根略弯', loanClass: 'umbrella' },
  buttons: { kind: 'consumable', sectionKey: 'buttons', name: '纽扣（白色）', description: '衬衫纽扣，免费领取，按需取用。', condition: '', stock: 120, unit: '颗', lowStockAt: 20 },
  needles: { kind: 'consumable', sectionKey: 'buttons', name: '缝衣针', description: '大小号混装。', condition: '', stock: 50, unit: '根', lowStockAt: 10 },
  thread: { kind: 'consumable', sectionKey: 'buttons', name: '棉线（黑色）', description: '一卷约五十米。', condition: '', stock: 15, unit: '卷', lowStockAt: 5 },
  coasters: { kind: 'sale', sectionKey: 'sale', name: '手工编织杯垫', description: '楼组阿姨手工编织，义卖所得用于社区助老。', condition: '全新', priceFen: 500 },
  poems: { kind: 'sale', sectionKey: 'sale', name: '唐诗三百首（旧书）', description: '居民捐赠的旧书，义卖所得用于社区助老。', condition: '八成新', priceFen: 800 },
};

const READING = [
  { key: 'xinmin', name: '新民晚报', description: '当天的报纸，在报刊架阅读。' },
  { key: 'jiefang', name: '解放日报', description: '当天的报纸，在报刊架阅读。' },
  { key: 'laonian', name: '上海老年报', description: '每周一期，在报刊架阅读。' },
];

export const demoCabinItemId = (key: string): string => `cbi-${key}`;

/** The 爱心格子屋 of 白玉一居: sections, hours, keepers (the committee and the demo member), a week of duty, items. */
export async function seedCabin(ensure: Ensure, now: Date): Promise<number> {
  const committee = demoPerson('committee');
  const member = demoPerson('member');
  const volunteer = demoPerson('gridLeader');
  const committeeId = demoMemberId(committee);
  const memberId = demoMemberId(member);
  const volunteerId = demoMemberId(volunteer);
  const nextYear = Number(dayOf(now).slice(0, 4)) + 1;
  const cabin: CabinDoc = {
    _id: DEMO_CABIN_ID,
    communityId: COMMUNITY,
    name: '爱心格子屋',
    place: '白玉一居 居委会一楼东侧',
    description: '报刊阅读、共享书架、针线包借用、纽扣针线免费领取、爱心义卖。由第二梯队志愿者轮流值班。',
    hours: CABIN_HOURS,
    sections: [
      { key: 'papers', name: '报刊架', hours: PAPER_RACK_HOURS },
      { key: 'books', name: '共享书架', hours: null },
      { key: 'sewing', name: '针线包', hours: null },
      { key: 'buttons', name: '纽扣针线', hours: null },
      { key: 'sale', name: '爱心义卖', hours: null },
      { key: 'umbrellas', name: '爱心雨伞', hours: null },
    ],
    closures: [{ from: `${nextYear}-01-01`, to: `${nextYear}-01-01`, reason: '元旦休息' }],
    keeperIds: [committeeId, memberId],
    volunteerIds: [volunteerId],
    staff: [
      { memberId: committeeId, name: committee.name },
      { memberId, name: member.name },
      { memberId: volunteerId, name: volunteer.name },
    ],
    createdAt: now,
    updatedAt: now,
  };
  let added = 0;
  const count = async (collection: string, doc: { _id: string }) => {
    if (await ensure(collection, doc as { _id: string } & Record<string, unknown>)) added += 1;
  };
  await count(COLLECTIONS.cabins, cabin);

  const today = dayOf(now);
  const items = [
    ...Object.entries(DEMO_CABIN_ITEMS).map(([key, input]) => ({ key, input })),
    ...READING.map((r) => ({ key: r.key, input: { kind: 'reading', sectionKey: 'papers', name: r.name, description: r.description, condition: '', issueDate: today } as ItemInput })),
  ];
  for (const { key, input } of items) {
    const item = newItemDoc(demoCabinItemId(key), COMMUNITY, DEMO_CABIN_ID, input, committeeId, now);
    await count(COLLECTIONS.cabinItems, item);
    const stocked = item.kind === 'consumable';
    const log: LogDoc = {
      _id: `${item._id}:added`,
      communityId: COMMUNITY,
      cabinId: DEMO_CABIN_ID,
      itemId: item._id,
      itemName: item.name,
      kind: stocked ? 'create' : 'added',
      delta: stocked ? item.stock : null,
      memberId: null,
      memberName: null,
      by: committeeId,
      byName: committee.name,
      note: '',
      at: now,
    };
    await count(COLLECTIONS.cabinLog, log);
  }

  // A week of morning duty: the member on weekdays, the volunteer on Saturdays.
  for (let i = 0; i < 7; i += 1) {
    const date = addDays(today, i);
    if (!opensOn(CABIN_HOURS, cabin.closures, date)) continue;
    const saturday = new Date(`${date}T00:00:00Z`).getUTCDay() === 6;
    const who = saturday ? { id: volunteerId, name: volunteer.name } : { id: memberId, name: member.name };
    const shift: ShiftDoc = {
      _id: shiftIdOf(DEMO_CABIN_ID, date, '09:00', who.id),
      communityId: COMMUNITY,
      cabinId: DEMO_CABIN_ID,
      date,
      from: '09:00',
      to: '11:30',
      startAt: instantAt(date, '09:00'),
      endAt: instantAt(date, '11:30'),
      memberId: who.id,
      memberName: who.name,
      postedHalfHours: null,
    };
    await count(COLLECTIONS.cabinShifts, shift);
  }
  return added;
}
