/**
 * Every page of the app (src/app.config.ts, main package and subpackages), with the demo identity it is for and the
 * query it is opened with, as the app's own navigation opens it. Ids in a query come from the seeded demo data
 * through the real functions (an event id from `events.list`), so the table follows the seed.
 *
 * Shared by the weapp smoke test (miniprogram-simulate) and Chromium tests: it imports no test runner and no
 * simulator. tests/unit/support/page-table.test.ts fails when a page of app.config.ts has no row.
 */
import type { DemoIdentity } from './harness';

/** The identities a page is for: the roles a resident of the demo 居民区 can have, and the street. */
export type PageIdentity = Extract<DemoIdentity, 'newcomer' | 'resident' | 'member' | 'gridLeader' | 'committee' | 'streetAdmin'>;

/** Calls a function as the row's identity and answers its `data` (a failing answer throws). */
export type CallAs = (fn: string, action: string, payload?: Record<string, unknown>) => Promise<any>;

export interface PageRow {
  /** The page's route, as in app.config.ts (no leading slash). */
  page: string;
  as: PageIdentity;
  /** Why this row exists when a page has several (another role, another query). */
  variant?: string;
  /** The page's query, unencoded; resolved at run time from the demo data as the row's identity. */
  query?: (call: CallAs) => Promise<Record<string, string>>;
  /**
   * Opened from a card inside this fixture WeChat group (a key of emulator/platform/open-data.ts): in weapp the
   * enter options carry a shareTicket and `wx.getGroupEnterInfo` answers the group's cloudID; in H5 (local only)
   * the query carries `devGroup`.
   */
  inGroup?: string;
  /** When the page is opened, if not now: the server's clock is moved there for the row (and back after). */
  at?: (call: CallAs) => Promise<Date>;
  /** The title bar's title when the page sets one for this row (Taro.setNavigationBarTitle) over its config's. */
  title?: string;
}

/** The first item of a list action's page, failing plainly when the seed has none. */
async function first<T>(call: CallAs, fn: string, action: string, payload: Record<string, unknown> = {}): Promise<T> {
  const { items } = (await call(fn, action, payload)) as { items: T[] };
  const found = items[0];
  if (!found) throw new Error(`${fn}.${action} answered no items: the demo seed has none for this page`);
  return found;
}

const eventId = async (call: CallAs) => ({ eventId: (await first<{ id: string }>(call, 'events', 'list')).id });
const firstCabin = async (call: CallAs): Promise<string> => {
  const { cabins } = (await call('cabin', 'home')) as { cabins: { id: string }[] };
  if (!cabins[0]) throw new Error('cabin.home answered no cabins: the demo seed has none');
  return cabins[0].id;
};
const cabinId = async (call: CallAs) => ({ cabinId: await firstCabin(call) });
const cabinItem = async (call: CallAs) => ({ id: (await first<{ id: string }>(call, 'cabin', 'items', { cabinId: await firstCabin(call) })).id });
/** The published notice the grid leader wrote (managed lists drafts and scheduled ones too). */
const publishedNotice = async (call: CallAs): Promise<string> => {
  const { items } = (await call('notices', 'managed', {})) as { items: { id: string; status: string }[] };
  const found = items.find((n) => n.status === 'published');
  if (!found) throw new Error('notices.managed answered no published notice: the demo seed has none');
  return found.id;
};

/**
 * A report of the row's identity at their own building (or the first public spot), filed once: the request id makes
 * every later call answer the same report, so the table needs no seeded report.
 */
const ownReport = async (call: CallAs) => {
  const settings = (await call('reports', 'settings')) as { categories: { key: string }[]; spots: string[]; home: { building: string; room: string } | null };
  const place = settings.home ? { building: settings.home.building, unit: settings.home.room } : { spot: settings.spots[0] ?? '' };
  const { report } = (await call('reports', 'file', { report: { categoryKey: settings.categories[0]!.key, place, text: '楼道里堆了纸箱，挡住了路' }, requestId: 'page-table-report' })) as { report: { id: string } };
  return { id: report.id };
};

/** A proposal of the row's identity in the first category, proposed once (the request id makes a retry the same). */
const ownProposal = async (call: CallAs) => {
  const settings = (await call('participation', 'settings')) as { categories: { key: string }[] };
  const { proposal } = (await call('participation', 'propose', { proposal: { title: '小区大门加装雨棚', text: '下雨天等车的老人没地方躲雨。', categoryKey: settings.categories[0]!.key }, requestId: 'page-table-proposal' })) as { proposal: { id: string } };
  return { id: proposal.id };
};

/** A project the committee creates once (the demo seed the tests start from has none). */
const ownProject = async (call: CallAs) => {
  const { project } = (await call('participation', 'createProject', { project: { title: '垃圾厢房旁微花园', goal: '把空地改成居民一起打理的小花园。' }, requestId: 'page-table-project' })) as { project: { id: string } };
  return { id: project.id };
};

/**
 * A questionnaire of the row's identity (committee: the whole 居民区; grid leader: their first grid), written once
 * by its request id and published unless `draft`: every later call answers the same survey, so no seeded survey is
 * needed. It opens a minute ago and closes in a week.
 */
const ownSurvey = (draft: boolean) => async (call: CallAs) => {
  const { member } = (await call('members', 'me')) as { member: { roles: string[]; leadsGridIds: string[] } };
  const audience = member.roles.includes('committee') ? { kind: 'community' } : { kind: 'grids', gridIds: member.leadsGridIds.slice(0, 1) };
  const now = Date.now();
  const survey = {
    title: draft ? '楼道微更新想法（草稿）' : '5号楼非机动车棚意见征集',
    intro: '车棚建在哪里、要哪些设施，听听大家的意见。',
    questions: [
      { key: 'q1', kind: 'single', title: '是否同意加装车棚', options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }] },
      { key: 'q2', kind: 'multiple', title: '最需要哪些设施', options: [{ key: 'o1', label: '充电桩' }, { key: 'o2', label: '照明' }, { key: 'o3', label: '监控' }], min: 1, max: 2 },
      { key: 'q3', kind: 'rating', title: '对现在停车的满意度' },
      { key: 'q4', kind: 'text', title: '其他建议', required: false },
    ],
    audience,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 7 * 24 * 60 * 60_000).toISOString(),
    anonymous: false,
    results: 'live',
  };
  const created = (await call('surveys', 'create', { survey, requestId: draft ? 'page-table-survey-draft' : 'page-table-survey' })) as { survey: { id: string; state: string; version: number } };
  if (!draft && created.survey.state === 'draft') await call('surveys', 'publish', { surveyId: created.survey.id, version: created.survey.version });
  return { id: created.survey.id };
};

const HOMES: PageIdentity[] = ['newcomer', 'resident', 'member', 'gridLeader', 'committee', 'streetAdmin'];

export const PAGE_TABLE: PageRow[] = [
  // The homes and 我的 differ by role: each role opens them.
  ...HOMES.map((as): PageRow => ({ page: 'pages/home/index', as, variant: as })),
  ...HOMES.map((as): PageRow => ({ page: 'pages/me/index', as, variant: as })),
  { page: 'pages/profile/index', as: 'resident' },
  { page: 'pages/apply/index', as: 'resident' },

  { page: 'packages/admin/pages/applications/index', as: 'committee' },
  {
    page: 'packages/admin/pages/member/index',
    as: 'committee',
    // Opened from the approved tab of the applications.
    query: async (call) => ({ memberId: (await first<{ memberId: string }>(call, 'members', 'listApplications', { status: 'approved' })).memberId }),
  },
  { page: 'packages/admin/pages/councils/index', as: 'committee' },
  { page: 'packages/admin/pages/grids/index', as: 'committee' },
  { page: 'packages/admin/pages/import/index', as: 'committee' },
  { page: 'packages/admin/pages/points/index', as: 'committee' },
  { page: 'packages/admin/pages/report/index', as: 'committee' },
  { page: 'packages/admin/pages/audit/index', as: 'committee' },
  { page: 'packages/admin/pages/shop/index', as: 'committee' },
  { page: 'packages/admin/pages/honours/index', as: 'committee' },
  { page: 'packages/admin/pages/honours/index', as: 'streetAdmin', variant: '星级标准', query: async () => ({ section: 'levels' }) },

  { page: 'packages/councils/pages/list/index', as: 'member' },
  // 我的 offers every resident of a 居民区 the service entries, members or not.
  { page: 'packages/councils/pages/list/index', as: 'resident', variant: 'not a member' },
  { page: 'packages/councils/pages/detail/index', as: 'member', query: async (call) => ({ id: (await first<{ id: string }>(call, 'councils', 'list')).id }) },

  { page: 'packages/grids/pages/roster/index', as: 'gridLeader' },
  {
    page: 'packages/grids/pages/roster/index',
    as: 'committee',
    variant: 'a grid chosen',
    query: async (call) => {
      const { grids } = (await call('grids', 'overview')) as { grids: { id: string }[] };
      if (!grids[0]) throw new Error('grids.overview answered no grids: the demo seed has none');
      return { gridId: grids[0].id };
    },
  },
  { page: 'packages/grids/pages/talent/index', as: 'committee' },
  { page: 'packages/grids/pages/talent/index', as: 'gridLeader', variant: 'grid leader' },

  { page: 'packages/profile/pages/privacy/index', as: 'resident' },
  { page: 'packages/profile/pages/data/index', as: 'resident' },
  { page: 'packages/profile/pages/children/index', as: 'resident' },
  { page: 'packages/profile/pages/proxy/index', as: 'committee' },

  { page: 'packages/street/pages/overview/index', as: 'streetAdmin' },
  { page: 'packages/ledger/pages/mine/index', as: 'member' },
  { page: 'packages/ledger/pages/mine/index', as: 'resident', variant: 'not a member' },

  { page: 'packages/events/pages/list/index', as: 'resident' },
  { page: 'packages/events/pages/list/index', as: 'committee', variant: 'organizer' },
  { page: 'packages/events/pages/detail/index', as: 'resident', query: async (call) => ({ id: (await eventId(call)).eventId }) },
  { page: 'packages/events/pages/detail/index', as: 'member', variant: 'signed up', query: async (call) => ({ id: (await eventId(call)).eventId }) },
  { page: 'packages/events/pages/detail/index', as: 'committee', variant: 'organizer', query: async (call) => ({ id: (await eventId(call)).eventId }) },
  { page: 'packages/events/pages/edit/index', as: 'committee', variant: 'new' },
  { page: 'packages/events/pages/edit/index', as: 'committee', variant: 'existing', query: async (call) => ({ id: (await eventId(call)).eventId }) },
  { page: 'packages/events/pages/mine/index', as: 'member' },
  { page: 'packages/events/pages/mine/index', as: 'resident', variant: 'not a member' },

  // The detail page opens scan for its event (the camera, the 6-character code or the typed token check in).
  { page: 'packages/checkin/pages/scan/index', as: 'member', query: eventId },
  // The organizer reaches the station from the event page at any time, and uses it when check-in is open.
  { page: 'packages/checkin/pages/station/index', as: 'committee', query: eventId },
  {
    page: 'packages/checkin/pages/station/index',
    as: 'committee',
    variant: 'check-in open',
    query: eventId,
    at: async (call) => {
      const { event } = (await call('events', 'get', await eventId(call))) as { event: { startAt: string } };
      return new Date(Date.parse(event.startAt) - 10 * 60_000);
    },
  },
  // The demo member is signed up for the first event (the patrol).
  { page: 'packages/checkin/pages/pass/index', as: 'member', query: eventId },
  { page: 'packages/checkin/pages/review/index', as: 'committee', query: eventId },

  { page: 'packages/shop/pages/list/index', as: 'member' },
  { page: 'packages/shop/pages/list/index', as: 'resident', variant: 'not a member' },
  { page: 'packages/shop/pages/mine/index', as: 'member' },
  { page: 'packages/shop/pages/verify/index', as: 'committee' },

  { page: 'packages/honours/pages/wall/index', as: 'resident' },
  { page: 'packages/honours/pages/certificate/index', as: 'member' },
  { page: 'packages/honours/pages/verify/index', as: 'resident' },
  { page: 'packages/honours/pages/leaderboard/index', as: 'member' },

  { page: 'packages/cabin/pages/home/index', as: 'resident' },
  { page: 'packages/cabin/pages/home/index', as: 'member', variant: 'keeper' },
  { page: 'packages/cabin/pages/item/index', as: 'resident', query: cabinItem },
  { page: 'packages/cabin/pages/item/index', as: 'member', variant: 'keeper', query: cabinItem },
  { page: 'packages/cabin/pages/mine/index', as: 'resident' },
  { page: 'packages/cabin/pages/donate/index', as: 'resident', query: cabinId },
  // 我的 opens the desk and the management without a cabin: the page finds the caller's.
  { page: 'packages/cabin/pages/desk/index', as: 'member' },
  { page: 'packages/cabin/pages/desk/index', as: 'committee', variant: 'a cabin chosen', query: cabinId },
  { page: 'packages/cabin/pages/manage/index', as: 'committee' },
  { page: 'packages/cabin/pages/manage/index', as: 'committee', variant: 'new cabin', query: async () => ({ new: '1' }) },
  { page: 'packages/cabin/pages/report/index', as: 'committee', query: cabinId },

  { page: 'packages/notices/pages/list/index', as: 'resident' },
  { page: 'packages/notices/pages/list/index', as: 'gridLeader', variant: 'writer' },
  { page: 'packages/notices/pages/detail/index', as: 'resident', query: async (call) => ({ id: (await first<{ id: string }>(call, 'notices', 'list')).id }) },
  { page: 'packages/notices/pages/detail/index', as: 'gridLeader', variant: 'writer', query: async (call) => ({ id: await publishedNotice(call) }) },
  { page: 'packages/notices/pages/edit/index', as: 'gridLeader' },
  {
    page: 'packages/notices/pages/edit/index',
    as: 'gridLeader',
    variant: 'a draft',
    query: async (call) => {
      const { items } = (await call('notices', 'managed', {})) as { items: { id: string; status: string }[] };
      const draft = items.find((n) => n.status === 'draft');
      if (!draft) throw new Error('notices.managed answered no draft: the demo seed has none');
      return { id: draft.id };
    },
  },
  { page: 'packages/notices/pages/receipts/index', as: 'gridLeader', query: async (call) => ({ id: await publishedNotice(call), mode: 'read' }) },
  { page: 'packages/notices/pages/receipts/index', as: 'gridLeader', variant: 'replies', query: async (call) => ({ id: await publishedNotice(call), mode: 'reply' }) },
  { page: 'packages/notices/pages/groups/index', as: 'gridLeader' },
  {
    page: 'packages/notices/pages/bind/index',
    as: 'gridLeader',
    // The bind card, shared into a group not bound yet, carries one of the leader's grids.
    inGroup: 'C',
    query: async (call) => {
      const { member } = (await call('members', 'me')) as { member: { leadsGridIds: string[] } };
      if (!member.leadsGridIds[0]) throw new Error('the demo grid leader leads no grid');
      return { gridId: member.leadsGridIds[0] };
    },
  },
  { page: 'packages/notices/pages/robots/index', as: 'committee' },

  { page: 'packages/reports/pages/new/index', as: 'resident' },
  { page: 'packages/reports/pages/new/index', as: 'gridLeader', variant: 'may file for a resident' },
  { page: 'packages/reports/pages/mine/index', as: 'resident' },
  { page: 'packages/reports/pages/detail/index', as: 'resident', query: ownReport },
  // The grid leader's own building is in their grid: they file it and handle it (响应, 走访, 转交…).
  { page: 'packages/reports/pages/detail/index', as: 'gridLeader', variant: 'handler', query: ownReport },
  { page: 'packages/reports/pages/queue/index', as: 'gridLeader' },
  { page: 'packages/reports/pages/admin/index', as: 'committee' },
  { page: 'packages/reports/pages/settings/index', as: 'committee' },

  { page: 'packages/participation/pages/proposals/index', as: 'resident' },
  { page: 'packages/participation/pages/proposals/index', as: 'committee', variant: '议事答复', query: async () => ({ toAnswer: '1' }), title: '议事答复' },
  { page: 'packages/participation/pages/propose/index', as: 'resident' },
  { page: 'packages/participation/pages/proposal/index', as: 'resident', query: ownProposal },
  // Still collecting (the tests' 居民区 has no proposal at the threshold): the page says there is nothing to answer yet.
  { page: 'packages/participation/pages/answer/index', as: 'committee', query: ownProposal },
  { page: 'packages/participation/pages/projects/index', as: 'resident' },
  // The committee's view: 发布进展 and 项目状态 under the project.
  { page: 'packages/participation/pages/project/index', as: 'committee', query: ownProject },
  { page: 'packages/participation/pages/settings/index', as: 'committee' },
  { page: 'packages/participation/pages/edit/index', as: 'committee', variant: '新建项目', title: '新建项目' },
  { page: 'packages/participation/pages/edit/index', as: 'committee', variant: '编辑项目', query: ownProject },
  { page: 'packages/participation/pages/street/index', as: 'streetAdmin' },
  { page: 'packages/surveys/pages/list/index', as: 'resident' },
  { page: 'packages/surveys/pages/list/index', as: 'gridLeader', variant: 'may ask their grids' },
  { page: 'packages/surveys/pages/answer/index', as: 'committee', query: ownSurvey(false) },
  // A grid leader lives in their grid: they ask it and answer it too.
  { page: 'packages/surveys/pages/answer/index', as: 'gridLeader', variant: 'their grid', query: ownSurvey(false) },
  { page: 'packages/surveys/pages/results/index', as: 'committee', query: ownSurvey(false) },
  { page: 'packages/surveys/pages/manage/index', as: 'gridLeader' },
  { page: 'packages/surveys/pages/manage/index', as: 'committee' },
  { page: 'packages/surveys/pages/edit/index', as: 'gridLeader', title: '发起问卷' },
  { page: 'packages/surveys/pages/edit/index', as: 'committee', title: '发起问卷' },
  { page: 'packages/surveys/pages/edit/index', as: 'committee', variant: 'a draft', query: ownSurvey(true) },
];

/** A row's name in test titles: page, identity and variant. */
export const rowName = (row: PageRow): string => `${row.page} as ${row.as}${row.variant && row.variant !== row.as ? ` (${row.variant})` : ''}`;
