import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { startHarness, type Harness } from '../../support/harness';
import { published } from '../surveys/support';
import { noticeDoc, noticeInput, openNotice } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const noticeCount = async () => (await getDb().collection(COLLECTIONS.notices).count()).total;
const create = (surveyId: string | null, requestId: string, publish: { kind: string } = { kind: 'now' }) =>
  h.invoke('notices', { action: 'create', payload: { notice: noticeInput({ target: { kind: 'community' }, surveyId }), publish, requestId } }, h.identities.committee);

describe('a notice linking to a questionnaire', () => {
  it('links a survey of the same 居民区: residents who open the notice get its id and title', async () => {
    const survey = await published(h, Date.now());
    const res = await create(survey.id, 'req-link-own');
    expect(res.ok).toBe(true);
    const noticeId = res.ok ? (res.data as { notice: { id: string; survey: unknown } }).notice.id : '';
    expect((await noticeDoc(noticeId)).survey).toEqual({ id: survey.id, title: '楼道微更新意见征询' });
    const opened = await openNotice(h, noticeId, h.identities.resident);
    expect(opened.ok && (opened.data as { notice: { survey: unknown } }).notice.survey).toEqual({ id: survey.id, title: '楼道微更新意见征询' });
  });

  it('refuses another 居民区’s survey, or a missing one, under the field, and writes nothing', async () => {
    const foreign = await published(h, Date.now(), {}, h.identities.otherCommittee);
    const before = await noticeCount();
    for (const [surveyId, requestId] of [
      [foreign.id, 'req-link-foreign'],
      ['no-such-survey', 'req-link-missing'],
    ] as const) {
      const res = await create(surveyId, requestId);
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'notice.surveyId': '找不到这份问卷，请重新选择本居民区的问卷' } } });
    }
    expect(await noticeCount()).toBe(before);
  });

  it('keeps a draft unchanged when an edit names a foreign survey; a later edit may drop the link', async () => {
    const own = await published(h, Date.now());
    const foreign = await published(h, Date.now(), {}, h.identities.otherCommittee);
    const draft = await create(own.id, 'req-link-draft', { kind: 'draft' });
    const noticeId = draft.ok ? (draft.data as { notice: { id: string } }).notice.id : '';
    const edit = (surveyId: string | null) =>
      h.invoke('notices', { action: 'update', payload: { noticeId, notice: noticeInput({ target: { kind: 'community' }, surveyId }), publish: { kind: 'draft' } } }, h.identities.committee);
    expect(await edit(foreign.id)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'notice.surveyId': expect.any(String) } } });
    expect((await noticeDoc(noticeId)).survey).toEqual({ id: own.id, title: own.title });
    expect(await edit(null)).toMatchObject({ ok: true });
    expect((await noticeDoc(noticeId)).survey).toBeNull();
  });
});
