import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { startHarness, type Harness } from '../../support/harness';
import { addMember } from '../honours/support';
import { allow, fileReport, freeze, MINUTE, reportDoc, rid, sent, setNow } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  h.stack.clock.frozenAtMs = null;
});

const change = (action: string, openid: string, payload: Record<string, unknown>) => h.call('reports', action, { requestId: rid(action), ...payload }, openid);
const code = async (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: Error) => e.message.split(':')[0] ?? '');

describe('races: exactly one wins', () => {
  it('100 concurrent accepts of the same version: exactly 1 ok, the others REPORTS.CHANGED, one step', async () => {
    const report = await fileReport(h, h.identities.resident, { building: '5号楼' });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => code(change('accept', i % 2 ? h.identities.member : h.identities.committee, { reportId: report.id, version: 0, message: '收到' }))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(new Set(results.filter((r) => r !== 'ok'))).toEqual(new Set(['REPORTS.CHANGED']));
    const doc = await reportDoc(report.id);
    expect(doc).toMatchObject({ state: 'accepted', version: 1 });
    expect(doc.steps.filter((s) => s.kind === 'accepted')).toHaveLength(1);
  });

  it('accept racing the escalation: each lands at most once, and never an escalation after the accept', async () => {
    const t0 = freeze(h);
    for (let i = 0; i < 5; i++) {
      const report = await fileReport(h, h.identities.resident);
      setNow(h, t0 + (i + 1) * 15 * MINUTE + i);
      const [accepted] = await Promise.all([code(change('accept', h.identities.gridLeader, { reportId: report.id, version: 0, message: '收到' })), h.timer('reports', 'report-clocks')]);
      const doc = await reportDoc(report.id);
      const kinds = doc.steps.map((s) => s.kind);
      expect(kinds.filter((k) => k === 'responseOverdue').length).toBeLessThanOrEqual(1);
      if (accepted === 'ok') expect(kinds.slice(-1)).toEqual(['accepted']);
      else expect([accepted, kinds]).toEqual(['REPORTS.CHANGED', ['filed', 'responseOverdue']]);
      expect(doc.version).toBe(1);
    }
  });

  it('close racing reopen (the reporter double-taps both answers): one lands, the other is told it changed', async () => {
    const report = await fileReport(h, h.identities.resident);
    await change('resolve', h.identities.gridLeader, { reportId: report.id, version: 0, summary: '已清理', photos: [] });
    const [close, reopen] = await Promise.all([
      code(change('confirm', h.identities.resident, { reportId: report.id, version: 1, solved: true, stars: 4 })),
      code(change('confirm', h.identities.resident, { reportId: report.id, version: 1, solved: false, comment: '没好' })),
    ]);
    expect([close, reopen].sort()).toEqual(['REPORTS.CHANGED', 'ok']);
    const doc = await reportDoc(report.id);
    expect(doc.state).toBe(close === 'ok' ? 'closed' : 'submitted');
    expect(doc.version).toBe(2);
  });

  it('stale version: REPORTS.CHANGED; a state that does not allow it: REPORTS.WRONG_STATE; nothing written', async () => {
    const report = await fileReport(h, h.identities.resident);
    await change('accept', h.identities.gridLeader, { reportId: report.id, version: 0, message: '收到' });
    await expect(change('wait', h.identities.gridLeader, { reportId: report.id, version: 0, reason: '等' })).rejects.toThrow('REPORTS.CHANGED');
    await expect(change('accept', h.identities.gridLeader, { reportId: report.id, version: 1, message: '收到' })).rejects.toThrow('REPORTS.WRONG_STATE');
    await expect(change('confirm', h.identities.resident, { reportId: report.id, version: 1, solved: true })).rejects.toThrow('REPORTS.WRONG_STATE');
    expect(await reportDoc(report.id)).toMatchObject({ version: 1, state: 'accepted' });
  });

  it('a retried change (same request id, old version) answers ok and changes nothing twice', async () => {
    await allow(h, [h.identities.resident], ['report-progress'], 2);
    const report = await fileReport(h, h.identities.resident);
    const payload = { reportId: report.id, version: 0, message: '收到', requestId: rid('accept') };
    const first = (await h.call('reports', 'accept', payload, h.identities.gridLeader)).report;
    const again = (await h.call('reports', 'accept', payload, h.identities.gridLeader)).report;
    expect(again).toEqual(first);
    expect(sent(h, 'report-progress')).toHaveLength(1);
  });
});

describe('handOver, visits, helpers, merge', () => {
  it('hands over to a council: its chair handles it, is told; the old handler keeps seeing it but may no longer act', async () => {
    await allow(h, [h.identities.gridLeader], ['report-assigned'], 3);
    const report = await fileReport(h, h.identities.resident, { building: '8号楼' });
    const targets = await h.call('reports', 'handOverTargets', { reportId: report.id }, h.identities.committee);
    expect(targets).toMatchObject({ chief: true, committee: true, grids: [{ id: 'cm-baiyu1-g1', name: '第一微格' }] });
    const service = targets.councils.find((c: { id: string }) => c.id === 'cm-baiyu1-service');
    expect(service).toBeTruthy();
    const moved = (await change('handOver', h.identities.committee, { reportId: report.id, version: 0, to: { kind: 'council', councilId: service.id }, reason: '请便民服务分会处理' })).report;
    expect(moved).toMatchObject({ assignee: { kind: 'council', councilId: service.id }, steps: [{ kind: 'filed' }, { kind: 'handedOver', by: '总格长 周' }] });
    // 张丽华 chairs the service council now (emulator/seed/councils.ts).
    expect((await reportDoc(report.id)).handlerIds).toEqual([h.memberIdOf('gridLeader')]);
    expect(sent(h, 'report-assigned').map((m) => m.openid)).toEqual([h.identities.gridLeader]);
    const accepted = (await change('accept', h.identities.gridLeader, { reportId: report.id, version: 1, message: '分会来处理' })).report;
    expect(accepted.steps.at(-1)).toMatchObject({ kind: 'accepted', by: '分会 张' });
    await change('handOver', h.identities.gridLeader, { reportId: report.id, version: 2, to: { kind: 'committee' }, reason: '需要居委协调' });
    const seen = (await h.call('reports', 'get', { reportId: report.id }, h.identities.gridLeader)).report;
    expect(seen.can).toMatchObject({ accept: false, resolve: false, handOver: false });
    expect(seen.reporter).toBeNull();
    await expect(change('resolve', h.identities.gridLeader, { reportId: report.id, version: 3, summary: '好了', photos: [] })).rejects.toThrow('COMMON.FORBIDDEN');
    await expect(change('handOver', h.identities.committee, { reportId: report.id, version: 3, to: { kind: 'grid', gridId: 'cm-baiyu1-g3' }, reason: '转' })).rejects.toThrow('REPORTS.TARGET_NOT_FOUND');
  });

  it('a visit adds a step without moving the version; helpers come from the talent pool by the category skills', async () => {
    const report = await fileReport(h, h.identities.resident, { categoryKey: 'charging' });
    const visitRequest = { reportId: report.id, requestId: rid('visit'), visit: { at: new Date().toISOString(), whom: '王阿姨', found: '楼道里有电线拉到电动车', photos: [] } };
    await h.call('reports', 'visit', visitRequest, h.identities.gridLeader);
    const seen = (await h.call('reports', 'visit', visitRequest, h.identities.gridLeader)).report;
    expect(seen.version).toBe(0);
    expect(seen.steps.filter((s: { kind: string }) => s.kind === 'visited')).toEqual([expect.objectContaining({ by: '网格长 张', visit: expect.objectContaining({ whom: '王阿姨' }) })]);
    const electrician = await addMember(h, 'electrician-1', '钱电工');
    await getDb().collection(COLLECTIONS.members).doc(electrician.memberId).update({ skills: ['电工'], visibility: { skills: 'leaders', interests: 'leaders', availability: 'leaders', phone: 'leaders' } });
    const found = await h.call('reports', 'helpers', { reportId: report.id }, h.identities.gridLeader);
    expect(found.items).toEqual([{ memberId: electrician.memberId, name: '钱电工', building: '6号楼', skills: ['电工'] }]);
    await expect(h.call('reports', 'helpers', { reportId: report.id }, h.identities.resident)).rejects.toThrow('COMMON.FORBIDDEN');
  });

  it('merge: the duplicate is merged, the other report gains its people; both timelines say so; retried once', async () => {
    const first = await fileReport(h, h.identities.resident);
    const dup = await fileReport(h, h.identities.applicant1);
    await h.call('reports', 'join', { reportId: dup.id }, h.identities.member);
    const request = { reportId: dup.id, version: 0, intoId: first.id, requestId: rid('merge') };
    const merged = (await h.call('reports', 'merge', request, h.identities.committee)).report;
    await h.call('reports', 'merge', request, h.identities.committee);
    expect(merged).toMatchObject({ state: 'merged', mergedInto: first.id });
    expect(merged.steps.at(-1)).toMatchObject({ kind: 'merged', by: '居委 周', text: `已并入同一问题的上报 ${first.number}` });
    const target = await reportDoc(first.id);
    expect(target.followers.sort()).toEqual([h.memberIdOf('applicant1'), h.memberIdOf('member')].sort());
    expect(target.steps.filter((s) => s.kind === 'mergedIn')).toEqual([expect.objectContaining({ otherReportId: dup.id })]);
    // The duplicate's reporter now follows the first report.
    expect((await h.call('reports', 'get', { reportId: first.id }, h.identities.applicant1)).report.mine).toBe(true);
    // Not into itself, a closed one, or by anyone but the committee.
    const other = await fileReport(h, h.identities.resident, { building: '4号楼' });
    await expect(change('merge', h.identities.committee, { reportId: other.id, version: 0, intoId: other.id })).rejects.toThrow('REPORTS.MERGE_TARGET');
    await expect(change('merge', h.identities.committee, { reportId: other.id, version: 0, intoId: dup.id })).rejects.toThrow('REPORTS.MERGE_TARGET');
    await expect(change('merge', h.identities.gridLeader, { reportId: other.id, version: 0, intoId: first.id })).rejects.toThrow('COMMON.FORBIDDEN');
  });
});

describe('who sees what (nothing crosses a 居民区)', () => {
  it('the permission matrix', async () => {
    const report = await fileReport(h, h.identities.resident);
    const stranger = await addMember(h, 'stranger-other-resident', '路人');
    const answers: Record<string, string> = {};
    const who = {
      otherResident: stranger.openid,
      pairOfAnotherBuilding: h.identities.member,
      otherCommittee: h.identities.otherCommittee,
      streetAdmin: h.identities.streetAdmin,
      newcomer: h.identities.newcomer,
    };
    for (const [name, openid] of Object.entries(who)) {
      answers[`${name}.get`] = await code(h.call('reports', 'get', { reportId: report.id }, openid));
      answers[`${name}.accept`] = await code(change('accept', openid, { reportId: report.id, version: 0, message: '收到' }));
    }
    expect(answers).toEqual({
      'otherResident.get': 'COMMON.NOT_FOUND',
      'otherResident.accept': 'COMMON.NOT_FOUND',
      'pairOfAnotherBuilding.get': 'COMMON.NOT_FOUND',
      'pairOfAnotherBuilding.accept': 'COMMON.NOT_FOUND',
      'otherCommittee.get': 'COMMON.NOT_FOUND',
      'otherCommittee.accept': 'COMMON.NOT_FOUND',
      'streetAdmin.get': 'COMMON.FORBIDDEN',
      'streetAdmin.accept': 'COMMON.FORBIDDEN',
      'newcomer.get': 'COMMON.FORBIDDEN',
      'newcomer.accept': 'COMMON.FORBIDDEN',
    });
    // The reporter may not act as staff, nor a handler confirm for them.
    await expect(change('accept', h.identities.resident, { reportId: report.id, version: 0, message: '收到' })).rejects.toThrow('COMMON.FORBIDDEN');
    await change('resolve', h.identities.gridLeader, { reportId: report.id, version: 0, summary: '好了', photos: [] });
    await expect(change('confirm', h.identities.gridLeader, { reportId: report.id, version: 1, solved: true })).rejects.toThrow('COMMON.FORBIDDEN');
    // Lists: the other committee sees none of it, a resident only their own, the list is the committee's.
    expect((await h.call('reports', 'list', {}, h.identities.otherCommittee)).items).toEqual([]);
    expect((await h.call('reports', 'mine', {}, stranger.openid)).items).toEqual([]);
    expect((await h.call('reports', 'queue', {}, h.identities.member)).items).toEqual([]);
    await expect(h.call('reports', 'list', {}, h.identities.gridLeader)).rejects.toThrow('COMMON.FORBIDDEN');
    // The phone: the current handler and the committee only.
    expect((await h.call('reports', 'get', { reportId: report.id }, h.identities.gridLeader)).report.reporter?.phone).toBe('13900001001');
    expect((await h.call('reports', 'get', { reportId: report.id }, h.identities.committee)).report.reporter?.phone).toBe('13900001001');
    expect((await h.call('reports', 'get', { reportId: report.id }, h.identities.resident)).report.reporter).toBeNull();
  });
});
