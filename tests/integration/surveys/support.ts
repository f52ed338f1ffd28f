import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import type { AnswerDoc, SurveyDoc, TallyDoc } from '../../../cloudfunctions/surveys/surveys.model';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import type { SurveyInput } from '../../../src/shared/actions/surveys';
import type { SurveyView } from '../../../src/shared/domain/survey';
import type { Harness } from '../../support/harness';

export const BAIYU = 'cm-baiyu1';
export const G1 = 'cm-baiyu1-g1';
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

let serial = 0;
export const rid = (label = 'r') => `${label}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;
export const idOf = (openid: string) => memberIdFor({ openid, appid: LOCAL_APPID });

/** A questionnaire open from now for a week: one single, one multiple (1-2 of 3), one rating, one optional text. */
export function surveyInput(now: number, extra: Partial<SurveyInput> = {}): SurveyInput {
  return {
    title: '楼道微更新意见征询',
    intro: '请花一分钟说说你的想法',
    questions: [
      { key: 'q1', kind: 'single', title: '是否同意加装非机动车棚', options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }] },
      { key: 'q2', kind: 'multiple', title: '最想改的地方', options: [{ key: 'o1', label: '照明' }, { key: 'o2', label: '扶手' }, { key: 'o3', label: '信报箱' }], min: 1, max: 2 },
      { key: 'q3', kind: 'rating', title: '对楼道环境打分' },
      { key: 'q4', kind: 'text', title: '其他建议', required: false },
    ],
    audience: { kind: 'community' },
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 7 * DAY).toISOString(),
    anonymous: false,
    results: 'live',
    ...extra,
  };
}

export const answerOf = (choice: 'o1' | 'o2', rating = 4, text = '') => ({
  q1: { options: [choice] },
  q2: { options: choice === 'o1' ? ['o1', 'o2'] : ['o3'] },
  q3: { rating },
  ...(text ? { q4: { text } } : {}),
});

/** Creates and publishes a survey as `openid` (the committee by default). */
export async function published(h: Harness, now: number, extra: Partial<SurveyInput> = {}, openid = h.identities.committee): Promise<SurveyView> {
  const { survey } = await h.call('surveys', 'create', { survey: surveyInput(now, extra), requestId: rid('create') }, openid);
  return (await h.call('surveys', 'publish', { surveyId: survey.id, version: survey.version }, openid)).survey;
}

/** `count` residents of 白玉一居 with records (in 3号楼, 第一微格 unless told), answering as openids `${prefix}-n`. */
export async function residents(count: number, prefix: string, extra: { gridId?: string | null; communityId?: string } = {}): Promise<string[]> {
  const now = new Date();
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const members = getDb().collection(COLLECTIONS.members);
  for (let i = 0; i < openids.length; i += 50) {
    await Promise.all(
      openids.slice(i, i + 50).map((openid) => {
        const identity = { openid, appid: LOCAL_APPID };
        const doc = newMemberDoc(memberIdFor(identity), openid, LOCAL_APPID, now, accountKeyOf(identity));
        return members.add({ ...doc, communityId: extra.communityId ?? BAIYU, name: `居民${openid.slice(-4)}`, building: '3号楼', room: '101', gridId: extra.gridId === undefined ? G1 : extra.gridId });
      }),
    );
  }
  return openids;
}

export async function surveyDoc(id: string): Promise<SurveyDoc> {
  return (await getDb().collection(COLLECTIONS.surveys).doc(id).get()).data[0] as SurveyDoc;
}

export async function answersOf(surveyId: string): Promise<AnswerDoc[]> {
  const out: AnswerDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await getDb().collection(COLLECTIONS.surveyAnswers).where({ surveyId }).skip(skip).limit(1000).get();
    out.push(...(res.data as AnswerDoc[]));
    if (res.data.length < 1000) return out;
  }
}

export async function talliesOf(surveyId: string): Promise<TallyDoc[]> {
  return (await getDb().collection(COLLECTIONS.surveyTallies).where({ surveyId }).limit(100).get()).data as TallyDoc[];
}

/** Stops the clock at its current instant and answers it. */
export function freeze(h: Harness): number {
  h.stack.clock.frozenAtMs = Date.now();
  h.stack.clock.offsetMs = 0;
  return h.stack.clock.nowMs();
}

export function setNow(h: Harness, at: number): void {
  h.stack.clock.offsetMs = at - (h.stack.clock.frozenAtMs ?? Date.now());
}
