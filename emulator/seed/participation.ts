import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { idOf } from '../../cloudfunctions/participation/common';
import {
  followIdOf,
  projectIdOfProposal,
  settingsIn,
  supportIdOf,
  type ParticipationSettingsDoc,
  type ProjectDoc,
  type ProjectUpdateDoc,
  type ProposalDoc,
} from '../../cloudfunctions/participation/participation.model';
import { addDays, type ProposalState } from '../../src/shared/domain/participation';
import { DEMO_COMMUNITIES, DEMO_STREET, demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
const SERVICE = 'cm-baiyu1-service';
const memberOf = (key: string) => demoMemberId(demoPerson(key));

/** The demo proposals, by what they show. */
export const DEMO_PROPOSALS = {
  /** 征集中 with two supports (李建国, 张丽华): a resident can support it. */
  collecting: idOf('pp', memberOf('resident'), 'demo-proposal-collecting'),
  /** 待答复, routed to 便民服务分会 (its chair now, 张丽华, answers). */
  answering: idOf('pp', memberOf('member'), 'demo-proposal-answering'),
  /** 已采纳: the project 非机动车棚改造 came from it. */
  adopted: idOf('pp', memberOf('resident'), 'demo-proposal-adopted'),
  /** 已归档: its window closed short of support. */
  archived: idOf('pp', memberOf('gridLeader'), 'demo-proposal-archived'),
} as const;

export const DEMO_PROJECTS = {
  /** 进行中 40%, from the adopted proposal, with one update; 王秀兰 follows it. */
  shed: projectIdOfProposal(DEMO_PROPOSALS.adopted),
  /** 计划中, created by the committee. */
  garden: idOf('pj', memberOf('committee'), 'demo-project-garden'),
} as const;

interface Demo {
  id: string;
  author: string;
  title: string;
  text: string;
  categoryKey: string;
  state: ProposalState;
  supporters: string[];
  threshold: number;
  daysAgo: number;
}

const DEMOS: Demo[] = [
  { id: DEMO_PROPOSALS.collecting, author: 'resident', title: '小区大门加装雨棚', text: '下雨天等车的老人没地方躲雨，建议在大门口加一个雨棚和两张长椅。', categoryKey: 'facility', state: 'collecting', supporters: ['member', 'gridLeader'], threshold: 30, daysAgo: 3 },
  { id: DEMO_PROPOSALS.answering, author: 'member', title: '每周六开设助老理发', text: '请便民服务分会每周六上午在活动室为80岁以上老人免费理发。', categoryKey: 'elderly', state: 'answering', supporters: ['resident', 'gridLeader', 'applicant1'], threshold: 3, daysAgo: 10 },
  { id: DEMO_PROPOSALS.adopted, author: 'resident', title: '3号楼前加装非机动车棚', text: '电动车停在楼道里不安全，建议在3号楼前空地加一个带充电桩的车棚。', categoryKey: 'facility', state: 'adopted', supporters: ['member', 'gridLeader', 'applicant1'], threshold: 3, daysAgo: 40 },
  { id: DEMO_PROPOSALS.archived, author: 'gridLeader', title: '楼道里放共享雨伞', text: '每个单元门口放几把共享雨伞，用完放回。', categoryKey: 'other', state: 'archived', supporters: ['member'], threshold: 30, daysAgo: 70 },
];

function proposalDoc(d: Demo, now: Date, names: Map<string, string>): ProposalDoc {
  const createdAt = addDays(now, -d.daysAgo);
  const reached = d.state === 'answering' || d.state === 'adopted';
  const reachedAt = reached ? addDays(createdAt, 2) : null;
  const category = settingsIn(null).categories.find((c) => c.key === d.categoryKey)!;
  return {
    _id: d.id,
    communityId: COMMUNITY,
    title: d.title,
    text: d.text,
    place: '',
    photos: [],
    pendingImages: [],
    refusedImages: 0,
    categoryKey: category.key,
    categoryName: category.name,
    authorId: memberOf(d.author),
    authorName: demoPerson(d.author).name,
    state: d.state,
    version: d.state === 'collecting' ? 0 : d.state === 'adopted' ? 2 : 1,
    supports: d.supporters.length,
    threshold: d.threshold,
    answerDays: 15,
    windowEndsAt: addDays(createdAt, 60),
    reachedAt,
    answerDueAt: reachedAt ? addDays(reachedAt, 15) : null,
    overdue: false,
    route: d.state === 'answering' ? { kind: 'council', councilId: SERVICE, councilName: '便民服务分会' } : reached ? { kind: 'committee' } : null,
    answer:
      d.state === 'adopted'
        ? { kind: 'adopt', text: '居委采纳，列入今年楼道微更新。', byId: memberOf('committee'), byName: names.get('committee')!, at: addDays(reachedAt!, 3), projectId: DEMO_PROJECTS.shed, mergedIntoId: null, requestId: 'demo-answer' }
        : null,
    comments: 0,
    mergedFrom: [],
    untold: false,
    archivedAt: d.state === 'archived' ? addDays(createdAt, 60) : null,
    createdAt,
    updatedAt: createdAt,
  };
}

function projects(now: Date): ProjectDoc[] {
  const base = { communityId: COMMUNITY, communityName: DEMO_COMMUNITIES.find((c) => c._id === COMMUNITY)!.name, streetId: DEMO_STREET._id, eventIds: [], version: 1, createdBy: memberOf('committee') };
  return [
    {
      ...base,
      _id: DEMO_PROJECTS.shed,
      title: '3号楼前加装非机动车棚',
      goal: '在3号楼前建一个带充电桩的车棚，让电动车不再进楼道。',
      place: '3号楼前空地',
      ownerCouncilId: SERVICE,
      ownerCouncilName: '便民服务分会',
      milestones: [{ title: '方案公示', due: '2026-11-20', done: true }, { title: '施工完成', due: '2027-01-31', done: false }],
      proposalId: DEMO_PROPOSALS.adopted,
      status: 'active',
      percent: 40,
      followers: 1,
      createdAt: addDays(now, -30),
      updatedAt: addDays(now, -2),
    },
    {
      ...base,
      _id: DEMO_PROJECTS.garden,
      title: '垃圾厢房旁微花园',
      goal: '把垃圾厢房旁的空地改成居民一起打理的小花园。',
      place: '垃圾厢房旁',
      ownerCouncilId: 'cm-baiyu1-environment',
      ownerCouncilName: '环境监督分会',
      milestones: [{ title: '征集设计', due: '2027-03-01', done: false }],
      proposalId: null,
      status: 'planned',
      percent: 0,
      followers: 0,
      createdAt: addDays(now, -5),
      updatedAt: addDays(now, -5),
    },
  ];
}

/** 白玉一居's demo proposals, projects, supports and follows; counters match their records (the audit agrees). */
export async function seedParticipation(ensure: Ensure, now: Date): Promise<number> {
  let added = 0;
  const add = async (collection: string, doc: { _id: string } & Record<string, unknown>) => {
    if (await ensure(collection, doc)) added += 1;
  };
  const names = new Map(['committee', 'gridLeader'].map((k) => [k, demoPerson(k).name]));
  const settings: ParticipationSettingsDoc = {
    _id: COMMUNITY,
    communityId: COMMUNITY,
    ...settingsIn(null),
    categories: settingsIn(null).categories.map((c) => (c.key === 'elderly' ? { ...c, councilId: SERVICE } : c)),
    updatedBy: memberOf('committee'),
    updatedAt: now,
  };
  await add(COLLECTIONS.participationSettings, { ...settings });
  for (const d of DEMOS) {
    const doc = proposalDoc(d, now, names);
    await add(COLLECTIONS.proposals, { ...doc });
    for (const who of d.supporters) {
      const memberId = memberOf(who);
      await add(COLLECTIONS.proposalSupports, { _id: supportIdOf(d.id, memberId), proposalId: d.id, communityId: COMMUNITY, memberId, active: true, at: addDays(doc.createdAt, 1) });
    }
  }
  for (const p of projects(now)) await add(COLLECTIONS.projects, { ...p });
  const update: ProjectUpdateDoc = {
    _id: idOf('pu', memberOf('gridLeader'), 'demo-update-shed'),
    projectId: DEMO_PROJECTS.shed,
    communityId: COMMUNITY,
    date: '2026-12-01',
    percent: 40,
    text: '地面已平整，车棚立柱已安装。',
    photosBefore: [],
    photosAfter: [],
    photos: [],
    pendingImages: [],
    refusedImages: 0,
    byId: memberOf('gridLeader'),
    byName: names.get('gridLeader')!,
    at: addDays(now, -2),
  };
  await add(COLLECTIONS.projectUpdates, { ...update });
  const resident = memberOf('resident');
  await add(COLLECTIONS.projectFollows, { _id: followIdOf(DEMO_PROJECTS.shed, resident), projectId: DEMO_PROJECTS.shed, communityId: COMMUNITY, memberId: resident, active: true, at: addDays(now, -10) });
  return added;
}
