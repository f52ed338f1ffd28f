import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { attemptIdOf, caseIdOf, courseIdOf, progressIdOf, type AttemptDoc, type CaseDoc, type CourseDoc, type ProgressDoc } from '../../cloudfunctions/learning/learning.model';
import { scoreQuiz, type Quiz } from '../../src/shared/domain/learning';
import { formatShanghai } from '../../src/shared/time';
import { DEMO_STREET, demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
const DAY = 24 * 60 * 60_000;
const memberOf = (key: string) => demoMemberId(demoPerson(key));
const street = () => memberOf('streetAdmin');

/** The demo course, lessons and cases of 长风新村街道 (`npm start`). */
export const DEMO_LEARNING = {
  /** 街道's 微格长入门, required of every 微格长: 张丽华 has done the first lesson and failed the quiz once. */
  gridLeaderCourse: courseIdOf(street(), 'demo-course-grid-leader'),
  /** 李佳尧 and the leak (article 001: 长风“微格分色”显成效). */
  leakCase: caseIdOf(street(), 'demo-case-leak'),
  /** 朱磊's “四协” work on e-bikes (article 003). */
  ebikeCase: caseIdOf(street(), 'demo-case-ebike'),
} as const;

const QUIZ: Quiz = {
  passPercent: 60,
  questions: [
    {
      key: 'q1',
      kind: 'single',
      title: '微格分色里，绿色对应哪一类响应？',
      options: [{ key: 'a', label: '需要紧急帮助的居民' }, { key: 'b', label: '第二梯队的支援响应' }, { key: 'c', label: '独居老人' }],
      correct: ['b'],
    },
    {
      key: 'q2',
      kind: 'multiple',
      title: '走访时发现楼上装修改动格局、可能漏水，微格长应该怎么做？（多选）',
      options: [{ key: 'a', label: '及时联系物业一起上门排查' }, { key: 'b', label: '先不管，等居民投诉' }, { key: 'c', label: '在小程序里一键上报，跟进到办结' }],
      correct: ['a', 'c'],
    },
    {
      key: 'q3',
      kind: 'single',
      title: '“一键上报”承诺的响应时间是多久？',
      options: [{ key: 'a', label: '15分钟' }, { key: 'b', label: '2小时' }, { key: 'c', label: '3天' }],
      correct: ['a'],
    },
  ],
};

function gridLeaderCourse(now: Date): CourseDoc {
  return {
    _id: DEMO_LEARNING.gridLeaderCourse,
    owner: 'street',
    communityId: null,
    streetId: DEMO_STREET._id,
    ownerName: DEMO_STREET.name,
    title: '微格长入门',
    summary: '新任微格长的第一课：微格分色、走访、一键上报和结对帮扶，学完做个小测验。',
    cover: '',
    studyMinutes: 60,
    requiredFor: ['grid_leader'],
    lessons: [
      {
        key: 'l1',
        title: '微格是什么、微格长做什么',
        text: '长风新村街道把居民区划成一个个微格，每个微格几栋楼，由微格长牵头。\n微格长定期走访，熟悉每一户的情况，遇到问题及时报、及时跟。',
        images: [],
        media: { kind: 'video', fileId: 'cloud://txtd-local.demo/learning/grid-leader-intro.mp4' },
      },
      {
        key: 'l2',
        title: '微格分色：红黄蓝绿',
        text: '用红、黄、蓝、绿对应四类响应对象，把服务精准送到最需要的人身边。\n绿色是第二梯队组成的支援响应，活跃在社区每个角落。',
        images: [],
        media: { kind: 'audio', fileId: 'cloud://txtd-local.demo/learning/colours.mp3' },
      },
      {
        key: 'l3',
        title: '一键上报与办结',
        text: '发现问题，在小程序里一键上报：15分钟响应、24小时办结。\n微格长收到后及时联系物业或居委，办结后请居民确认。',
        images: [],
        media: null,
      },
    ],
    lessonKeys: ['l1', 'l2', 'l3'],
    approvedImages: [],
    pendingImages: [],
    refusedImages: 0,
    nextLesson: 4,
    quiz: QUIZ,
    hasQuiz: true,
    state: 'published',
    version: 5,
    createdBy: { memberId: street(), name: demoPerson('streetAdmin').name },
    createdAt: new Date(now.getTime() - 20 * DAY),
    updatedAt: new Date(now.getTime() - 15 * DAY),
    publishedAt: new Date(now.getTime() - 15 * DAY),
  };
}

function demoCase(id: string, now: Date, daysAgo: number, fields: Pick<CaseDoc, 'title' | 'summary' | 'text' | 'tags' | 'source' | 'communityId' | 'communityName'>): CaseDoc {
  const at = new Date(now.getTime() - daysAgo * DAY);
  return { _id: id, streetId: DEMO_STREET._id, ...fields, images: [], pendingImages: [], refusedImages: 0, published: true, publishedAt: at, version: 2, createdBy: { memberId: street(), name: demoPerson('streetAdmin').name }, createdAt: at, updatedAt: at };
}

/** Seeds the demo course, a learner's progress and the two cases once (idempotent): answers how many were new. */
export async function seedLearning(ensure: Ensure, now: Date): Promise<number> {
  const course = gridLeaderCourse(now);
  const leader = memberOf('gridLeader');
  const triedAt = new Date(now.getTime() - 2 * DAY);
  const answers = { q1: ['a'], q2: ['a'], q3: ['a'] };
  const attempt: AttemptDoc = {
    _id: attemptIdOf(leader, course._id, 'demo-attempt-1'),
    progressId: progressIdOf(course._id, leader),
    courseId: course._id,
    memberId: leader,
    communityId: COMMUNITY,
    answers,
    ...scoreQuiz(QUIZ, answers),
    at: triedAt,
  };
  const progress: ProgressDoc = {
    _id: progressIdOf(course._id, leader),
    courseId: course._id,
    memberId: leader,
    communityId: COMMUNITY,
    done: ['l1'],
    attempts: 1,
    attemptDay: formatShanghai(triedAt, 'YYYY-MM-DD'),
    attemptsThatDay: 1,
    bestPercent: attempt.percent,
    passedAt: null,
    startedAt: new Date(now.getTime() - 3 * DAY),
    updatedAt: triedAt,
    completedAt: null,
  };
  const cases = [
    demoCase(DEMO_LEARNING.leakCase, now, 10, {
      title: '微格长走访发现装修漏水隐患',
      summary: '绿色第二梯队及时反映，微格长联系物业上门排查，把漏水隐患解决在萌芽。',
      text:
        '长风二村第二居委会第四微格长李佳尧定期走访时，接到绿色第二梯队反馈：3楼某室换了新房东，正在装修，好像改动了房屋格局。\n' +
        '由于这户之前漏过水，李佳尧立即联系物业共同上门排查，发现装修中擅自改变格局，已多次导致漏水。\n' +
        '居委会、物业和房东当面沟通，督促整改，楼上楼下恢复了和睦。楼内情况及时报，睦邻友好促和谐。',
      tags: ['微格治理', '楼道自治'],
      source: '长风“微格分色”显成效 绿色第二梯队大能量',
      communityId: '',
      communityName: '',
    }),
    demoCase(DEMO_LEARNING.ebikeCase, now, 5, {
      title: '“四协”工作法治理电瓶车乱停和飞线充电',
      summary: '书记带着志愿者巡查、定公约、开联席会，小区新增162个充电接口。',
      text:
        '一个建成20多年的商品房小区，电瓶车乱停放、飞线充电屡禁不止。居民区党总支书记朱磊建立“四协”（协助、协力、协同、协商）工作法。\n' +
        '组建志愿者巡查队伍，制定非机动车管理公约，召开专家治理联席会化解争议点，推动新增162个充电接口。\n' +
        '第二梯队志愿者参与巡查和劝导，把安全隐患一个个消除。',
      tags: ['平安建设', '议事协商', '志愿服务'],
      source: '周家桥街道虹桥新城居民区的经验',
      communityId: '',
      communityName: '',
    }),
  ];
  let added = 0;
  if (await ensure(COLLECTIONS.courses, { ...course })) added += 1;
  if (await ensure(COLLECTIONS.courseAttempts, { ...attempt })) added += 1;
  if (await ensure(COLLECTIONS.courseProgress, { ...progress })) added += 1;
  for (const c of cases) if (await ensure(COLLECTIONS.learningCases, { ...c })) added += 1;
  return added;
}
