import { startHarness, type Harness } from '../../support/harness';
import { addResident, bindGroup, noticeDoc, noticeInput, openNotice, publishNotice, receiptDocs } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const HOUR = 3600 * 1000;

describe('writing and publishing', () => {
  it('a grid leader publishes to their grid once per request id; the targeted count is the grid roster', async () => {
    const payload = { notice: noticeInput(), publish: { kind: 'now' }, requestId: 'req-notice-once' };
    const [a, b] = await Promise.all([0, 1].map(() => h.call('notices', 'create', payload, h.identities.gridLeader)));
    expect(a.notice.id).toBe(b.notice.id);
    expect(a.notice).toMatchObject({ status: 'published', targetLabel: '第一微格', canManage: true });
    const doc = await noticeDoc(a.notice.id);
    expect(doc.counts.targeted).toBeGreaterThanOrEqual(2); // at least the leader and 王秀兰 live in 1-4号楼
  });

  it('a request id reused by someone else answers NOT_FOUND and neither shows nor publishes the other writer’s draft', async () => {
    const draft = await h.call('notices', 'create', { notice: noticeInput(), publish: { kind: 'draft' }, requestId: 'req-committee-draft' }, h.identities.committee);
    const stolen = await h.invoke('notices', { action: 'create', payload: { notice: noticeInput(), publish: { kind: 'now' }, requestId: 'req-committee-draft' } }, h.identities.gridLeader);
    expect(stolen).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    expect((await noticeDoc(draft.notice.id)).status).toBe('draft');
  });

  it('permissions follow the matrix: leaders their grids, the committee the 居民区, residents nothing', async () => {
    const g2 = await h.invoke(
      'notices',
      { action: 'create', payload: { notice: noticeInput({ target: { kind: 'grids', gridIds: ['cm-baiyu1-g2'] } }), publish: { kind: 'now' }, requestId: 'req-g2-leader' } },
      h.identities.gridLeader,
    );
    expect(g2).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    const all = await h.invoke(
      'notices',
      { action: 'create', payload: { notice: noticeInput({ target: { kind: 'community' } }), publish: { kind: 'now' }, requestId: 'req-all-leader' } },
      h.identities.gridLeader,
    );
    expect(all).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    const resident = await h.invoke(
      'notices',
      { action: 'create', payload: { notice: noticeInput(), publish: { kind: 'now' }, requestId: 'req-resident-1' } },
      h.identities.resident,
    );
    expect(resident).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    // Another 居民区's grid is not found, not forbidden: ids cannot be probed.
    const cross = await h.invoke(
      'notices',
      { action: 'create', payload: { notice: noticeInput({ target: { kind: 'grids', gridIds: ['cm-baiyu1-g1'] } }), publish: { kind: 'now' }, requestId: 'req-cross-1' } },
      h.identities.otherCommittee,
    );
    expect(cross).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const committee = await publishNotice(h, { target: { kind: 'community' } }, { kind: 'now' }, h.identities.committee);
    expect(committee.targetLabel).toBe('全体居民');
    const targets = await h.call('notices', 'targets', {}, h.identities.gridLeader);
    expect(targets).toMatchObject({ community: false, grids: [{ id: 'cm-baiyu1-g1', name: '第一微格' }], colourGridIds: ['cm-baiyu1-g1'], colourWholeCommunity: false });
  });

  it('a council chair writes to the council they chair now, and only its members get it', async () => {
    const targets = await h.call('notices', 'targets', {}, h.identities.gridLeader);
    expect(targets.councils).toEqual([{ id: 'cm-baiyu1-service', name: '便民服务分会' }]);
    const notice = await publishNotice(h, { title: '分会例会', target: { kind: 'council', councilId: 'cm-baiyu1-service' } });
    expect(notice.targetLabel).toBe('便民服务分会');
    const inCouncil = await h.call('notices', 'list', { page: 1 }, h.identities.gridLeader);
    expect(inCouncil.items.map((n: { id: string }) => n.id)).toContain(notice.id);
    expect(inCouncil.canWrite).toBe(true);
    const resident = await h.call('notices', 'list', { page: 1 }, h.identities.resident);
    expect(resident.items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
    expect(resident.canWrite).toBe(false);
    const notChair = await h.invoke(
      'notices',
      { action: 'create', payload: { notice: noticeInput({ target: { kind: 'council', councilId: 'cm-baiyu1-service' } }), publish: { kind: 'now' }, requestId: 'req-council-member' } },
      h.identities.member,
    );
    expect(notChair).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });

  it('text must pass the content check before anything is stored', async () => {
    const before = (await h.call('notices', 'managed', { page: 1 }, h.identities.gridLeader)).items.length;
    const res = await h.invoke(
      'notices',
      { action: 'create', payload: { notice: noticeInput({ body: '违规测试词' }), publish: { kind: 'now' }, requestId: 'req-rejected-1' } },
      h.identities.gridLeader,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    const managed = await h.call('notices', 'managed', { page: 1 }, h.identities.gridLeader);
    expect(managed.items).toHaveLength(before);
  });

  it('a reply notice needs a question; bad input changes nothing', async () => {
    const res = await h.invoke(
      'notices',
      { action: 'create', payload: { notice: noticeInput({ mode: 'reply' }), publish: { kind: 'now' }, requestId: 'req-noquestion' } },
      h.identities.gridLeader,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'notice.question': '请填写要居民回答的问题' } } });
  });

  it('drafts and scheduled notices are invisible to residents; the timer publishes due ones once', async () => {
    const draft = await publishNotice(h, {}, { kind: 'draft' });
    const at = new Date(h.stack.clock.nowMs() + 2 * HOUR).toISOString();
    const scheduled = await publishNotice(h, { title: '周六义诊' }, { kind: 'at', at });
    expect(scheduled.status).toBe('scheduled');
    expect((await openNotice(h, draft.id, h.identities.resident))).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const titles = async () => (await h.call('notices', 'list', { page: 1 }, h.identities.resident)).items.map((n: { title: string }) => n.title);
    const seeded = await titles();
    expect(seeded).not.toContain(draft.title);
    const past = await h.invoke(
      'notices',
      { action: 'update', payload: { noticeId: draft.id, notice: noticeInput(), publish: { kind: 'at', at: new Date(h.stack.clock.nowMs() - HOUR).toISOString() } } },
      h.identities.gridLeader,
    );
    expect(past).toMatchObject({ ok: false, error: { code: 'NOTICES.PUBLISH_AT_PAST' } });

    const { publishDue } = await import('../../../cloudfunctions/notices/publishing');
    expect(await publishDue(new Date(h.stack.clock.nowMs()))).toMatchObject({ published: 0 });
    h.stack.clock.offsetMs += 3 * HOUR;
    const now = new Date(h.stack.clock.nowMs());
    const runs = await Promise.all([publishDue(now), publishDue(now)]);
    expect(runs.reduce((n, r) => n + r.published!, 0)).toBe(1);
    expect(await titles()).toEqual(['周六义诊', ...seeded]);
    const late = await h.invoke('notices', { action: 'update', payload: { noticeId: scheduled.id, notice: noticeInput(), publish: { kind: 'draft' } } }, h.identities.gridLeader);
    expect(late).toMatchObject({ ok: false, error: { code: 'NOTICES.ALREADY_PUBLISHED' } });
    expect(await h.call('notices', 'remove', { noticeId: draft.id }, h.identities.gridLeader)).toEqual({ removed: true });
  });
});

describe('announcing a new notice', () => {
  it('tells targeted residents who allowed it, once, a roster page right away and the rest by the timer', async () => {
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => addResident(h, `ann-${i}`, { room: String(101 + i) })));
    const [first, later, opened] = [people[0]!, people[24]!, people[25]!];
    for (const p of [first, later, opened]) {
      await h.call('members', 'grantSubscriptions', { requestId: `tap-ann-${p.openid}`, templates: ['notice-published'] }, p.openid);
    }
    const sent = () => h.stack.wechat.messages.filter((m) => m.templateId === 'notice-published').map((m) => m.openid);
    const notice = await publishNotice(h);
    expect(sent()).toEqual([first.openid]);
    await openNotice(h, notice.id, opened.openid);
    await Promise.all([h.timer('notices', 'every-minute'), h.timer('notices', 'every-minute')]);
    expect(sent().sort()).toEqual([first.openid, later.openid].sort());
    await h.timer('notices', 'every-minute');
    expect(sent()).toHaveLength(2);
    expect((await noticeDoc(notice.id)).announce).toMatchObject({ state: 'done' });
  });
});

describe('receipts', () => {
  it('opens from two bound groups and directly: one receipt per resident, reads per group, unread from the roster', async () => {
    expect((await bindGroup(h, 'g1-A', '1号楼邻里群')).ok).toBe(true);
    expect((await bindGroup(h, 'g1-B', '2号楼邻里群')).ok).toBe(true);
    const a = await addResident(h, 'nt-a', { name: '甲', building: '1号楼', room: '101' });
    const b = await addResident(h, 'nt-b', { name: '乙', building: '1号楼', room: '102' });
    const c = await addResident(h, 'nt-c', { name: '丙', building: '1号楼', room: '103' });
    const notice = await publishNotice(h);
    await openNotice(h, notice.id, a.openid, 'g1-A');
    await openNotice(h, notice.id, a.openid, 'g1-A');
    await openNotice(h, notice.id, a.openid, 'g1-B');
    await openNotice(h, notice.id, b.openid);
    await openNotice(h, notice.id, b.openid, 'g1-B');
    expect(await receiptDocs(notice.id)).toHaveLength(2);

    const view = await h.call('notices', 'receipts', { noticeId: notice.id, page: 1 }, h.identities.gridLeader);
    expect(view.counts).toMatchObject({ read: 2 });
    const byName = Object.fromEntries(view.groups.map((g: { name: string; read: number }) => [g.name, g.read]));
    expect(byName).toEqual({ '1号楼邻里群': 1, '2号楼邻里群': 2, 其他途径打开: 1 });
    const unread = await h.call('notices', 'receipts', { noticeId: notice.id, filter: 'unread', page: 1 }, h.identities.gridLeader);
    const unreadIds = unread.items.map((r: { memberId: string }) => r.memberId);
    expect(unreadIds).toContain(c.memberId);
    expect(unreadIds).not.toContain(a.memberId);
    const inA = await h.call('notices', 'receipts', { noticeId: notice.id, groupId: view.groups[0].groupId, page: 1 }, h.identities.gridLeader);
    expect(inA.items.map((r: { name: string }) => r.name)).toEqual(view.groups[0].name === '1号楼邻里群' ? ['甲'] : ['甲', '乙']);

    // Only the writer and the committee see receipts.
    expect(await h.invoke('notices', { action: 'receipts', payload: { noticeId: notice.id } }, a.openid)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect((await h.call('notices', 'receipts', { noticeId: notice.id }, h.identities.committee)).counts.read).toBe(2);
    expect(await h.invoke('notices', { action: 'receipts', payload: { noticeId: notice.id } }, h.identities.otherCommittee)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    });
  });

  it('500 concurrent opens leave exactly 500 receipts and a read count of 500', async () => {
    const people = await Promise.all(Array.from({ length: 500 }, (_, i) => addResident(h, `crowd-${i}`, { room: String(1000 + i) })));
    const notice = await publishNotice(h);
    await bindGroup(h, 'g1-A', '大群');
    const results = await Promise.all(people.map((p, i) => openNotice(h, notice.id, p.openid, i % 2 ? 'g1-A' : undefined)));
    expect(results.every((r) => r.ok)).toBe(true);
    await Promise.all(people.slice(0, 50).map((p) => openNotice(h, notice.id, p.openid)));
    expect(await receiptDocs(notice.id)).toHaveLength(500);
    const view = await h.call('notices', 'receipts', { noticeId: notice.id }, h.identities.gridLeader);
    expect(view.counts.read).toBe(500);
    expect(view.groups.reduce((s: number, g: { read: number }) => s + g.read, 0)).toBe(500);
  }, 60_000);

  it('confirm and reply are recorded once per resident; the resident list puts unread first', async () => {
    const a = await addResident(h, 'nt-a', { name: '甲' });
    const confirm = await publishNotice(h, { title: '收到请回复', mode: 'confirm' });
    const question = { text: '停水期间家中是否有人？', options: ['有人在家', '家中无人'] };
    const reply = await publishNotice(h, { title: '家中是否有人', mode: 'reply', question });

    const list = await h.call('notices', 'list', { page: 1 }, a.openid);
    // Newest first among the unread (the seed's notice to 第一微格 is older, the committee's to everyone older still).
    expect(list.items.map((n: { title: string; mine: { state: string } }) => [n.title, n.mine.state])).toEqual([
      ['家中是否有人', 'unread'],
      ['收到请回复', 'unread'],
      ['本周四上午停水通知', 'unread'],
      ['本周六上午社区大扫除', 'unread'],
    ]);
    await openNotice(h, reply.id, a.openid);
    const after = await h.call('notices', 'list', { page: 1 }, a.openid);
    expect(after.items.map((n: { title: string }) => n.title)).toEqual(['收到请回复', '本周四上午停水通知', '本周六上午社区大扫除', '家中是否有人']);

    const taps = await Promise.all([0, 1, 2].map(() => h.call('notices', 'confirm', { noticeId: confirm.id }, a.openid)));
    expect(taps.every((t) => t.mine.state === 'confirmed')).toBe(true);
    expect((await h.call('notices', 'receipts', { noticeId: confirm.id }, h.identities.gridLeader)).counts).toMatchObject({ read: 1, confirmed: 1 });
    expect(await h.invoke('notices', { action: 'reply', payload: { noticeId: confirm.id, answer: '有人在家' } }, a.openid)).toMatchObject({
      ok: false,
      error: { code: 'NOTICES.WRONG_MODE' },
    });

    expect(await h.invoke('notices', { action: 'reply', payload: { noticeId: reply.id, answer: '也许' } }, a.openid)).toMatchObject({
      ok: false,
      error: { code: 'NOTICES.BAD_OPTION' },
    });
    const [r1, r2] = await Promise.all([0, 1].map(() => h.call('notices', 'reply', { noticeId: reply.id, answer: '家中无人' }, a.openid)));
    expect(r1.mine).toMatchObject({ state: 'replied', reply: '家中无人' });
    expect(r2.mine).toMatchObject({ state: 'replied', reply: '家中无人' });
    expect(await h.invoke('notices', { action: 'reply', payload: { noticeId: reply.id, answer: '有人在家' } }, a.openid)).toMatchObject({
      ok: false,
      error: { code: 'NOTICES.ALREADY_REPLIED' },
    });
    const writer = await openNotice(h, reply.id, h.identities.gridLeader);
    expect(writer.ok && (writer.data as any).notice).toMatchObject({ replyCounts: [0, 1], counts: { replied: 1 } });
    const pending = await h.call('notices', 'receipts', { noticeId: reply.id, filter: 'pending', page: 1 }, h.identities.gridLeader);
    expect(pending.items.map((r: { memberId: string }) => r.memberId)).not.toContain(a.memberId);

    // A resident outside the target may read a shared card but not answer it.
    const outsider = await addResident(h, 'nt-out', { building: '6号楼', gridId: 'cm-baiyu1-g2' });
    expect((await openNotice(h, confirm.id, outsider.openid)).ok).toBe(true);
    expect(await h.invoke('notices', { action: 'confirm', payload: { noticeId: confirm.id } }, outsider.openid)).toMatchObject({
      ok: false,
      error: { code: 'NOTICES.NOT_TARGETED' },
    });
    expect((await h.call('notices', 'receipts', { noticeId: confirm.id }, h.identities.gridLeader)).counts.read).toBe(1);
  });

  it('a colour group reaches only residents of that colour, never names the colour to them, and its receipts view lists only them', async () => {
    const red = await addResident(h, 'nt-red', { name: '红', room: '101' });
    const plain = await addResident(h, 'nt-plain', { name: '无色', room: '102' });
    await h.call('grids', 'setColour', { memberId: red.memberId, colour: 'red' }, h.identities.committee);
    const notice = await publishNotice(h, { mode: 'confirm', target: { kind: 'colour', colour: 'red', gridIds: ['cm-baiyu1-g1'] } });
    // Staff who may see colours read the colour group; the residents in it read only their grid.
    expect(notice.targetLabel).toBe('红色分组（第一微格）');
    expect((await h.call('notices', 'managed', { page: 1 }, h.identities.committee)).items.find((n: { id: string }) => n.id === notice.id).targetLabel).toBe('红色分组（第一微格）');
    const listed = (await h.call('notices', 'list', { page: 1 }, red.openid)).items.find((n: { id: string }) => n.id === notice.id);
    expect(listed.targetLabel).toBe('第一微格部分居民');
    const opened = await openNotice(h, notice.id, red.openid);
    expect(opened.ok && (opened.data as any).notice).toMatchObject({ targetLabel: '第一微格部分居民', target: null });
    expect(JSON.stringify(opened)).not.toMatch(/红|"red"/);
    const titles = async (openid: string) => (await h.call('notices', 'list', { page: 1 }, openid)).items.map((n: { id: string }) => n.id);
    expect(await titles(red.openid)).toContain(notice.id);
    expect(await titles(plain.openid)).not.toContain(notice.id);
    await h.call('notices', 'confirm', { noticeId: notice.id }, red.openid);
    const view = await h.call('notices', 'receipts', { noticeId: notice.id, page: 1 }, h.identities.gridLeader);
    // The seed's 吴阿婆 of 第一微格 is marked red too.
    expect(view.items.map((r: { name: string; state: string }) => [r.name, r.state])).toEqual([
      ['红', 'confirmed'],
      ['吴阿婆', 'unread'],
    ]);
    expect(view.counts).toMatchObject({ targeted: 2, confirmed: 1 });
  });

  it('an expired notice takes no more answers', async () => {
    const a = await addResident(h, 'nt-a');
    const notice = await publishNotice(h, { mode: 'confirm', expiresAt: new Date(h.stack.clock.nowMs() + HOUR).toISOString() });
    h.stack.clock.offsetMs += 2 * HOUR;
    expect(await h.invoke('notices', { action: 'confirm', payload: { noticeId: notice.id } }, a.openid)).toMatchObject({
      ok: false,
      error: { code: 'NOTICES.EXPIRED' },
    });
  });
});
