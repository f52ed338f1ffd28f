import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { answerIdOf, shardOf, surveyIdOf, tallyId, TALLY_SHARDS, type AnswerDoc, type SurveyDoc, type TallyDoc } from '../../cloudfunctions/surveys/surveys.model';
import { tallyDelta, type AnswerInput, type SurveyQuestion } from '../../src/shared/domain/survey';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';
const DAY = 24 * 60 * 60_000;
const memberOf = (key: string) => demoMemberId(demoPerson(key));

const SHED_QUESTIONS: SurveyQuestion[] = [
  { key: 'q1', kind: 'single', title: '是否同意在5号楼旁加装非机动车棚', required: true, options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }, { key: 'o3', label: '无所谓' }], min: 1, max: 1 },
  { key: 'q2', kind: 'multiple', title: '车棚最需要哪些设施（最多选2项）', required: true, options: [{ key: 'o1', label: '充电桩' }, { key: 'o2', label: '照明' }, { key: 'o3', label: '监控' }], min: 1, max: 2 },
  { key: 'q3', kind: 'rating', title: '你对现在停车的满意度', required: true, options: [], min: 0, max: 0 },
  { key: 'q4', kind: 'text', title: '其他建议', required: false, options: [], min: 0, max: 0 },
];

const SORTING_QUESTIONS: SurveyQuestion[] = [
  { key: 'q1', kind: 'rating', title: '你对垃圾分类定时投放的满意度', required: true, options: [], min: 0, max: 0 },
  { key: 'q2', kind: 'text', title: '想对志愿者说的话', required: false, options: [], min: 0, max: 0 },
];

/** The demo questionnaires of 白玉一居, by what they show. */
export const DEMO_SURVEYS = {
  /** 进行中, named, results live: 李建国 and 张丽华 answered; 王秀兰 has not yet. */
  shed: surveyIdOf(memberOf('committee'), 'demo-survey-shed'),
  /** 已结束, anonymous, results after close: three answers, nobody's name stored. */
  sorting: surveyIdOf(memberOf('committee'), 'demo-survey-sorting'),
} as const;

function survey(id: string, now: Date, extra: Partial<SurveyDoc>): SurveyDoc {
  return {
    _id: id,
    communityId: COMMUNITY,
    title: '',
    intro: '',
    questions: [],
    audience: { kind: 'community' },
    opensAt: new Date(now.getTime() - 2 * DAY),
    closesAt: new Date(now.getTime() + 5 * DAY),
    anonymous: false,
    results: 'live',
    locked: false,
    state: 'published',
    createdBy: { memberId: memberOf('committee'), role: 'committee', name: demoPerson('committee').name },
    createdAt: new Date(now.getTime() - 3 * DAY),
    publishedAt: new Date(now.getTime() - 2 * DAY),
    closedAt: null,
    audienceSize: 8,
    version: 1,
    ...extra,
  };
}

/** Answers as residents' calls would have written them, and the tally shards they add up to. */
function answered(s: SurveyDoc, given: [string, AnswerInput][], at: Date): { answers: AnswerDoc[]; tallies: TallyDoc[] } {
  const tallies = Array.from({ length: TALLY_SHARDS }, (_, shard): TallyDoc => ({ _id: tallyId(s._id, shard), surveyId: s._id, communityId: COMMUNITY, shard, answers: 0, counts: {} }));
  const answers = given.map(([key, answer]): AnswerDoc => {
    const id = answerIdOf(s, memberOf(key));
    const shard = shardOf(id);
    const t = tallies[shard]!;
    t.answers += 1;
    for (const [k, d] of Object.entries(tallyDelta(s.questions, null, answer))) t.counts[k] = (t.counts[k] ?? 0) + d;
    const person = demoPerson(key);
    return {
      _id: id,
      surveyId: s._id,
      communityId: COMMUNITY,
      ...(s.anonymous ? {} : { memberId: memberOf(key), name: person.name, building: person.building }),
      answer,
      hasText: Object.values(answer).some((a) => 'text' in a && a.text.trim() !== ''),
      shard,
      answeredAt: at,
      changedAt: at,
    };
  });
  return { answers, tallies };
}

/** Seeds the demo questionnaires once (idempotent): answers how many documents were new. */
export async function seedSurveys(ensure: Ensure, now: Date): Promise<number> {
  const shed = survey(DEMO_SURVEYS.shed, now, { title: '5号楼非机动车棚意见征询', intro: '理事会环境分会想听听大家的意见，3分钟就能答完。', questions: SHED_QUESTIONS });
  const sorting = survey(DEMO_SURVEYS.sorting, now, {
    title: '垃圾分类定时投放满意度',
    questions: SORTING_QUESTIONS,
    anonymous: true,
    results: 'afterClose',
    opensAt: new Date(now.getTime() - 20 * DAY),
    closesAt: new Date(now.getTime() - 6 * DAY),
    state: 'closed',
    closedAt: new Date(now.getTime() - 6 * DAY),
    version: 2,
  });
  const yesterday = new Date(now.getTime() - DAY);
  const parts = [
    answered(shed, [
      ['member', { q1: { options: ['o1'] }, q2: { options: ['o1', 'o2'] }, q3: { rating: 2 }, q4: { text: '希望能装充电桩，楼道里就不会飞线充电了' } }],
      ['gridLeader', { q1: { options: ['o1'] }, q2: { options: ['o1'] }, q3: { rating: 3 } }],
    ], yesterday),
    answered(sorting, [
      ['resident', { q1: { rating: 4 } }],
      ['member', { q1: { rating: 5 }, q2: { text: '志愿者辛苦了' } }],
      ['gridLeader', { q1: { rating: 4 } }],
    ], new Date(now.getTime() - 10 * DAY)),
  ];
  let added = 0;
  for (const doc of [shed, sorting]) if (await ensure(COLLECTIONS.surveys, { ...doc })) added += 1;
  for (const p of parts) {
    for (const a of p.answers) if (await ensure(COLLECTIONS.surveyAnswers, { ...a })) added += 1;
    for (const t of p.tallies) if (await ensure(COLLECTIONS.surveyTallies, { ...t })) added += 1;
  }
  return added;
}
