import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { groupIdOf, noticeIdOf, receiptIdOf, type GroupDoc, type NoticeDoc, type ReceiptDoc, type RobotDoc } from '../../cloudfunctions/notices/notices.model';
import { countTargeted } from '../../cloudfunctions/notices/notices.queries';
import { findNoticeTemplate } from '../../src/shared/notice-templates';
import { audienceKeysOf } from '../../src/shared/rules/notice-audience';
import { LocalOpenData } from '../platform/open-data';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
const GRID = 'cm-baiyu1-g1';
const memberOf = (key: string) => demoMemberId(demoPerson(key));

/** The fixture WeChat groups of 第一微格: a page opened with `?devGroup=A` locally is opened inside group A. */
export const DEMO_GROUPS = { A: 'A', B: 'B' } as const;
export const DEMO_NOTICE_IDS = {
  published: noticeIdOf(COMMUNITY, 'demo-outage'),
  draft: noticeIdOf(COMMUNITY, 'demo-draft'),
  scheduled: noticeIdOf(COMMUNITY, 'demo-scheduled'),
  /** The committee's notice to the whole 居民区 that nobody has opened yet: every home shows it unread. */
  community: noticeIdOf(COMMUNITY, 'demo-cleanup'),
  /** The grid leader's notice to the yellow group of 第一微格 (王秀兰 is in it): staff read the colour, she never does. */
  colour: noticeIdOf(COMMUNITY, 'demo-visit'),
} as const;
/** The local robot of 第一微格: any key lands in the dev server's WeCom sink. */
export const DEMO_ROBOT_KEY = 'local-demo-robot-g1';

function groups(now: Date): GroupDoc[] {
  const leader = demoPerson('gridLeader');
  return [
    { key: DEMO_GROUPS.A, name: '1-2号楼邻里群' },
    { key: DEMO_GROUPS.B, name: '3-4号楼邻里群' },
  ].map(({ key, name }) => {
    const opengid = LocalOpenData.opengidOf(key);
    return { _id: groupIdOf(opengid), communityId: COMMUNITY, gridId: GRID, opengid, name, boundBy: memberOf('gridLeader'), boundByName: leader.name, boundAt: now };
  });
}

function notice(now: Date, id: string, fields: Partial<NoticeDoc>): NoticeDoc {
  const outage = findNoticeTemplate('outage')!;
  const target = { kind: 'grids' as const, gridIds: [GRID] };
  return {
    _id: id,
    communityId: COMMUNITY,
    writerId: memberOf('gridLeader'),
    writerName: demoPerson('gridLeader').name,
    title: '本周四上午停水通知',
    body: outage.body.replace('【原因，如管道维修】', '二次供水水箱清洗').replace('【楼栋】', '1-4号楼').replace('【日期】', '本周四').replace('【开始时间】', '8:00').replace('【结束时间】', '12:00').replace('【水/电】', '水'),
    images: [],
    target,
    audienceKeys: audienceKeysOf(target),
    targetLabel: '第一微格',
    mode: 'reply',
    question: outage.question,
    expiresAt: null,
    templateKey: outage.key,
    status: 'published',
    publishAt: now,
    publishedAt: now,
    counts: { targeted: 0 },
    groupNames: {},
    remindRound: 0,
    remindRequestId: null,
    announce: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/**
 * Demo data of the notices domain in 白玉一居: groups A and B of 第一微格 bound by its leader, a WeCom robot for the
 * grid, a published notice that 王秀兰 opened in group A and answered and the leader opened directly, a draft and a
 * notice scheduled for tomorrow, and a notice to the yellow group of 第一微格. Counters agree with the receipts. Answers how many documents were new.
 */
const YELLOW = { kind: 'colour' as const, colour: 'yellow' as const, gridIds: [GRID] };

export async function seedNotices(ensure: Ensure, now: Date): Promise<number> {
  const [groupA, groupB] = groups(now);
  const resident = memberOf('resident');
  const leader = memberOf('gridLeader');
  const published = notice(now, DEMO_NOTICE_IDS.published, {
    counts: { targeted: await countTargeted(COMMUNITY, { kind: 'grids', gridIds: [GRID] }) },
    groupNames: { [groupA!._id]: groupA!.name },
  });
  const receipt = (memberId: string, extra: Partial<ReceiptDoc>): ReceiptDoc => ({
    _id: receiptIdOf(published._id, memberId),
    noticeId: published._id,
    communityId: COMMUNITY,
    memberId,
    targeted: true,
    state: 'read',
    readAt: now,
    groupIds: [],
    confirmedAt: null,
    reply: null,
    ...extra,
  });
  const robot: RobotDoc = {
    _id: GRID,
    communityId: COMMUNITY,
    gridId: GRID,
    key: DEMO_ROBOT_KEY,
    setBy: memberOf('committee'),
    setByName: demoPerson('committee').name,
    setAt: now,
    windowStart: 0,
    windowCount: 0,
    lastError: null,
  };
  const docs: [string, { _id: string }][] = [
    [COLLECTIONS.noticeGroups, groupA!],
    [COLLECTIONS.noticeGroups, groupB!],
    [COLLECTIONS.wecomRobots, robot],
    [COLLECTIONS.notices, published],
    [COLLECTIONS.noticeReceipts, receipt(resident, { state: 'replied', reply: published.question!.options[0]!, groupIds: [groupA!._id] })],
    [COLLECTIONS.noticeReceipts, receipt(leader, { elsewhere: true })],
    [
      COLLECTIONS.notices,
      notice(now, DEMO_NOTICE_IDS.community, {
        writerId: memberOf('committee'),
        writerName: demoPerson('committee').name,
        title: '本周六上午社区大扫除',
        body: '本周六上午 9:00 在居委会门口集合，一起清理楼道和绿化带。手套和工具居委会准备好了，欢迎带上孩子一起来。',
        target: { kind: 'community' },
        audienceKeys: audienceKeysOf({ kind: 'community' }),
        targetLabel: '全体居民',
        mode: 'read',
        question: null,
        templateKey: null,
        publishAt: new Date(now.getTime() - 3600_000),
        publishedAt: new Date(now.getTime() - 3600_000),
        counts: { targeted: await countTargeted(COMMUNITY, { kind: 'community' }) },
      }),
    ],
    [
      COLLECTIONS.notices,
      notice(now, DEMO_NOTICE_IDS.colour, {
        title: '本周入户走访安排',
        body: '本周三下午微格长会上门看望，聊聊近况，有需要帮忙的事情可以直接说。',
        target: YELLOW,
        audienceKeys: audienceKeysOf(YELLOW),
        targetLabel: '黄色分组（第一微格）',
        publicLabel: '第一微格部分居民',
        mode: 'read',
        question: null,
        templateKey: null,
        publishAt: new Date(now.getTime() - 2 * 3600_000),
        publishedAt: new Date(now.getTime() - 2 * 3600_000),
        counts: { targeted: await countTargeted(COMMUNITY, YELLOW) },
        announce: { state: 'done', page: 2 },
      }),
    ],
    [
      COLLECTIONS.notices,
      notice(now, DEMO_NOTICE_IDS.draft, { title: '请清理楼道堆物（草稿）', status: 'draft', publishAt: null, publishedAt: null, mode: 'confirm', question: null, templateKey: 'corridor-clutter' }),
    ],
    [
      COLLECTIONS.notices,
      notice(now, DEMO_NOTICE_IDS.scheduled, {
        title: '安全提醒：请勿飞线充电',
        body: findNoticeTemplate('safety-charging')!.body,
        status: 'scheduled',
        publishAt: new Date(now.getTime() + 24 * 3600_000),
        publishedAt: null,
        mode: 'confirm',
        question: null,
        templateKey: 'safety-charging',
      }),
    ],
  ];
  let added = 0;
  for (const [collection, doc] of docs) if (await ensure(collection, doc as { _id: string } & Record<string, unknown>)) added += 1;
  return added;
}
