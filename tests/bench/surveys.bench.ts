/**
 * Questionnaires at the size of a large 居民区: 500 residents answering one survey at once (each answer and its tally
 * shard in one transaction), then the results of a questionnaire answered by all 13,125 residents of a 居民区, through
 * the real `surveys` function and SDK against the in-memory emulator. Figures: answer p50/p99 (ms) and the answers
 * stored (must be exactly 500); for the results, sequential round trips (the function's two stages: the caller, then
 * the survey, its tally shards and newest texts side by side), database requests and ms. Also runnable alone:
 * `npx tsx tests/bench/surveys.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { accountKeyOf, memberIdFor } from '../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../cloudfunctions/_core/member-record';
import { answerIdOf, shardOf, tallyId, TALLY_SHARDS, type AnswerDoc, type SurveyDoc, type TallyDoc } from '../../cloudfunctions/surveys/surveys.model';
import { LOCAL_APPID } from '../../emulator/dev-server/functions-host';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import type { Doc, Store } from '../../emulator/store';
import { tallyDelta, type AnswerInput } from '../../src/shared/domain/survey';
import { percentile, runStandalone, withCountingStack } from './support';

const CONCURRENT = 500;
const LARGE = 13_125;
const COMMUNITY = 'cm-baiyu1';
const DAY = 24 * 60 * 60_000;

/** Residents written straight into the store (setup, not measured). */
function addResidents(store: Store, prefix: string, count: number, now: Date): string[] {
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  for (let i = 0; i < openids.length; i += 500) {
    store.commit(
      openids.slice(i, i + 500).map((openid, j) => {
        const identity = { openid, appid: LOCAL_APPID };
        const doc = { ...newMemberDoc(memberIdFor(identity), openid, LOCAL_APPID, now, accountKeyOf(identity)), communityId: COMMUNITY, name: `居民${i + j}`, building: '3号楼', room: String(i + j), gridId: 'cm-baiyu1-g1' };
        return { op: 'put' as const, coll: COLLECTIONS.members, doc: doc as unknown as Doc };
      }),
    );
  }
  return openids;
}

const answerFor = (i: number): AnswerInput => ({ q1: { options: [i % 3 ? 'o1' : 'o2'] }, q2: { options: i % 2 ? ['o1', 'o3'] : ['o2'] }, q3: { rating: 1 + (i % 5) }, ...(i % 50 === 0 ? { q4: { text: `建议${i}` } } : {}) });

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests, store }) => {
    const committee = DEMO_PEOPLE.find((p) => p.key === 'committee')!.openid;
    const call = (action: string, payload: unknown, openid: string) => stack.host.invoke('surveys', { action, payload }, { openid }) as Promise<{ ok: boolean; data?: any; error?: { code: string } }>;
    const now = stack.clock.now();
    const survey = {
      title: '加装电梯意向征询',
      questions: [
        { key: 'q1', kind: 'single', title: '是否同意加装电梯', options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }] },
        { key: 'q2', kind: 'multiple', title: '最关心的问题', options: [{ key: 'o1', label: '费用' }, { key: 'o2', label: '噪音' }, { key: 'o3', label: '采光' }], min: 1, max: 2 },
        { key: 'q3', kind: 'rating', title: '对现在出行的满意度' },
        { key: 'q4', kind: 'text', title: '其他建议', required: false },
      ],
      audience: { kind: 'community' },
      opensAt: now.toISOString(),
      closesAt: new Date(now.getTime() + 7 * DAY).toISOString(),
      anonymous: true,
      results: 'live',
    };
    const publishOne = async (requestId: string): Promise<SurveyDoc> => {
      const created = await call('create', { survey, requestId }, committee);
      if (!created.ok) throw new Error(`create failed: ${created.error?.code}`);
      const published = await call('publish', { surveyId: created.data.survey.id, version: created.data.survey.version }, committee);
      if (!published.ok) throw new Error(`publish failed: ${published.error?.code}`);
      return store.get(COLLECTIONS.surveys, created.data.survey.id) as unknown as SurveyDoc;
    };

    // 1. 500 residents answer at once.
    const openids = addResidents(store, 'bench-survey', CONCURRENT, now);
    const first = await publishOne('bench-survey-concurrent');
    const times: number[] = [];
    let failed = 0;
    await Promise.all(
      openids.map(async (openid, i) => {
        const t = performance.now();
        const res = await call('answer', { surveyId: first._id, answer: answerFor(i) }, openid);
        times.push(performance.now() - t);
        if (!res.ok) failed += 1;
      }),
    );
    times.sort((a, b) => a - b);
    out['answer: 500 at once, p50 ms'] = percentile(times, 50);
    out['answer: 500 at once, p99 ms'] = percentile(times, 99);
    out['answer: answers stored (must be 500)'] = store.list(COLLECTIONS.surveyAnswers).filter((a) => a.surveyId === first._id).length;
    out['answer: refused'] = failed;

    // 2. A questionnaire every one of 13,125 residents answered (written straight into the store: setup).
    const large = addResidents(store, 'bench-survey-large', LARGE - CONCURRENT, now).concat(openids);
    const big = await publishOne('bench-survey-large');
    const tallies: TallyDoc[] = Array.from({ length: TALLY_SHARDS }, (_, shard) => ({ _id: tallyId(big._id, shard), surveyId: big._id, communityId: COMMUNITY, shard, answers: 0, counts: {} }));
    const answers = large.map((openid, i): AnswerDoc => {
      const id = answerIdOf(big, memberIdFor({ openid, appid: LOCAL_APPID }));
      const shard = shardOf(id);
      const answer = answerFor(i);
      tallies[shard]!.answers += 1;
      for (const [k, d] of Object.entries(tallyDelta(big.questions, null, answer))) tallies[shard]!.counts[k] = (tallies[shard]!.counts[k] ?? 0) + d;
      return { _id: id, surveyId: big._id, communityId: COMMUNITY, answer, hasText: 'q4' in answer, shard, answeredAt: now, changedAt: now };
    });
    for (let i = 0; i < answers.length; i += 1000) store.commit(answers.slice(i, i + 1000).map((doc) => ({ op: 'put' as const, coll: COLLECTIONS.surveyAnswers, doc: doc as unknown as Doc })));
    store.commit(tallies.map((doc) => ({ op: 'put' as const, coll: COLLECTIONS.surveyTallies, doc: doc as unknown as Doc })));

    const before = requests();
    const t = performance.now();
    const res = await call('results', { surveyId: big._id }, committee);
    const ms = performance.now() - t;
    if (!res.ok) throw new Error(`results failed: ${res.error?.code}`);
    out['results of 13,125 answers: answers counted'] = res.data.answers;
    out['results of 13,125 answers: turnout %'] = res.data.turnout;
    out['results of 13,125 answers: round trips'] = 2;
    out['results of 13,125 answers: DB requests'] = requests() - before;
    out['results of 13,125 answers: ms'] = ms;
  });
  return out;
}

if (require.main === module) runStandalone(bench);
