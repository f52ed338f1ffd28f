import { tallyKeys } from '../../../src/shared/domain/survey';
import type { AuditRecords, AuditValue } from '../../../src/shared/domain/audit';
import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { AnswerDoc, SurveyDoc, TallyDoc } from '../../surveys/surveys.model';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { counterPages, READ_LIMIT } from './paging';

/**
 * A survey tally shard's counters against the answers that count on it: `answers` is the number of answers of the
 * shard, each `counts` key the answers giving that option, rating or question (domain/survey.ts tallyKeys). Round
 * trips per page of 1000 shards: 1 (shards) + 1 (their surveys) + 1 per 1000 answers of their surveys; 1 with none.
 */
export async function surveyTalliesCheck(communityId: string): Promise<CheckOutcome> {
  const db = getDb();
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<TallyDoc>(COLLECTIONS.surveyTallies, communityId, { surveyId: true, shard: true, answers: true, counts: true })) {
    if (page.docs.length === 0) continue;
    const surveyIds = [...new Set(page.docs.map((t) => t.surveyId))];
    const surveys = new Map(
      ((await db.collection(COLLECTIONS.surveys).where({ _id: command().in(surveyIds) }).field({ _id: true, title: true, questions: true }).limit(surveyIds.length).get()).data as SurveyDoc[]).map((s) => [s._id, s]),
    );
    const want = new Map<string, { answers: number; counts: Record<string, number> }>();
    for (const surveyId of surveyIds) {
      const survey = surveys.get(surveyId);
      for (let skip = 0; ; skip += READ_LIMIT) {
        const rows = (await db.collection(COLLECTIONS.surveyAnswers).where({ surveyId }).orderBy('_id', 'asc').skip(skip).limit(READ_LIMIT).field({ shard: true, answer: true }).get()).data as AnswerDoc[];
        for (const a of rows) {
          const key = `${surveyId}:t${a.shard}`;
          const w = want.get(key) ?? want.set(key, { answers: 0, counts: {} }).get(key)!;
          w.answers += 1;
          for (const k of survey ? tallyKeys(survey.questions, a.answer) : []) w.counts[k] = (w.counts[k] ?? 0) + 1;
        }
        if (rows.length < READ_LIMIT) break;
      }
    }
    scanned += page.docs.length;
    for (const tally of page.docs) {
      const w = want.get(tally._id) ?? { answers: 0, counts: {} };
      const keys = [...new Set([...Object.keys(tally.counts ?? {}), ...Object.keys(w.counts)])].sort();
      const values: AuditValue[] = [
        { field: 'answers', label: '答卷数', recorded: tally.answers ?? 0, recomputed: w.answers },
        ...keys.map((k) => ({ field: `counts.${k}`, label: `计数 ${k} `, recorded: tally.counts?.[k] ?? 0, recomputed: w.counts[k] ?? 0 })),
      ].filter((v) => v.recorded !== v.recomputed);
      if (values.length === 0) continue;
      const title = surveys.get(tally.surveyId)?.title ?? tally.surveyId;
      const records: AuditRecords[] = [{ collection: COLLECTIONS.surveyAnswers, label: '答卷', count: w.answers, ids: [] }];
      findings.push(
        finding({
          check: 'surveyTallies',
          collection: COLLECTIONS.surveyTallies,
          subjectId: tally._id,
          subjectName: `问卷「${title}」第${tally.shard + 1}组计数`,
          values,
          records,
          text: sentence(`问卷「${title}」第${tally.shard + 1}组计数`, values),
        }),
      );
    }
  }
  return { scanned, findings };
}
