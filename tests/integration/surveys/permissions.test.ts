import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { SurveyInput } from '../../../src/shared/actions/surveys';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';
import { answerOf, DAY, freeze, G1, published, rid, surveyInput } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  h.stack.clock.frozenAtMs = null;
});

const as = (who: DemoIdentity, action: string, payload: unknown) => h.invoke('surveys', { action, payload }, h.identities[who]);
const codeOf = async (p: ReturnType<typeof as>) => {
  const res = await p;
  return res.ok ? 'ok' : res.error.code;
};
const create = (who: DemoIdentity, extra: Partial<SurveyInput>, now: number) => codeOf(as(who, 'create', { survey: surveyInput(now, extra), requestId: rid('c') }));

describe('who may create a questionnaire for which audience', () => {
  it('committee: any audience; grid leader: their grids only; a council chair: their council; others: nobody', async () => {
    const now = freeze(h);
    const grids = { audience: { kind: 'grids' as const, gridIds: [G1] } };
    const otherGrid = { audience: { kind: 'grids' as const, gridIds: ['cm-baiyu1-g2'] } };
    const service = { audience: { kind: 'council' as const, councilId: 'cm-baiyu1-service' } };
    const governance = { audience: { kind: 'council' as const, councilId: 'cm-baiyu1-governance' } };
    const matrix: [DemoIdentity, Partial<SurveyInput>, string][] = [
      ['committee', {}, 'ok'],
      ['committee', otherGrid, 'ok'],
      ['committee', { audience: { kind: 'members' } }, 'ok'],
      ['gridLeader', grids, 'ok'],
      ['gridLeader', otherGrid, 'COMMON.FORBIDDEN'],
      ['gridLeader', {}, 'COMMON.FORBIDDEN'],
      // 张丽华 chairs 便民服务分会 now (the seed's rotation), not 议事分会.
      ['gridLeader', service, 'ok'],
      ['gridLeader', governance, 'COMMON.FORBIDDEN'],
      ['member', governance, 'COMMON.FORBIDDEN'],
      ['member', {}, 'COMMON.FORBIDDEN'],
      ['resident', grids, 'COMMON.FORBIDDEN'],
      ['newcomer', {}, 'COMMON.FORBIDDEN'],
      ['streetAdmin', {}, 'COMMON.FORBIDDEN'],
      // Another 居民区's grid or council is missing to this one's committee.
      ['otherCommittee', grids, 'SURVEYS.AUDIENCE_NOT_FOUND'],
      ['otherCommittee', service, 'SURVEYS.AUDIENCE_NOT_FOUND'],
      ['committee', { closesAt: new Date(now - DAY).toISOString(), opensAt: new Date(now - 2 * DAY).toISOString() }, 'SURVEYS.TIMES'],
      ['committee', { closesAt: new Date(now).toISOString() }, 'COMMON.INVALID_INPUT'],
    ];
    const got = [];
    for (const [who, extra] of matrix) got.push(await create(who, extra, now));
    expect(got).toEqual(matrix.map((m) => m[2]));
  });
});

describe('audiences and foreign ids', () => {
  it('a grid survey: the grid answers; another grid, another 居民区 cannot answer or see results; foreign ids answer as missing', async () => {
    const now = freeze(h);
    const survey = await published(h, now, { audience: { kind: 'grids', gridIds: [G1] } }, h.identities.gridLeader);
    const payload = { surveyId: survey.id, answer: answerOf('o1') };
    expect(await codeOf(as('resident', 'answer', payload))).toBe('ok');
    expect(await codeOf(as('member', 'answer', payload))).toBe('SURVEYS.NOT_IN_AUDIENCE');
    expect(await codeOf(as('member', 'results', { surveyId: survey.id }))).toBe('COMMON.FORBIDDEN');
    expect(await codeOf(as('resident', 'results', { surveyId: survey.id }))).toBe('ok');
    for (const action of ['get', 'results']) expect(await codeOf(as('otherCommittee', action, { surveyId: survey.id }))).toBe('COMMON.NOT_FOUND');
    expect(await codeOf(as('otherCommittee', 'answer', payload))).toBe('COMMON.NOT_FOUND');
    expect(await codeOf(as('applicant3', 'answer', payload))).toBe('COMMON.NOT_FOUND');
    expect(await codeOf(as('resident', 'get', { surveyId: 'sv-does-not-exist' }))).toBe('COMMON.NOT_FOUND');
    // The creator, a grid leader, sees results but not who answered; the committee does.
    expect(await codeOf(as('gridLeader', 'named', { surveyId: survey.id, page: 1 }))).toBe('COMMON.FORBIDDEN');
    const named = await h.call('surveys', 'named', { surveyId: survey.id }, h.identities.committee);
    expect(named.items).toEqual([expect.objectContaining({ name: '王秀兰', building: '3号楼' })]);
    expect(JSON.stringify(named)).not.toContain('13900001001');
    expect(await codeOf(as('member', 'exportCsv', { surveyId: survey.id }))).toBe('COMMON.FORBIDDEN');
    expect(await codeOf(as('gridLeader', 'exportCsv', { surveyId: survey.id }))).toBe('COMMON.FORBIDDEN');
  });

  it('the audience text names the grids, in the list and in the survey; a grid gone since is counted', async () => {
    const now = freeze(h);
    const one = await published(h, now, { audience: { kind: 'grids', gridIds: [G1] } }, h.identities.gridLeader);
    expect(one.audienceText).toBe('第一微格的居民');
    const two = await published(h, now, { audience: { kind: 'grids', gridIds: ['cm-baiyu1-g2', G1] } });
    const gone = await published(h, now, { audience: { kind: 'grids', gridIds: [G1, 'cm-baiyu1-g3'] } });
    await getDb().collection(COLLECTIONS.grids).doc('cm-baiyu1-g3').remove();
    const list = await h.call('surveys', 'list', { filters: {} }, h.identities.committee);
    const textOf = (id: string) => list.items.find((s: { id: string }) => s.id === id)?.audienceText;
    expect([textOf(one.id), textOf(two.id), textOf(gone.id)]).toEqual(['第一微格的居民', '第二微格、第一微格的居民', '第一微格等2个微格的居民']);
    expect((await h.call('surveys', 'get', { surveyId: two.id }, h.identities.member)).survey.audienceText).toBe('第二微格、第一微格的居民');
  });

  it('members only: a resident who is not a member cannot answer; a draft is missing to all but who manage it', async () => {
    const now = freeze(h);
    const survey = await published(h, now, { audience: { kind: 'members' } });
    expect(await codeOf(as('resident', 'answer', { surveyId: survey.id, answer: answerOf('o1') }))).toBe('SURVEYS.NOT_IN_AUDIENCE');
    expect(await codeOf(as('member', 'answer', { surveyId: survey.id, answer: answerOf('o1') }))).toBe('ok');
    const { survey: draft } = await h.call('surveys', 'create', { survey: surveyInput(now), requestId: rid('d') }, h.identities.committee);
    expect(await codeOf(as('resident', 'get', { surveyId: draft.id }))).toBe('COMMON.NOT_FOUND');
    expect(await codeOf(as('gridLeader', 'update', { surveyId: draft.id, version: 0, survey: surveyInput(now) }))).toBe('COMMON.NOT_FOUND');
    expect(await codeOf(as('resident', 'answer', { surveyId: draft.id, answer: answerOf('o1') }))).toBe('COMMON.NOT_FOUND');
    expect((await h.call('surveys', 'list', {}, h.identities.resident)).items.map((s: { id: string }) => s.id)).toEqual([]);
    // Published: the questions are frozen.
    expect(await codeOf(as('committee', 'update', { surveyId: survey.id, version: survey.version, survey: surveyInput(now) }))).toBe('SURVEYS.WRONG_STATE');
  });

  it('not open yet: answers are refused until the open time', async () => {
    const now = freeze(h);
    const survey = await published(h, now, { opensAt: new Date(now + DAY).toISOString() });
    expect(await codeOf(as('resident', 'answer', { surveyId: survey.id, answer: answerOf('o1') }))).toBe('SURVEYS.NOT_OPEN');
  });
});

describe('closing early, names beside texts, and huge input', () => {
  it('the committee closes early once (again: no change); named texts carry names for the committee only', async () => {
    const now = freeze(h);
    const survey = await published(h, now);
    await h.call('surveys', 'answer', { surveyId: survey.id, answer: answerOf('o1', 4, '多装路灯') }, h.identities.member);
    const byCommittee = await h.call('surveys', 'results', { surveyId: survey.id }, h.identities.committee);
    expect(byCommittee.questions[3].texts).toEqual([{ text: '多装路灯', by: '李建国' }]);
    const byResident = await h.call('surveys', 'results', { surveyId: survey.id }, h.identities.resident);
    expect(byResident.questions[3].texts).toEqual([{ text: '多装路灯', by: null }]);
    expect(await codeOf(as('gridLeader', 'close', { surveyId: survey.id, version: survey.version }))).toBe('COMMON.NOT_FOUND');
    const closed = (await h.call('surveys', 'close', { surveyId: survey.id, version: survey.version }, h.identities.committee)).survey;
    expect(closed).toMatchObject({ state: 'closed', open: false, version: survey.version + 1 });
    const again = (await h.call('surveys', 'close', { surveyId: survey.id, version: survey.version }, h.identities.committee)).survey;
    expect(again.version).toBe(closed.version);
    expect(await codeOf(as('member', 'answer', { surveyId: survey.id, answer: answerOf('o2') }))).toBe('SURVEYS.NOT_OPEN');
  });

  it('a 1 MB intro, a NUL in an option or 13 options: refused with a stable code, nothing written', async () => {
    const now = freeze(h);
    const q = surveyInput(now).questions[0]!;
    const bad: Partial<SurveyInput>[] = [
      { intro: 'x'.repeat(1_000_000) },
      { questions: [{ ...q, options: [{ key: 'o1', label: '同意\u0000' }, { key: 'o2', label: '不同意' }] }] },
      { questions: [{ ...q, options: Array.from({ length: 13 }, (_, i) => ({ key: `o${i}`, label: `选项${i}` })) }] },
    ];
    for (const extra of bad) expect(await create('committee', extra, now)).toBe('COMMON.INVALID_INPUT');
    expect(h.store.list('surveys')).toHaveLength(0);
  });
});
