import type { MemberView } from '@shared/domain/member';
import { ROUTES } from './routes';

export interface MeEntry {
  /** Stable class for tests: `entry-<key>`. */
  key: string;
  title: string;
  hint: string;
  url: string;
}

export interface MeEntryGroup {
  key: 'mine' | 'grid' | 'committee' | 'street';
  title: string;
  entries: MeEntry[];
}

export function isGridLeader(member: MemberView): boolean {
  return member.roles.includes('grid_leader') && member.leadsGridIds.length > 0;
}

export function isCommittee(member: MemberView): boolean {
  return member.roles.includes('committee') && Boolean(member.communityId);
}

/** The 我的 page's entries, each shown only to those it concerns (the functions still check every call). */
export function meEntryGroups(member: MemberView): MeEntryGroup[] {
  const groups: MeEntryGroup[] = [];
  if (member.communityId) {
    groups.push({
      key: 'mine',
      title: '我的',
      entries: [
        { key: 'councils', title: '理事会与分会', hint: '看看各分会，报名参加', url: ROUTES.councils },
        { key: 'data', title: '我的数据', hint: '查看、导出或注销', url: ROUTES.myData },
        { key: 'children', title: '小小梯队', hint: '为孩子报名', url: ROUTES.children },
        { key: 'privacy', title: '隐私说明', hint: '我们怎样保护你的信息', url: ROUTES.privacy },
      ],
    });
  }
  if (isGridLeader(member) || isCommittee(member)) {
    groups.push({
      key: 'grid',
      title: '微格工作',
      entries: [
        { key: 'roster', title: '微格名册', hint: '我负责的楼栋和居民', url: ROUTES.roster },
        { key: 'talent', title: '能人资源库', hint: '按技能找人', url: ROUTES.talent },
        { key: 'proxy', title: '代居民登记', hint: '帮不用微信的老人登记', url: ROUTES.proxy },
      ],
    });
  }
  if (isCommittee(member)) {
    groups.push({
      key: 'committee',
      title: '居委工作台',
      entries: [
        { key: 'admin', title: '入队申请', hint: '审核第二梯队申请', url: ROUTES.adminApplications },
        { key: 'admin-councils', title: '理事会管理', hint: '分会、职务和轮值会长', url: ROUTES.adminCouncils },
        { key: 'admin-grids', title: '微格管理', hint: '微格、微格长和分色', url: ROUTES.adminGrids },
        { key: 'admin-import', title: '导入名册', hint: '粘贴或上传已有名单', url: ROUTES.adminImport },
      ],
    });
  }
  if (member.roles.includes('street_admin')) {
    groups.push({
      key: 'street',
      title: '街道',
      entries: [{ key: 'street', title: '街道概览', hint: '各居民区的人数和微格', url: ROUTES.street }],
    });
  }
  return groups;
}
