import type { MemberView } from '@shared/domain/member';
import { ROUTES } from './routes';

export interface MeEntry {
  /** Stable class for tests: `entry-<key>`. */
  key: string;
  title: string;
  hint: string;
  url: string;
  /** A count to show on the entry (首页: unread notices, applications waiting...), empty for none. */
  badge?: string;
}

export interface MeEntryGroup {
  key: 'reports' | 'participation' | 'service' | 'mine' | 'grid' | 'committee' | 'street';
  title: string;
  entries: MeEntry[];
}

export function isGridLeader(member: MemberView): boolean {
  return member.roles.includes('grid_leader') && member.leadsGridIds.length > 0;
}

export function isCommittee(member: MemberView): boolean {
  return member.roles.includes('committee') && Boolean(member.communityId);
}

/** Every entry of the caller's roles, each shown only to those it concerns (the functions still check every call). */
function roleEntryGroups(member: MemberView): MeEntryGroup[] {
  const groups: MeEntryGroup[] = [];
  if (member.communityId) {
    const memberOnly: MeEntry[] = member.isMember
      ? [
          { key: 'redemptions', title: '我的兑换', hint: '兑换码和使用情况', url: ROUTES.myRedemptions },
          { key: 'certificate', title: '服务时长证明', hint: '开具并保存证明', url: ROUTES.certificate },
          { key: 'leaderboard', title: '月度服务榜', hint: '自愿加入', url: ROUTES.leaderboard },
        ]
      : [];
    // 一键上报 stays on 首页 in the elder-friendly mode too (only the service group gives way to the big tiles).
    groups.push({
      key: 'reports',
      title: '身边的问题',
      entries: [
        { key: 'report-new', title: '一键上报', hint: '楼道堆物、漏水、设施坏了，15分钟响应', url: ROUTES.newReport },
        { key: 'report-mine', title: '我的上报', hint: '处理到哪一步了', url: ROUTES.myReports },
      ],
    });
    groups.push({
      key: 'participation',
      title: '社区议事',
      entries: [
        { key: 'proposals', title: '居民议事', hint: '提建议，支持邻居的好想法', url: ROUTES.proposals },
        { key: 'projects', title: '治理项目', hint: '车棚、楼道、花园改到哪一步了', url: ROUTES.projects },
        { key: 'surveys', title: '问卷投票', hint: '居委和微格长想听听你的意见', url: ROUTES.surveys },
      ],
    });
    groups.push({
      key: 'service',
      title: '服务与荣誉',
      entries: [
        { key: 'notices', title: '社区通知', hint: '居委和微格长发来的通知', url: ROUTES.notices },
        { key: 'events', title: '社区活动', hint: '报名参加志愿服务', url: ROUTES.events },
        { key: 'my-events', title: '我的报名', hint: '报了哪些活动、候补第几位', url: ROUTES.myEvents },
        { key: 'points', title: '我的时长与积分', hint: '每一笔都看得到', url: ROUTES.myPoints },
        { key: 'wall', title: '风采展示墙', hint: '居委表彰和服务里程碑', url: ROUTES.wall },
        { key: 'shop', title: '积分超市', hint: '用积分换好物和服务', url: ROUTES.shop },
        { key: 'cabin', title: '爱心格子屋', hint: '借针线包、雨伞、图书，捐赠闲置', url: ROUTES.cabin },
        ...memberOnly,
      ],
    });
    groups.push({
      key: 'mine',
      title: '我的',
      entries: [
        { key: 'councils', title: '理事会与分会', hint: '看看各分会，报名参加', url: ROUTES.councils },
        { key: 'cabin-mine', title: '我的借用', hint: '借用、预约和捐赠', url: ROUTES.myLoans },
        { key: 'data', title: '我的数据', hint: '查看、导出或注销', url: ROUTES.myData },
        { key: 'children', title: '小小梯队', hint: '为孩子报名', url: ROUTES.children },
        { key: 'privacy', title: '隐私说明', hint: '我们怎样保护你的信息', url: ROUTES.privacy },
        { key: 'verify', title: '证明查验', hint: '核对一份服务时长证明', url: ROUTES.verifyCertificate },
      ],
    });
  }
  if (isGridLeader(member) || isCommittee(member)) {
    groups.push({
      key: 'grid',
      title: '微格工作',
      entries: [
        { key: 'report-queue', title: '待处理', hint: '居民上报，按时限排好', url: ROUTES.reportQueue },
        { key: 'roster', title: '微格名册', hint: '我负责的楼栋和居民', url: ROUTES.roster },
        { key: 'talent', title: '能人资源库', hint: '按技能找人', url: ROUTES.talent },
        { key: 'proxy', title: '代居民登记', hint: '帮不用微信的老人登记', url: ROUTES.proxy },
        { key: 'notice-write', title: '发通知', hint: '发到微格群，看谁读了', url: ROUTES.noticeWrite },
        { key: 'notice-groups', title: '群绑定', hint: '把微信群绑到微格', url: ROUTES.noticeGroups },
        // The committee asks from 居委工作台 (any audience); here only a grid leader, for their grids.
        ...(isCommittee(member) ? [] : [{ key: 'survey-manage', title: '发问卷', hint: '问问微格居民的意见，看结果', url: ROUTES.surveyManage }]),
      ],
    });
  } else if (member.roles.includes('building_leader')) {
    // A 楼组长 (one half of a building's 双楼长 pair) answers reports from their building.
    groups.push({ key: 'grid', title: '楼组工作', entries: [{ key: 'report-queue', title: '待处理', hint: '居民上报，按时限排好', url: ROUTES.reportQueue }] });
  }
  if (isCommittee(member)) {
    groups.push({
      key: 'committee',
      title: '居委工作台',
      entries: [
        { key: 'report-admin', title: '上报管理', hint: '全部上报、超时和月度数据', url: ROUTES.reportAdmin },
        { key: 'proposals-answer', title: '议事答复', hint: '支持人数够了、等你答复的议题', url: ROUTES.proposalsToAnswer },
        { key: 'survey-admin', title: '发问卷', hint: '征求居民意见、投票和导出结果', url: ROUTES.surveyManage },
        { key: 'admin', title: '入队申请', hint: '审核第二梯队申请', url: ROUTES.adminApplications },
        { key: 'admin-councils', title: '理事会管理', hint: '分会、职务和轮值会长', url: ROUTES.adminCouncils },
        { key: 'admin-grids', title: '微格管理', hint: '微格、微格长和分色', url: ROUTES.adminGrids },
        { key: 'admin-import', title: '导入名册', hint: '粘贴或上传已有名单', url: ROUTES.adminImport },
        { key: 'admin-points', title: '积分管理', hint: '奖励、更正和积分规则', url: ROUTES.adminPoints },
        { key: 'admin-report', title: '月度报表', hint: '按分会和微格统计', url: ROUTES.adminReport },
        { key: 'admin-audit', title: '账目核对', hint: '积分、名额、库存逐项对账', url: ROUTES.adminAudit },
        { key: 'admin-honours', title: '荣誉管理', hint: '表彰成员', url: ROUTES.adminHonours },
        { key: 'admin-shop', title: '积分超市管理', hint: '上架、补货和兑换记录', url: ROUTES.adminShop },
        { key: 'shop-verify', title: '核销兑换码', hint: '扫码或输入兑换码', url: ROUTES.shopVerify },
        { key: 'cabin-desk', title: '格子屋值守台', hint: '借出、归还、义卖和捐赠', url: ROUTES.cabinDesk },
        { key: 'cabin-manage', title: '格子屋管理', hint: '物品、库存、开放时间和值班', url: ROUTES.cabinManage },
        { key: 'notice-robots', title: '群机器人', hint: '企业微信群机器人，按微格设置', url: ROUTES.noticeRobots },
      ],
    });
  }
  if (member.roles.includes('street_admin')) {
    groups.push({
      key: 'street',
      title: '街道',
      entries: [
        { key: 'street', title: '街道概览', hint: '各居民区的人数、微格和上报办理', url: ROUTES.street },
        { key: 'street-projects', title: '治理项目', hint: '各居民区的项目和进度', url: ROUTES.streetProjects },
        { key: 'street-levels', title: '星级标准', hint: '一星到五星的服务小时数', url: ROUTES.streetLevels },
      ],
    });
  }
  return groups;
}

/** The order a role's work comes in on 首页: their own work first, then the resident's services. */
const HOME_ORDER: MeEntryGroup['key'][] = ['street', 'committee', 'grid', 'reports', 'participation', 'service'];

/**
 * 首页's entries: every tool of the caller's roles, one tap away (the committee's 居委工作台 first, then the
 * grid's work, then the services every resident uses). 我的 keeps only the personal ones.
 */
export function homeEntryGroups(member: MemberView): MeEntryGroup[] {
  const groups = roleEntryGroups(member);
  return HOME_ORDER.flatMap((key) => groups.filter((g) => g.key === key));
}

/** 我的's entries: what is the caller's own (data, privacy, loans, children); the work tools live on 首页. */
export function meEntryGroups(member: MemberView): MeEntryGroup[] {
  return roleEntryGroups(member).filter((g) => g.key === 'mine');
}

/** The four big buttons of the elder-friendly home (the services a 70-year-old uses most). */
const ELDER_KEYS = ['events', 'notices', 'cabin', 'points'];

export function elderEntries(member: MemberView): MeEntry[] {
  const service = roleEntryGroups(member).find((g) => g.key === 'service')?.entries ?? [];
  return ELDER_KEYS.flatMap((key) => service.filter((e) => e.key === key));
}
