import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import { LocalOpenData } from '../../../emulator/platform/open-data';
import { MAX_ROBOT_ATTEMPTS, ROBOT_MESSAGES_PER_MINUTE } from '../../../src/shared/rules/wecom-delivery';
import { startHarness, type Harness } from '../../support/harness';
import { addResident, bindGroup, openNotice, publishNotice } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  h.stack.wecom.deliveries.length = 0;
  h.stack.wecom.rateLimited = false;
});

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const WEBHOOK = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;

async function setRobot(gridId = 'cm-baiyu1-g1') {
  return h.call('notices', 'setRobot', { gridId, webhook: WEBHOOK }, h.identities.committee);
}

async function outbox(noticeId?: string): Promise<Record<string, any>[]> {
  const res = await getDb()
    .collection(COLLECTIONS.wecomOutbox)
    .where(noticeId ? { noticeId } : {})
    .limit(1000)
    .get();
  return res.data as Record<string, any>[];
}

describe('binding groups', () => {
  it('a grid leader binds two groups from their open data; binding again renames; another grid cannot take it', async () => {
    const a = await bindGroup(h, 'g1-A', '1号楼邻里群');
    expect(a).toMatchObject({ ok: true, data: { group: { gridId: 'cm-baiyu1-g1', name: '1号楼邻里群', gridName: '第一微格' } } });
    expect((await bindGroup(h, 'g1-B', '2号楼邻里群')).ok).toBe(true);
    const again = await bindGroup(h, 'g1-A', '1号楼大家庭');
    expect(again).toMatchObject({ ok: true, data: { group: { name: '1号楼大家庭' } } });
    const list = await h.call('notices', 'groups', { page: 1 }, h.identities.gridLeader);
    // The seed's groups A and B are bound to 第一微格 too.
    expect(list.items.map((g: { name: string }) => g.name).sort()).toEqual(['1-2号楼邻里群', '1号楼大家庭', '2号楼邻里群', '3-4号楼邻里群']);
    // No client ever sees the opengid.
    expect(JSON.stringify(list)).not.toContain(LocalOpenData.opengidOf('g1-A'));
    const g2 = await bindGroup(h, 'g1-A', '抢群', h.identities.committee, 'cm-baiyu1-g2');
    expect(g2).toMatchObject({ ok: false, error: { code: 'NOTICES.GROUP_BOUND_ELSEWHERE' } });
    const which = await h.invoke('notices', { action: 'whichGroup', groupCloudId: h.stack.wechat.openData.mintGroupCloudId('g1-B', LOCAL_APPID) }, h.identities.resident);
    expect(which).toMatchObject({ ok: true, data: { group: { name: '2号楼邻里群' } } });
  });

  it('an opengid comes only from a CloudID the platform resolves: plain fields, hand-made open data, unknown or foreign CloudIDs are refused', async () => {
    const forged = LocalOpenData.opengidOf('g1-A');
    const bindWith = (extra: Record<string, unknown>) =>
      h.invoke('notices', { action: 'bindGroup', payload: { gridId: 'cm-baiyu1-g1', name: '伪造群', opengid: forged }, ...extra }, h.identities.gridLeader);
    const refused = { ok: false, error: { code: 'NOTICES.NO_GROUP' } };
    expect(await bindWith({ opengid: forged })).toMatchObject(refused);
    // The shape the platform used to hand over, written by a client: never trusted.
    const minted = h.stack.wechat.openData.mintGroupCloudId('g1-A', LOCAL_APPID);
    expect(await bindWith({ groupCloudId: { cloudID: minted, data: { opengid: forged } } })).toMatchObject(refused);
    expect(await bindWith({ groupCloudId: { cloudID: 'made-up', data: { opengid: forged } } })).toMatchObject(refused);
    expect(await bindWith({ groupCloudId: 'made-up' })).toMatchObject(refused);
    expect(await bindWith({ groupCloudId: 'x'.repeat(1_000_000) })).toMatchObject(refused);
    // A CloudID issued to another mini-program does not resolve for ours.
    expect(await bindWith({ groupCloudId: h.stack.wechat.openData.mintGroupCloudId('g1-A', 'wx-other-app') })).toMatchObject(refused);
    expect(await h.stack.wechat.resolveCloudId({ cloudID: minted, appid: LOCAL_APPID })).toMatchObject({ opengid: forged });
    // An expired one (5 minutes) neither.
    h.stack.clock.offsetMs += 5 * 60_000 + 1;
    expect(await bindWith({ groupCloudId: minted })).toMatchObject(refused);
    h.stack.clock.offsetMs -= 5 * 60_000 + 1;
  });

  it('only leaders of the grid and the committee bind, rename and unbind; reads already recorded stay', async () => {
    expect(await bindGroup(h, 'g1-A', '群', h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await bindGroup(h, 'g2-A', '群', h.identities.gridLeader, 'cm-baiyu1-g2')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await bindGroup(h, 'g1-A', '群', h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const bound = await bindGroup(h, 'g1-A', '1号楼邻里群');
    const groupId = (bound as any).data.group.id as string;
    const notice = await publishNotice(h);
    const a = await addResident(h, 'nt-a');
    await openNotice(h, notice.id, a.openid, 'g1-A');
    expect(await h.invoke('notices', { action: 'renameGroup', payload: { groupId, name: '新名字' } }, h.identities.resident)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
    expect(await h.invoke('notices', { action: 'unbindGroup', payload: { groupId } }, h.identities.otherCommittee)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    });
    expect((await h.call('notices', 'renameGroup', { groupId, name: '新名字' }, h.identities.committee)).group.name).toBe('新名字');
    expect(await h.call('notices', 'unbindGroup', { groupId }, h.identities.gridLeader)).toEqual({ removed: true });
    const view = await h.call('notices', 'receipts', { noticeId: notice.id }, h.identities.gridLeader);
    expect(view.groups.find((g: { groupId: string }) => g.groupId === groupId)).toMatchObject({ read: 1 });
    // Opening from the unbound group now counts as elsewhere, not as a group.
    const b = await addResident(h, 'nt-b', { room: '102' });
    await openNotice(h, notice.id, b.openid, 'g1-A');
    const after = await h.call('notices', 'receipts', { noticeId: notice.id }, h.identities.gridLeader);
    expect(after.counts.read).toBe(2);
    expect(after.groups.find((g: { groupId: string | null }) => g.groupId === null).read).toBe(1);
  });
});

describe('WeCom robots', () => {
  it('the committee stores a webhook per grid; no client ever gets the key back, only its last 4 characters', async () => {
    const set = await setRobot();
    expect(set.robot).toMatchObject({ gridId: 'cm-baiyu1-g1', maskedKey: '****5aaa', setByName: '周敏' });
    const list = await h.call('notices', 'robots', {}, h.identities.committee);
    expect(JSON.stringify(list)).not.toContain(KEY.slice(0, 8));
    expect(list.items.map((r: { maskedKey: string | null }) => r.maskedKey)).toEqual(['****5aaa', null, null]);
    expect(await h.invoke('notices', { action: 'robots', payload: {} }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await h.invoke('notices', { action: 'setRobot', payload: { gridId: 'cm-baiyu1-g1', webhook: 'https://evil.example/x?key=abcdefgh' } }, h.identities.committee)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT' },
    });
    expect(await h.invoke('notices', { action: 'setRobot', payload: { gridId: 'cm-baiyu1-g1', webhook: WEBHOOK } }, h.identities.otherCommittee)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.NOT_FOUND' },
    });
    expect((await h.call('notices', 'removeRobot', { gridId: 'cm-baiyu1-g1' }, h.identities.committee)).robot.maskedKey).toBeNull();
  });

  it('publishing to a grid with a robot pushes the notice as markdown, once; a colour group never goes to a robot', async () => {
    await setRobot();
    const notice = await publishNotice(h, { title: '明天上午停水' });
    expect(h.stack.wecom.deliveries).toHaveLength(1);
    expect(h.stack.wecom.deliveries[0]).toMatchObject({ key: KEY, body: { msgtype: 'markdown' } });
    expect(JSON.stringify(h.stack.wecom.deliveries[0]!.body)).toContain('明天上午停水');
    const view = await h.call('notices', 'open', { noticeId: notice.id }, h.identities.gridLeader);
    expect(view.notice.robots).toMatchObject([{ gridId: 'cm-baiyu1-g1', state: 'sent', attempts: 1 }]);
    await h.timer('notices', 'every-minute');
    expect(h.stack.wecom.deliveries).toHaveLength(1);
    await publishNotice(h, { target: { kind: 'colour', colour: 'red', gridIds: ['cm-baiyu1-g1'] } });
    expect(h.stack.wecom.deliveries).toHaveLength(1);
    // Residents never see the robot deliveries.
    const a = await addResident(h, 'nt-a');
    expect((await h.call('notices', 'open', { noticeId: notice.id }, a.openid)).notice.robots).toBeNull();
  });

  it('one notice that always throws does not stop the minute timer: the robot queue still drains, the failure is recorded and retried with backoff', async () => {
    await setRobot();
    h.stack.wecom.rateLimited = true;
    const notice = await publishNotice(h);
    h.stack.wecom.rateLimited = false;
    // A scheduled notice the timer cannot publish (a stored target it cannot read), due before the robot's retry.
    const broken = 'cm-baiyu1-nt-broken';
    const due = new Date(h.stack.clock.nowMs() - 60_000);
    await getDb()
      .collection(COLLECTIONS.notices)
      .add({ _id: broken, communityId: 'cm-baiyu1', writerId: 'x', title: '坏数据', status: 'scheduled', publishAt: due, target: null, audienceKeys: [] });
    h.stack.clock.offsetMs += 2 * 60_000;
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await h.timer('notices', 'every-minute')).toMatchObject({ noticeFailures: 1, sent: 1 });
      expect((await outbox(notice.id))[0]).toMatchObject({ state: 'sent' });
      const stored = async () => (await getDb().collection(COLLECTIONS.notices).doc(broken).get()).data[0];
      expect(await stored()).toMatchObject({ status: 'scheduled', timerFailures: 1, timerError: expect.stringContaining('publish') });
      // The next run tries it again at once; after that it waits, longer each time.
      expect(await h.timer('notices', 'every-minute')).toMatchObject({ noticeFailures: 1 });
      expect(await stored()).toMatchObject({ timerFailures: 2 });
      expect(await h.timer('notices', 'every-minute')).toMatchObject({ noticeFailures: 0 });
      h.stack.clock.offsetMs += 61_000;
      expect(await h.timer('notices', 'every-minute')).toMatchObject({ noticeFailures: 1 });
      expect(await stored()).toMatchObject({ timerFailures: 3 });
      expect(await h.timer('notices', 'every-minute')).toMatchObject({ noticeFailures: 0 });
    } finally {
      errors.mockRestore();
    }
  });

  it('a rate-limited robot is retried with backoff, then the failure shows on the notice after the last try', async () => {
    await setRobot();
    h.stack.wecom.rateLimited = true;
    const notice = await publishNotice(h);
    let [msg] = await outbox(notice.id);
    expect(msg).toMatchObject({ state: 'queued', attempts: 1, lastError: '机器人发送太频繁' });
    // Not before its time.
    await h.timer('notices', 'every-minute');
    expect(h.stack.wecom.deliveries).toHaveLength(1);
    for (let i = 1; i < MAX_ROBOT_ATTEMPTS; i++) {
      h.stack.clock.offsetMs += 11 * 60_000;
      await h.timer('notices', 'every-minute');
    }
    [msg] = await outbox(notice.id);
    expect(msg).toMatchObject({ state: 'failed', attempts: MAX_ROBOT_ATTEMPTS });
    expect(h.stack.wecom.deliveries).toHaveLength(MAX_ROBOT_ATTEMPTS);
    const view = await h.call('notices', 'open', { noticeId: notice.id }, h.identities.gridLeader);
    expect(view.notice.robots[0]).toMatchObject({ state: 'failed', lastError: expect.stringContaining('机器人发送太频繁') });
    const robots = await h.call('notices', 'robots', {}, h.identities.committee);
    expect(robots.items[0].lastError).toContain('机器人发送太频繁');
  });

  it('a transient failure then success: sent on the retry', async () => {
    await setRobot();
    h.stack.wecom.rateLimited = true;
    const notice = await publishNotice(h);
    h.stack.wecom.rateLimited = false;
    h.stack.clock.offsetMs += 2 * 60_000;
    expect(await h.timer('notices', 'every-minute')).toMatchObject({ sent: 1 });
    expect((await outbox(notice.id))[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('never more than the per-minute limit to one robot, however many drains run at once', async () => {
    await setRobot();
    const notices = [];
    for (let i = 0; i < ROBOT_MESSAGES_PER_MINUTE + 6; i++) notices.push(await publishNotice(h, { title: `通知${i}` }));
    const minute = (at: string) => Math.floor(Date.parse(at) / 60_000);
    const perMinute = new Map<number, number>();
    for (const d of h.stack.wecom.deliveries) perMinute.set(minute(d.at), (perMinute.get(minute(d.at)) ?? 0) + 1);
    // Slots are counted by the minute they are taken (at most ROBOT_MESSAGES_PER_MINUTE); a send taken in the last
    // instant of a minute may arrive in the next, which WeCom's 20 still allows: that one is the margin kept.
    expect(Math.max(...perMinute.values())).toBeLessThanOrEqual(ROBOT_MESSAGES_PER_MINUTE + 1);
    const queued = (await outbox()).filter((o) => o.state === 'queued');
    expect(queued.length).toBe(notices.length - h.stack.wecom.deliveries.length);
    h.stack.clock.offsetMs += 60_000;
    await Promise.all([0, 1, 2].map(() => h.timer('notices', 'every-minute')));
    expect(h.stack.wecom.deliveries).toHaveLength(notices.length);
    expect((await outbox()).every((o) => o.state === 'sent')).toBe(true);
  });
});

describe('reminders', () => {
  it('never reminds the writer, nor whoever taps remind: no message, no @ of their mobile, not listed to call', async () => {
    await setRobot();
    const leaderId = h.memberIdOf('gridLeader');
    const committeeId = h.memberIdOf('committee');
    const leader = (await h.call('members', 'me', {}, h.identities.gridLeader)).member;
    const neighbour = await addResident(h, 'nt-n', { name: '邻居', room: '104', phone: '13855556666' });
    // The grid leader writes to her own grid, so she is among those it is for.
    const notice = await publishNotice(h, { mode: 'confirm', target: { kind: 'grids', gridIds: ['cm-baiyu1-g1'] } }, { kind: 'now' }, h.identities.gridLeader);
    const pendingIds = async (noticeId: string) =>
      (await h.call('notices', 'receipts', { noticeId, filter: 'pending', page: 1 }, h.identities.committee)).items.map((r: { memberId: string }) => r.memberId);
    expect(await pendingIds(notice.id)).toContain(leaderId);
    h.stack.wecom.deliveries.length = 0;
    const people = (r: { subscribed: { memberId: string }[]; wecom: { memberId: string }[]; rest: { memberId: string }[] }) =>
      [...r.subscribed, ...r.wecom, ...r.rest].map((p) => p.memberId);

    const byWriter = await h.call('notices', 'remind', { noticeId: notice.id, requestId: 'remind-self-1' }, h.identities.gridLeader);
    expect(people(byWriter)).toContain(neighbour.memberId);
    expect(people(byWriter)).not.toContain(leaderId);
    const mentioned = h.stack.wecom.deliveries.flatMap((d) => (d.body as { text: { mentioned_mobile_list: string[] } }).text.mentioned_mobile_list);
    expect(mentioned).toContain('13855556666');
    if (leader.phone) expect(mentioned).not.toContain(leader.phone);

    // The committee writes to the whole 居民区, itself included, and reminds.
    const toAll = await publishNotice(h, { mode: 'confirm', target: { kind: 'community' } }, { kind: 'now' }, h.identities.committee);
    expect(await pendingIds(toAll.id)).toContain(committeeId);
    const byCommittee = await h.call('notices', 'remind', { noticeId: toAll.id, requestId: 'remind-self-2' }, h.identities.committee);
    expect(people(byCommittee)).toContain(leaderId);
    expect(people(byCommittee)).not.toContain(committeeId);
    const selves: string[] = [h.identities.gridLeader, h.identities.committee];
    expect(h.stack.wechat.messages.filter((m) => m.templateId === 'notice-remind' && selves.includes(m.openid))).toHaveLength(0);
  });

  it('remind the unread: a subscribe message to those with quota, robot @-mentions by mobile, the rest to call; once per tap', async () => {
    await setRobot();
    const withQuota = await addResident(h, 'nt-q', { name: '有订阅', room: '101' });
    const other = await addResident(h, 'nt-o', { name: '没订阅', room: '102', phone: '13811112222' });
    const done = await addResident(h, 'nt-d', { name: '已确认', room: '103' });
    const g2 = await addResident(h, 'nt-g2', { name: '二格', building: '6号楼', room: '201', gridId: 'cm-baiyu1-g2', phone: '13833334444' });
    await h.call('members', 'grantSubscriptions', { requestId: 'tap-remind-1', templates: ['notice-remind'] }, withQuota.openid);
    const notice = await publishNotice(h, { mode: 'confirm', target: { kind: 'grids', gridIds: ['cm-baiyu1-g1', 'cm-baiyu1-g2'] } }, { kind: 'now' }, h.identities.committee);
    await h.call('notices', 'confirm', { noticeId: notice.id }, done.openid);
    h.stack.wecom.deliveries.length = 0;

    const [r1, r2] = await Promise.all([0, 1].map(() => h.call('notices', 'remind', { noticeId: notice.id, requestId: 'remind-tap-1' }, h.identities.committee)));
    expect(r1.round).toBe(1);
    expect(r2.round).toBe(1);
    expect(r1.subscribed.map((p: { name: string }) => p.name)).toEqual(['有订阅']);
    expect(r1.wecom.map((p: { name: string }) => p.name)).toContain('没订阅');
    expect(r1.wecom.map((p: { name: string }) => p.name)).not.toContain('已确认');
    expect(r1.rest).toContainEqual(expect.objectContaining({ name: '二格', phone: '13833334444', building: '6号楼' }));
    expect(h.stack.wechat.messages.filter((m) => m.templateId === 'notice-remind')).toHaveLength(1);
    expect(h.stack.wecom.deliveries).toHaveLength(1);
    const text = h.stack.wecom.deliveries[0]!.body as { msgtype: string; text: { mentioned_mobile_list: string[] } };
    expect(text.msgtype).toBe('text');
    expect(text.text.mentioned_mobile_list).toContain('13811112222');
    expect(text.text.mentioned_mobile_list).not.toContain(g2.memberId);

    // A grid leader reminding sees phones masked, as everywhere but for the committee.
    await h.call('notices', 'removeRobot', { gridId: 'cm-baiyu1-g1' }, h.identities.committee);
    const leaderNotice = await publishNotice(h, { mode: 'confirm' });
    const byLeader = await h.call('notices', 'remind', { noticeId: leaderNotice.id, requestId: 'remind-tap-leader' }, h.identities.gridLeader);
    expect(byLeader.wecom).toEqual([]);
    expect(byLeader.rest).toContainEqual(expect.objectContaining({ name: '没订阅', phone: '138****2222' }));

    // Only the writer and the committee remind.
    expect(await h.invoke('notices', { action: 'remind', payload: { noticeId: notice.id, requestId: 'remind-tap-x' } }, other.openid)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
  });
});
