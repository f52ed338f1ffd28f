import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import { talentPersonId } from '../../../emulator/seed/grids';
import { startHarness, type Harness } from '../../support/harness';
import { allow, BAIYU, draft, fileReport, freeze, HOUR, MINUTE, reportDoc, rid, sent } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  h.stack.clock.frozenAtMs = null;
});

const saveSettings = (settings: Record<string, unknown>) => h.call('reports', 'saveSettings', { settings }, h.identities.committee);
const defaults = async () => (await h.call('reports', 'settings', {}, h.identities.committee)) as { categories: any[]; spots: string[]; handlerPoints: number };

describe('filing and routing by micro-grid', () => {
  it('a report at 3号楼 goes to 第一微格: its leader handles it, is told at once, and the clocks run from filing', async () => {
    const t0 = freeze(h);
    await allow(h, [h.identities.gridLeader], ['report-assigned']);
    const report = await fileReport(h, h.identities.resident);
    expect(report).toMatchObject({
      state: 'submitted',
      categoryName: '楼道堆物',
      placeText: '3号楼 2单元',
      assignee: { kind: 'grid', gridId: `${BAIYU}-g1`, name: '第一微格' },
      dueKind: 'response',
      dueAt: new Date(t0 + 15 * MINUTE).toISOString(),
      mine: true,
      reporter: null,
      can: { accept: false, confirm: false },
    });
    expect(report.number).toMatch(/^R-\d{8}-\d{4}$/);
    expect(report.steps).toEqual([expect.objectContaining({ kind: 'filed', by: '我' })]);
    const doc = await reportDoc(report.id);
    expect(doc).toMatchObject({ handlerIds: [h.memberIdOf('gridLeader')], gridId: `${BAIYU}-g1`, untold: false, toldSteps: 1, version: 0 });
    expect(doc.resolutionDueAt).toEqual(new Date(t0 + 24 * HOUR));
    expect(sent(h, 'report-assigned').map((m) => m.openid)).toEqual([h.identities.gridLeader]);
  });

  it('a retried file (same request id) is the same report, filed and told once', async () => {
    await allow(h, [h.identities.gridLeader], ['report-assigned'], 2);
    const payload = { report: draft(), requestId: 'file-once' };
    const [a, b] = await Promise.all([0, 1].map(() => h.call('reports', 'file', payload, h.identities.resident)));
    const c = await h.call('reports', 'file', payload, h.identities.resident);
    expect(new Set([a.report.id, b.report.id, c.report.id]).size).toBe(1);
    expect(h.store.list(COLLECTIONS.reports)).toHaveLength(1);
    expect(sent(h, 'report-assigned')).toHaveLength(1);
  });

  it('5号楼 (第二微格, no leader) goes to its 双楼长 pair', async () => {
    const report = await fileReport(h, h.identities.resident, { building: '5号楼' });
    expect(report.assignee).toMatchObject({ kind: 'grid', gridId: `${BAIYU}-g2` });
    expect((await reportDoc(report.id)).handlerIds.sort()).toEqual([talentPersonId('lawyer'), h.memberIdOf('member')].sort());
    // The pair's member sees it in 待处理 with the reporter's phone; the resident does not see the phone.
    const queue = await h.call('reports', 'queue', {}, h.identities.member);
    expect(queue.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
    const seen = (await h.call('reports', 'get', { reportId: report.id }, h.identities.member)).report;
    expect(seen.reporter).toEqual({ name: '王秀兰', building: '3号楼', room: '201', phone: '13900001001' });
    expect(seen.can).toMatchObject({ accept: true, resolve: true, merge: false });
  });

  it('8号楼 (第三微格, neither leader nor pair) and a building of no grid go to the 总格长', async () => {
    for (const building of ['8号楼', '20号楼']) {
      const report = await fileReport(h, h.identities.resident, { building });
      expect(report.assignee).toEqual({ kind: 'chief', name: '总格长' });
      expect((await reportDoc(report.id)).handlerIds).toEqual([h.memberIdOf('committee')]);
    }
  });

  it('with no 总格长 the committee holds it (and is told); a public spot goes the same way', async () => {
    await getDb().collection(COLLECTIONS.gridChiefs).doc(BAIYU).remove();
    await allow(h, [h.identities.committee], ['report-assigned']);
    const at8 = await fileReport(h, h.identities.resident, { building: '8号楼' });
    expect(at8.assignee).toEqual({ kind: 'committee', name: '居委会' });
    expect((await reportDoc(at8.id)).handlerIds).toEqual([]);
    expect(sent(h, 'report-assigned').map((m) => m.openid)).toEqual([h.identities.committee]);
    const s = await defaults();
    await saveSettings({ categories: s.categories, spots: ['小区大门'], handlerPoints: 0 });
    const atGate = await fileReport(h, h.identities.resident, { spot: '小区大门' });
    expect(atGate).toMatchObject({ placeText: '小区大门', assignee: { kind: 'committee' } });
    const queue = await h.call('reports', 'queue', {}, h.identities.committee);
    expect(queue.items.map((r: { id: string }) => r.id).sort()).toEqual([at8.id, atGate.id].sort());
  });

  it('a spot the 居民区 does not list, an unknown or retired category: refused, nothing written', async () => {
    await expect(fileReport(h, h.identities.resident, { spot: '月球背面' })).rejects.toThrow('REPORTS.PLACE_NOT_FOUND');
    await expect(fileReport(h, h.identities.resident, { categoryKey: 'nope' })).rejects.toThrow('REPORTS.CATEGORY_NOT_FOUND');
    const s = await defaults();
    await saveSettings({ categories: s.categories.map((c) => (c.key === 'noise' ? { ...c, active: false } : c)), spots: [], handlerPoints: 0 });
    await expect(fileReport(h, h.identities.resident, { categoryKey: 'noise' })).rejects.toThrow('REPORTS.CATEGORY_NOT_FOUND');
    expect((await defaults()).categories.find((c) => c.key === 'noise')?.active).toBe(false);
    expect((await h.call('reports', 'settings', {}, h.identities.resident)).categories.map((c: { key: string }) => c.key)).not.toContain('noise');
    expect(h.store.list(COLLECTIONS.reports)).toHaveLength(0);
  });

  it('text that fails the content check is refused with nothing written', async () => {
    const res = await h.invoke('reports', { action: 'file', payload: { report: draft({ text: `楼道里${CONTENT_CHECK_TEST_PHRASE}` }), requestId: rid() } }, h.identities.resident);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    expect(h.store.list(COLLECTIONS.reports)).toHaveLength(0);
  });

  it('a grid leader files for an elderly resident of their grid: proxy-logged, the resident is the reporter', async () => {
    const elder = talentPersonId('elder');
    const report = await fileReport(h, h.identities.gridLeader, { building: '1号楼' }, { forMemberId: elder, requestId: 'proxy-request-0001' });
    expect(report).toMatchObject({ proxy: true, mine: false });
    expect(report.steps[0]).toMatchObject({ kind: 'filed', by: '网格长 张' });
    expect(await reportDoc(report.id)).toMatchObject({ reporterId: elder, proxyBy: h.memberIdOf('gridLeader') });
    expect(h.store.list(COLLECTIONS.proxyLog).filter((p: any) => p.subjectId === elder && p.action.startsWith('代上报'))).toHaveLength(1);
    await fileReport(h, h.identities.gridLeader, { building: '1号楼' }, { forMemberId: elder, requestId: 'proxy-request-0001' });
    expect(h.store.list(COLLECTIONS.proxyLog).filter((p: any) => p.subjectId === elder && p.action.startsWith('代上报'))).toHaveLength(1);
    // Not for someone outside their grid, nor for a resident by another resident.
    await expect(fileReport(h, h.identities.gridLeader, {}, { forMemberId: talentPersonId('dancer') })).rejects.toThrow('COMMON.FORBIDDEN');
    await expect(fileReport(h, h.identities.resident, {}, { forMemberId: elder })).rejects.toThrow('COMMON.FORBIDDEN');
    await expect(fileReport(h, h.identities.gridLeader, {}, { forMemberId: 'nobody-here' })).rejects.toThrow('REPORTS.PERSON_NOT_FOUND');
  });

  it('similar: an open report of the category at the building shows without who; joining counts once', async () => {
    const first = await fileReport(h, h.identities.resident);
    const similar = await h.call('reports', 'similar', { categoryKey: 'clutter', place: draft({ building: '3号楼' }).place }, h.identities.applicant1);
    expect(similar.items).toEqual([{ id: first.id, number: first.number, filedAt: first.filedAt, state: 'submitted', followers: 0, excerpt: first.excerpt, mine: false }]);
    expect(JSON.stringify(similar)).not.toContain('王秀兰');
    await Promise.all([0, 1, 2].map(() => h.call('reports', 'join', { reportId: first.id }, h.identities.applicant1)));
    const doc = await reportDoc(first.id);
    expect(doc.followers).toEqual([h.memberIdOf('applicant1')]);
    expect((await h.call('reports', 'mine', {}, h.identities.applicant1)).items.map((r: { id: string }) => r.id)).toEqual([first.id]);
    // Another category, or another building: not similar.
    expect((await h.call('reports', 'similar', { categoryKey: 'noise', place: draft().place }, h.identities.applicant1)).items).toEqual([]);
    expect((await h.call('reports', 'similar', { categoryKey: 'clutter', place: draft({ building: '4号楼' }).place }, h.identities.applicant1)).items).toEqual([]);
  });

  it('settings: only the committee saves; a council that is not theirs is refused', async () => {
    const s = await defaults();
    await expect(h.call('reports', 'saveSettings', { settings: { categories: s.categories, spots: [], handlerPoints: 0 } }, h.identities.gridLeader)).rejects.toThrow('COMMON.FORBIDDEN');
    await expect(saveSettings({ categories: s.categories.map((c, i) => (i === 0 ? { ...c, councilId: 'cm-changfeng1-service' } : c)), spots: [], handlerPoints: 0 })).rejects.toThrow('REPORTS.COUNCIL_NOT_FOUND');
    expect(h.store.list(COLLECTIONS.reportSettings)).toHaveLength(0);
  });
});
