import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { startHarness, type Harness } from '../../support/harness';
import { allow } from '../reports/support';
import { activeSupports, DAY, draft, freeze, neighbours, propose, proposalDoc, rid, setNow, setRules } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  h.stack.clock.frozenAtMs = null;
});

const call = (action: string, payload: unknown, openid: string) => h.invoke('participation', { action, payload }, openid);
const clocks = () => h.timer('participation', 'proposal-clocks');
const sent = (template: string) => h.stack.wechat.messages.filter((m) => m.templateId === template);

describe('writing a proposal', () => {
  it('a resident writes one; a retry with the same request id writes it once; neighbours read it', async () => {
    const requestId = rid('pp');
    const first = await h.call('participation', 'propose', { proposal: draft(), requestId }, h.identities.resident);
    const again = await h.call('participation', 'propose', { proposal: draft(), requestId }, h.identities.resident);
    expect(again.proposal.id).toBe(first.proposal.id);
    expect(h.store.list(COLLECTIONS.proposals)).toHaveLength(1);
    expect(first.proposal).toMatchObject({ state: 'collecting', supports: 0, threshold: 30, mine: true, categoryName: '设施改造', authorName: '王秀兰' });
    const seen = (await h.call('participation', 'proposal', { proposalId: first.proposal.id }, h.identities.member)).proposal;
    expect(seen).toMatchObject({ mine: false, can: { support: true, withdraw: false, answer: false } });
    const list = await h.call('participation', 'proposals', {}, h.identities.member);
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([first.proposal.id]);
    expect((await h.call('participation', 'proposals', { mine: true }, h.identities.member)).items).toEqual([]);
    expect((await h.call('participation', 'proposals', { mine: true }, h.identities.resident)).items).toMatchObject([{ id: first.proposal.id }]);
  });

  it('bad input is refused with a stable code and nothing written: NUL, 1 MB, 7 photos, a retired category', async () => {
    const bad = [
      draft({ title: 'a\u0000b' }),
      draft({ text: 'x'.repeat(1024 * 1024) }),
      draft({ photos: Array.from({ length: 7 }, (_, i) => `cloud://env/p${i}.jpg`) }),
    ];
    for (const proposal of bad) {
      expect(await call('propose', { proposal, requestId: rid() }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    }
    expect(await call('propose', { proposal: draft({ categoryKey: 'nope' }), requestId: rid() }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'PROPOSALS.CATEGORY_NOT_FOUND' } });
    expect(await call('proposal', { proposalId: 'x'.repeat(1024 * 1024) }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(h.store.list(COLLECTIONS.proposals)).toHaveLength(0);
  });

  it('another 居民区 and a visitor without one: the proposal answers as missing, writing is refused', async () => {
    const p = await propose(h, h.identities.resident);
    for (const action of ['proposal', 'support', 'withdraw', 'comments']) {
      expect(await call(action, { proposalId: p.id }, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    }
    expect(await call('propose', { proposal: draft(), requestId: rid() }, h.identities.newcomer)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await call('proposal', { proposalId: 'pp-nothing' }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
  });
});

describe('supports and the threshold', () => {
  const RACE_MS = 120_000;

  it('100 distinct residents at once, one of them twice: the threshold (30) crossed once at exactly 30, later supports refused, the committee told once', async () => {
    await allow(h, [h.identities.committee], ['proposal-reached'], 2);
    const p = await propose(h, h.identities.resident);
    const people = await neighbours(h, 100);
    const calls = people.map((n) => call('support', { proposalId: p.id }, n.openid));
    calls.push(call('support', { proposalId: p.id }, people[0]!.openid));
    const results = await Promise.all(calls);
    // Supports after the crossing find it 待答复: refused, nothing counted.
    const ok = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => !r.ok);
    expect(refused.every((r) => !r.ok && r.error.code === 'PROPOSALS.WRONG_STATE')).toBe(true);
    const doc = await proposalDoc(p.id);
    expect(doc.supports).toBe(30);
    expect(await activeSupports(p.id)).toBe(30);
    expect(ok).toBeGreaterThanOrEqual(30);
    expect(doc).toMatchObject({ state: 'answering', version: 1, route: { kind: 'committee' }, untold: false });
    expect(sent('proposal-reached').map((m) => m.openid)).toEqual([h.identities.committee]);
  }, RACE_MS);

  it('under a high threshold 100 racing residents (one twice) count exactly 100', async () => {
    await setRules(h, { threshold: 500 });
    const p = await propose(h, h.identities.resident);
    const people = await neighbours(h, 100);
    const results = await Promise.all([...people.map((n) => call('support', { proposalId: p.id }, n.openid)), call('support', { proposalId: p.id }, people[7]!.openid)]);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect((await proposalDoc(p.id)).supports).toBe(100);
    expect(await activeSupports(p.id)).toBe(100);
  }, RACE_MS);

  it('withdraw is one per resident and counts down; support again counts up', async () => {
    const p = await propose(h, h.identities.resident);
    await h.call('participation', 'support', { proposalId: p.id }, h.identities.member);
    const w1 = await h.call('participation', 'withdraw', { proposalId: p.id }, h.identities.member);
    const w2 = await h.call('participation', 'withdraw', { proposalId: p.id }, h.identities.member);
    expect([w1.proposal.supports, w2.proposal.supports]).toEqual([0, 0]);
    expect((await h.call('participation', 'support', { proposalId: p.id }, h.identities.member)).proposal).toMatchObject({ supports: 1, supportedByMe: true });
  });

  it('the window, with the clock moved: one minute before it closes a support counts; at the close it is refused; the timer archives it once and it stays readable', async () => {
    const t0 = freeze(h);
    await setRules(h, { threshold: 3, windowDays: 10 });
    const p = await propose(h, h.identities.resident);
    setNow(h, t0 + 10 * DAY - 60_000);
    await h.call('participation', 'support', { proposalId: p.id }, h.identities.member);
    expect(await clocks()).toMatchObject({ archived: 0 });
    setNow(h, t0 + 10 * DAY);
    expect(await call('support', { proposalId: p.id }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'PROPOSALS.WRONG_STATE' } });
    expect(await clocks()).toMatchObject({ archived: 1 });
    expect(await clocks()).toMatchObject({ archived: 0 });
    expect((await h.call('participation', 'proposal', { proposalId: p.id }, h.identities.member)).proposal).toMatchObject({ state: 'archived', supports: 1, can: { support: false, withdraw: false } });
  });

  it('the answer deadline, with the clock moved: marked overdue once, exactly at the due time', async () => {
    const t0 = freeze(h);
    await setRules(h, { threshold: 2, answerDays: 5 });
    const p = await propose(h, h.identities.resident);
    await h.call('participation', 'support', { proposalId: p.id }, h.identities.member);
    await h.call('participation', 'support', { proposalId: p.id }, h.identities.gridLeader);
    setNow(h, t0 + 5 * DAY - 60_000);
    expect(await clocks()).toMatchObject({ overdue: 0 });
    setNow(h, t0 + 5 * DAY);
    expect(await clocks()).toMatchObject({ overdue: 1 });
    expect(await clocks()).toMatchObject({ overdue: 0 });
    expect((await h.call('participation', 'proposals', { toAnswer: true }, h.identities.committee)).items).toMatchObject([{ id: p.id, overdue: true }]);
  });
});

describe('comments', () => {
  it('a neighbour comments once per request; the committee hides it with a reason, shown as hidden; a resident cannot hide', async () => {
    const p = await propose(h, h.identities.resident);
    const requestId = rid('c');
    const c = (await h.call('participation', 'comment', { proposalId: p.id, text: '赞成，顺便装个雨棚', requestId }, h.identities.member)).comment;
    await h.call('participation', 'comment', { proposalId: p.id, text: '赞成，顺便装个雨棚', requestId }, h.identities.member);
    expect((await proposalDoc(p.id)).comments).toBe(1);
    expect(await call('hideComment', { commentId: c.id, reason: '与议题无关' }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await call('hideComment', { commentId: c.id, reason: '与议题无关' }, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    await h.call('participation', 'hideComment', { commentId: c.id, reason: '与议题无关' }, h.identities.committee);
    const list = await h.call('participation', 'comments', { proposalId: p.id }, h.identities.resident);
    expect(list.items).toMatchObject([{ id: c.id, text: '', hidden: { reason: '与议题无关' } }]);
  });
});

describe('answers', () => {
  async function reached(councilFor?: Record<string, string>) {
    await setRules(h, { threshold: 2, councilFor });
    const p = await propose(h, h.identities.resident);
    await h.call('participation', 'support', { proposalId: p.id }, h.identities.member);
    await h.call('participation', 'support', { proposalId: p.id }, h.identities.applicant1);
    return p;
  }
  const answer = (p: { id: string }, a: Record<string, unknown>, openid: string, version = 1) => call('answer', { proposalId: p.id, version, requestId: rid('a'), answer: a }, openid);

  it('采纳 makes the project, linked both ways, in one go; a retry answers the same; author and supporters told', async () => {
    await allow(h, [h.identities.resident, h.identities.member], ['proposal-answered']);
    const p = await reached();
    const payload = { proposalId: p.id, version: 1, requestId: rid('a'), answer: { kind: 'adopt', text: '居委采纳，列入今年微更新' } };
    const a = await h.call('participation', 'answer', payload, h.identities.committee);
    const again = await h.call('participation', 'answer', payload, h.identities.committee);
    expect(again.proposal.answer.projectId).toBe(a.proposal.answer.projectId);
    expect(a.proposal).toMatchObject({ state: 'adopted', answer: { kind: 'adopt', byName: '周敏' } });
    expect(h.store.list(COLLECTIONS.projects)).toHaveLength(1);
    const project = (await h.call('participation', 'project', { projectId: a.proposal.answer.projectId }, h.identities.resident)).project;
    expect(project).toMatchObject({ proposalId: p.id, status: 'planned', title: p.title });
    expect(sent('proposal-answered').map((m) => m.openid).sort()).toEqual([h.identities.member, h.identities.resident].sort());
  });

  it('不采纳 needs a reason; 合并 needs another open proposal of the 居民区; the stale version is refused', async () => {
    const p = await reached();
    expect(await answer(p, { kind: 'reject', text: '' }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(await answer(p, { kind: 'merge', text: '同一件事', intoId: p.id }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'PROPOSALS.MERGE_TARGET' } });
    expect(await answer(p, { kind: 'reject', text: '场地不够' }, h.identities.committee, 0)).toMatchObject({ ok: false, error: { code: 'PROPOSALS.CHANGED' } });
    const other = await propose(h, h.identities.member, { title: '车棚加充电桩' });
    const merged = await answer(p, { kind: 'merge', text: '与另一条议题合并办理', intoId: other.id }, h.identities.committee);
    expect(merged).toMatchObject({ ok: true, data: { proposal: { state: 'merged', answer: { mergedIntoId: other.id } } } });
    expect((await proposalDoc(other.id)).mergedFrom).toEqual([{ id: p.id, title: p.title }]);
  });

  it('routed to 便民服务分会: its chair now (张丽华) answers, a member of it does not, the committee may; not before the threshold', async () => {
    await setRules(h, { threshold: 2, councilFor: { facility: 'cm-baiyu1-service' } });
    const early = await propose(h, h.identities.resident, { title: '早一点的议题' });
    expect(await answer(early, { kind: 'partial', text: '先做一部分' }, h.identities.committee, 0)).toMatchObject({ ok: false, error: { code: 'PROPOSALS.WRONG_STATE' } });
    const p = await reached({ facility: 'cm-baiyu1-service' });
    expect((await proposalDoc(p.id)).route).toMatchObject({ kind: 'council', councilId: 'cm-baiyu1-service' });
    for (const who of [h.identities.member, h.identities.resident, h.identities.streetAdmin]) {
      expect((await answer(p, { kind: 'partial', text: '先做一部分' }, who)).ok).toBe(false);
    }
    expect(await answer(p, { kind: 'partial', text: '先做一部分' }, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const chairList = await h.call('participation', 'proposals', { toAnswer: true }, h.identities.gridLeader);
    expect(chairList.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect(await answer(p, { kind: 'partial', text: '先做车棚，充电桩明年' }, h.identities.gridLeader)).toMatchObject({ ok: true, data: { proposal: { state: 'partial' } } });
  });
});
