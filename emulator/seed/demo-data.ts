import type { ApplicationStatus, StaffRole } from '../../src/shared/domain/member';

/** A fictional street and its 居民区 for local use and tests. Every person here is invented. */
export const DEMO_STREET = { _id: 'street-changfeng', name: '长风新村街道' };

export const DEMO_COMMUNITIES = [
  { _id: 'cm-baiyu1', name: '白玉新村第一居民区', order: 1 },
  { _id: 'cm-changfeng1', name: '长风一村', order: 2 },
  { _id: 'cm-yashi', name: '雅仕汇都', order: 3 },
] as const;

export type DemoCommunityId = (typeof DEMO_COMMUNITIES)[number]['_id'];

/** 1 总会 + 5 分会, as 长风's echelons are organised. */
export const DEFAULT_COUNCILS = [
  { key: 'main', name: '自治家园理事会', kind: 'main' },
  { key: 'family', name: '亲子文娱分会', kind: 'branch' },
  { key: 'service', name: '便民服务分会', kind: 'branch' },
  { key: 'governance', name: '综合治理分会', kind: 'branch' },
  { key: 'youth', name: '青年议事分会', kind: 'branch' },
  { key: 'environment', name: '环境监督分会', kind: 'branch' },
] as const;

export const DEMO_GRIDS = [
  { key: 'g1', name: '第一微格', buildings: ['1号楼', '2号楼', '3号楼', '4号楼'] },
  { key: 'g2', name: '第二微格', buildings: ['5号楼', '6号楼', '7号楼'] },
  { key: 'g3', name: '第三微格', buildings: ['8号楼', '9号楼', '10号楼'] },
] as const;

export interface DemoPerson {
  /** The key tests and the login page use. */
  key: string;
  openid: string;
  label: string;
  communityId: DemoCommunityId | null;
  name: string;
  building: string;
  room: string;
  phone: string;
  skills: string[];
  interests: string[];
  roles: StaffRole[];
  status: ApplicationStatus;
  motivation?: string;
  /** Minutes before seeding that the application was submitted (orders the review list). */
  appliedMinutesAgo?: number;
  /** Micro-grids this person leads (微格长). */
  leadsGridIds?: string[];
  /** Sub-councils this person joined. */
  councilIds?: string[];
  availability?: string[];
}

/** The micro-grid a building of a demo 居民区 belongs to. */
export function demoGridOf(communityId: string | null, building: string): string | null {
  const grid = DEMO_GRIDS.find((g) => (g.buildings as readonly string[]).includes(building));
  return communityId && grid ? `${communityId}-${grid.key}` : null;
}

const person = (p: Omit<DemoPerson, 'skills' | 'interests' | 'roles' | 'status'> & Partial<DemoPerson>): DemoPerson => ({
  skills: [],
  interests: [],
  roles: [],
  status: 'none',
  ...p,
});

export const DEMO_PEOPLE: DemoPerson[] = [
  person({ key: 'newcomer', openid: 'demo-newcomer', label: '新访客（还没选居民区）', communityId: null, name: '', building: '', room: '', phone: '' }),
  person({
    key: 'resident', openid: 'demo-resident', label: '居民 王秀兰（白玉一居，未申请）', communityId: 'cm-baiyu1',
    name: '王秀兰', building: '3号楼', room: '201', phone: '13900001001', skills: ['书法'], interests: ['读书会'],
  }),
  person({
    key: 'member', openid: 'demo-member', label: '梯队成员 李建国（白玉一居）', communityId: 'cm-baiyu1',
    name: '李建国', building: '5号楼', room: '502', phone: '13900001002', skills: ['水电维修', '家电维修'], interests: ['巡逻'],
    status: 'approved', councilIds: ['cm-baiyu1-service', 'cm-baiyu1-governance'], availability: ['周末'],
  }),
  person({
    key: 'gridLeader', openid: 'demo-grid-leader', label: '微格长 张丽华（白玉一居 第一微格）', communityId: 'cm-baiyu1',
    name: '张丽华', building: '2号楼', room: '101', phone: '13900001003', skills: ['护士'], interests: ['邻援助老'],
    roles: ['grid_leader'], status: 'approved', leadsGridIds: ['cm-baiyu1-g1'], councilIds: ['cm-baiyu1-service'],
  }),
  person({
    key: 'committee', openid: 'demo-committee', label: '居委 周敏（白玉一居 居委会）', communityId: 'cm-baiyu1',
    name: '周敏', building: '居委会', room: '办公室', phone: '13900001004', roles: ['committee'],
  }),
  person({
    key: 'streetAdmin', openid: 'demo-street-admin', label: '街道 赵志强（长风新村街道）', communityId: null,
    name: '赵志强', building: '街道办', room: '社区办', phone: '13900001005', roles: ['street_admin'],
  }),
  person({
    key: 'otherCommittee', openid: 'demo-committee-changfeng1', label: '居委 孙伟（长风一村 居委会）', communityId: 'cm-changfeng1',
    name: '孙伟', building: '居委会', room: '办公室', phone: '13900002001', roles: ['committee'],
  }),
  person({
    key: 'applicant1', openid: 'demo-applicant-1', label: '申请人 刘美华（白玉一居，审核中）', communityId: 'cm-baiyu1',
    name: '刘美华', building: '7号楼', room: '303', phone: '13900001006', skills: ['教师', '绘画'], interests: ['亲子活动'],
    status: 'pending', motivation: '退休在家，想给小朋友上上绘画课。', appliedMinutesAgo: 90,
  }),
  person({
    key: 'applicant2', openid: 'demo-applicant-2', label: '申请人 陈志明（白玉一居，审核中）', communityId: 'cm-baiyu1',
    name: '陈志明', building: '9号楼', room: '1102', phone: '13900001007', skills: ['医生'], interests: ['健康讲座'],
    status: 'pending', motivation: '可以在周末做义诊和健康科普。', appliedMinutesAgo: 45,
  }),
  person({
    key: 'applicant3', openid: 'demo-applicant-3', label: '申请人 黄海（长风一村，审核中）', communityId: 'cm-changfeng1',
    name: '黄海', building: '12号楼', room: '402', phone: '13900002002', skills: ['摄影'],
    status: 'pending', motivation: '愿意给社区活动拍照。', appliedMinutesAgo: 30,
  }),
];

export type DemoKey = (typeof DEMO_PEOPLE)[number]['key'];

export function demoPerson(key: string): DemoPerson {
  const found = DEMO_PEOPLE.find((p) => p.key === key);
  if (!found) throw new Error(`no demo person ${key}`);
  return found;
}
