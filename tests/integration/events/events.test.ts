import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { EventInput } from '../../../src/shared/actions/events';
import type { EventView } from '../../../src/shared/domain/event';
import { DEMO_EVENT_IDS } from '../../../emulator/seed/events';
import { startHarness, type Harness } from '../../support/harness';
import { addMember } from '../honours/support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const DAY = 24 * 3600 * 1000;
let serial = 0;

function draft(places = 2, extra: Partial<EventInput> = {}): EventInput {
  const now = h.stack.clock.nowMs();
  return {
    title: '楼道绿化养护',
    description: '一起给楼道的花草浇水修剪',
    type: '绿化养护',
    place: '3号楼门口',
    startAt: new Date(now + 3 * DAY).toISOString(),
    endAt: new Date(now + 3 * DAY + 2 * 3600 * 1000).toISOString(),
    audience: { kind: 'community' },
    signupOpensAt: new Date(now - DAY).toISOString(),
    signupClosesAt: new Date(now + 2 * DAY).toISOString(),
    roles: [{ key: 'helper', name: '志愿者', places, skills: [] }],
    ...extra,
  };
}

async function createEvent(places = 2, extra: Partial<EventInput> = {}): Promise<EventView> {
  serial += 1;
  return (await h.call('events', 'create', { event: draft(places, extra), requestId: `req-event-${serial}` }, h.identities.committee)).event;
}

async function signupDocs(eventId: string): Promise<Record<string, any>[]> {
  const res = await getDb().collection(COLLECTIONS.eventSignups).where({ eventId }).limit(1000).get();
  return res.data as Record<string, any>[];
}

async function eventDoc(eventId: string): Promise<Record<string, any>> {
  return (await getDb().collection(COLLECTIONS.events).doc(eventId).get()).data[0];
}

async function volunteers(n: number): Promise<{ openid: string; memberId: string }[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => addMember(h, `volunteer-${i}`, `志愿者${i}`)));
}

describe('organizers', () => {
  it('the committee creates an event, once per request id, with the data contract check-in relies on', async () => {
    const payload = { event: draft(3), requestId: 'req-create-1' };
    const [a, b] = await Promise.all([0, 1].map(() => h.call('events', 'create', payload, h.identities.committee)));
    expect(a.event.id).toBe(b.event.id);
    const doc = await eventDoc(a.event.id);
    expect(doc).toMatchObject({
      communityId: 'cm-baiyu1',
      status: 'published',
      roles: [{ key: 'helper', name: '志愿者', places: 3, skills: [], taken: 0 }],
      allowWalkIns: false,
      checkinOpensMinutesBefore: 30,
      checkinGraceMinutesAfter: 30,
      organizerId: h.memberIdOf('committee'),
      scannerIds: [],
      audience: { kind: 'community' },
    });
    expect(doc.startAt).toBeInstanceOf(Date);
    expect(a.event).toMatchObject({ canManage: true, organizerName: '周敏' });
  });

  it('refuses residents, members, grid leaders and the street as organizers', async () => {
    for (const who of ['resident', 'member', 'gridLeader', 'streetAdmin', 'newcomer'] as const) {
      const res = await h.invoke('events', { action: 'create', payload: { event: draft(), requestId: `req-no-${who}` } }, h.identities[who]);
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    }
    expect((await getDb().collection(COLLECTIONS.events).count()).total).toBe(Object.keys(DEMO_EVENT_IDS).length);
  });

  it('answers bad input with field messages and writes nothing', async () => {
    const bad = { ...draft(), title: '', endAt: draft().startAt, roles: [] };
    const res = await h.invoke('events', { action: 'create', payload: { event: bad, requestId: 'req-bad-1' } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    const fields = (res as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields['event.title']).toBe('请填写活动名称');
    expect(fields['event.roles']).toBe('请至少设置一个岗位');
    const base = draft();
    const dates = await h.invoke('events', { action: 'create', payload: { event: { ...base, endAt: base.startAt }, requestId: 'req-bad-2' } }, h.identities.committee);
    expect(dates).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'event.endAt': '结束时间要晚于开始时间' } } });
    expect((await getDb().collection(COLLECTIONS.events).count()).total).toBe(Object.keys(DEMO_EVENT_IDS).length);
  });

  it('refuses text the content check rejects', async () => {
    const res = await h.invoke('events', { action: 'create', payload: { event: draft(2, { title: '违规测试词' }), requestId: 'req-bad-3' } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
  });

  it('edits an event without ever dropping places below those taken, and more places move the waiting list up', async () => {
    const event = await createEvent(1);
    const [a, b] = await volunteers(2);
    await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, a!.openid);
    const waiting = await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, b!.openid);
    expect(waiting.signup).toMatchObject({ status: 'waiting', waitingPosition: 1 });

    const removed = await h.invoke('events', { action: 'update', payload: { eventId: event.id, event: { ...draft(1), roles: [{ key: 'other', name: '摄影', places: 1 }] } } }, h.identities.committee);
    expect(removed).toMatchObject({ ok: false, error: { code: 'EVENTS.ROLE_REMOVED' } });

    const updated = await h.call('events', 'update', { eventId: event.id, event: { ...draft(2), title: '绿化养护（改期）' } }, h.identities.committee);
    expect(updated.event.title).toBe('绿化养护（改期）');
    expect((await eventDoc(event.id)).roles[0]).toMatchObject({ places: 2, taken: 2 });
    const mine = await h.call('events', 'get', { eventId: event.id }, b!.openid);
    expect(mine.event.mine).toMatchObject({ status: 'confirmed' });

    const below = await h.invoke('events', { action: 'update', payload: { eventId: event.id, event: draft(1) } }, h.identities.committee);
    expect(below).toMatchObject({ ok: false, error: { code: 'EVENTS.PLACES_BELOW_TAKEN' } });
    expect((await eventDoc(event.id)).roles[0]).toMatchObject({ places: 2, taken: 2 });
  });

  it('cancels an event and tells everyone signed up or waiting, once', async () => {
    const event = await createEvent(1);
    const people = await volunteers(2);
    for (const p of people) await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, p.openid);
    // Only the first allowed a message (one tap, one message); the second is not sent one.
    await h.call('members', 'grantSubscriptions', { requestId: 'tap-cancelled-1', templates: ['event-cancelled'] }, people[0]!.openid);
    h.stack.wechat.messages.length = 0;
    const [first, retry] = await Promise.all([0, 1].map(() => h.call('events', 'cancel', { eventId: event.id, reason: '台风预警' }, h.identities.committee)));
    expect(first.notified + retry.notified).toBe(1);
    expect(h.stack.wechat.messages).toMatchObject([{ openid: people[0]!.openid, templateId: 'event-cancelled' }]);
    expect((await h.call('members', 'mySubscriptions', {}, people[0]!.openid)).quota['event-cancelled']).toBe(0);
    const late = await h.invoke('events', { action: 'signUp', payload: { eventId: event.id, roleKey: 'helper' } }, h.identities.resident);
    expect(late).toMatchObject({ ok: false, error: { code: 'EVENTS.CANCELLED' } });
  });

  it('duplicates an event with its roles and no sign-ups, moved to the new start', async () => {
    const event = await createEvent(2);
    await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, h.identities.resident);
    const startAt = new Date(Date.parse(event.startAt) + 7 * DAY).toISOString();
    const copy = (await h.call('events', 'duplicate', { eventId: event.id, startAt, requestId: 'req-copy-1' }, h.identities.committee)).event;
    expect(copy.id).not.toBe(event.id);
    expect(copy.startAt).toBe(startAt);
    expect(copy.roles).toEqual([{ key: 'helper', name: '志愿者', places: 2, skills: [], taken: 0, waiting: 0 }]);
    expect(await signupDocs(copy.id)).toEqual([]);
  });
});

describe('browsing', () => {
  it('shows residents the events of their audience only, and nothing of another 居民区', async () => {
    const open = await createEvent(2);
    const membersOnly = await createEvent(2, { title: '梯队成员例会', audience: { kind: 'members' } });
    const council = await createEvent(2, { title: '便民服务分会活动', audience: { kind: 'council', councilId: 'cm-baiyu1-service' } });
    const demo: string[] = Object.values(DEMO_EVENT_IDS);
    const ids = async (who: string) =>
      (await h.call('events', 'list', {}, who)).items.map((e: { id: string }) => e.id).filter((id: string) => !demo.includes(id)).sort();
    expect(await ids(h.identities.resident)).toEqual([open.id]);
    expect(await ids(h.identities.member)).toEqual([open.id, membersOnly.id, council.id].sort());
    expect(await ids(h.identities.applicant1)).toEqual([open.id]);
    expect(await ids(h.identities.committee)).toEqual([open.id, membersOnly.id, council.id].sort());
    expect(await ids(h.identities.otherCommittee)).toEqual([]);
    const theirs = await h.call('events', 'create', { event: draft(), requestId: 'req-changfeng-1' }, h.identities.otherCommittee);
    expect(await ids(h.identities.otherCommittee)).toEqual([theirs.event.id]);
    expect(await ids(h.identities.resident)).toEqual([open.id]);
    const foreign = await h.invoke('events', { action: 'signUp', payload: { eventId: theirs.event.id, roleKey: 'helper' } }, h.identities.resident);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const foreignEdit = await h.invoke('events', { action: 'cancel', payload: { eventId: open.id, reason: '试试' } }, h.identities.otherCommittee);
    expect(foreignEdit).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });

    const hidden = await h.invoke('events', { action: 'get', payload: { eventId: membersOnly.id } }, h.identities.resident);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const other = await h.invoke('events', { action: 'get', payload: { eventId: open.id } }, h.identities.otherCommittee);
    expect(other).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const refused = await h.invoke('events', { action: 'signUp', payload: { eventId: membersOnly.id, roleKey: 'helper' } }, h.identities.resident);
    expect(refused).toMatchObject({ ok: false, error: { code: 'EVENTS.NOT_IN_AUDIENCE' } });
    const newcomer = await h.invoke('events', { action: 'list', payload: {} }, h.identities.newcomer);
    expect(newcomer).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });
});

describe('the demo data', () => {
  it('seeds a patrol tomorrow and a class next week in 白玉, with places taken matching their sign-ups', async () => {
    const { items } = await h.call('events', 'list', {}, h.identities.member);
    expect(items.map((e: { id: string }) => e.id)).toEqual([DEMO_EVENT_IDS.patrol, DEMO_EVENT_IDS.class]);
    expect(items[0]).toMatchObject({ type: '网格巡逻', mine: { status: 'confirmed', roleKey: 'patrol' } });
    for (const id of Object.values(DEMO_EVENT_IDS)) {
      const event = await eventDoc(id);
      const docs = await signupDocs(id);
      for (const role of event.roles) expect(docs.filter((d) => d.roleKey === role.key && d.status === 'confirmed')).toHaveLength(role.taken);
      expect(event.signupSeq).toBe(docs.length);
    }
  });
});

describe('skills matched', () => {
  it('suggests approved members with a wanted skill who show it to the organizer, not signed up yet, free ones first', async () => {
    const event = await createEvent(3, { roles: [{ key: 'fix', name: '维修', places: 3, skills: ['钟表修理'] }] });
    const members = getDb().collection(COLLECTIONS.members);
    await members.doc(h.memberIdOf('member')).update({ skills: ['水电维修', '钟表修理'], availability: ['随时可约'] });
    const hidden = await addMember(h, 'hidden-fixer', '不公开师傅');
    await members.doc(hidden.memberId).update({ skills: ['钟表修理'], visibility: { skills: 'hidden', interests: 'leaders', availability: 'leaders', phone: 'committee' } });
    const quiet = await addMember(h, 'quiet-fixer', '周师傅');
    await members.doc(quiet.memberId).update({ skills: ['钟表修理', '木工'] });
    const signed = await addMember(h, 'signed-fixer', '钱师傅');
    await members.doc(signed.memberId).update({ skills: ['钟表修理'] });
    await h.call('events', 'signUp', { eventId: event.id, roleKey: 'fix' }, signed.openid);

    const { items } = await h.call('events', 'suggest', { eventId: event.id, roleKey: 'fix' }, h.identities.committee);
    expect(items).toEqual([
      { memberId: h.memberIdOf('member'), name: '李建国', building: '5号楼', skills: ['钟表修理'], freeThen: true, invited: false },
      { memberId: quiet.memberId, name: '周师傅', building: '6号楼', skills: ['钟表修理'], freeThen: null, invited: false },
    ]);
    for (const who of ['resident', 'member', 'gridLeader'] as const) {
      const res = await h.invoke('events', { action: 'suggest', payload: { eventId: event.id, roleKey: 'fix' } }, h.identities[who]);
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    }
    const foreign = await h.invoke('events', { action: 'suggest', payload: { eventId: event.id, roleKey: 'fix' } }, h.identities.otherCommittee);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
  });

  it('the organizer invites a suggested member once; they see it until they sign up', async () => {
    const event = await createEvent(3, { roles: [{ key: 'fix', name: '维修', places: 3, skills: ['钟表修理'] }] });
    const fixer = await addMember(h, 'invited-fixer', '吴师傅');
    await getDb().collection(COLLECTIONS.members).doc(fixer.memberId).update({ skills: ['钟表修理'] });
    const payload = { eventId: event.id, roleKey: 'fix', memberIds: [fixer.memberId] };
    const [first, retry] = await Promise.all([0, 1].map(() => h.call('events', 'invite', payload, h.identities.committee)));
    expect(first.invited + retry.invited).toBe(1);
    const suggested = (await h.call('events', 'suggest', { eventId: event.id, roleKey: 'fix' }, h.identities.committee)).items;
    expect(suggested.find((s: { memberId: string }) => s.memberId === fixer.memberId)).toMatchObject({ invited: true });

    const { items } = await h.call('events', 'invitations', {}, fixer.openid);
    expect(items).toEqual([expect.objectContaining({ roleKey: 'fix', roleName: '维修', invitedBy: '周敏', event: expect.objectContaining({ id: event.id }) })]);
    expect((await h.call('events', 'invitations', {}, h.identities.member)).items).toEqual([]);
    await h.call('events', 'signUp', { eventId: event.id, roleKey: 'fix' }, fixer.openid);
    expect((await h.call('events', 'invitations', {}, fixer.openid)).items).toEqual([]);
  });

  it('refuses invitations by non-organizers, to people of another 居民区 or a missing role, and writes nothing', async () => {
    const event = await createEvent(3, { roles: [{ key: 'fix', name: '维修', places: 3, skills: ['钟表修理'] }] });
    const stranger = await addMember(h, 'far-fixer', '远方师傅', 'cm-changfeng1');
    const cases: [string, Record<string, unknown>, string][] = [
      [h.identities.member, { roleKey: 'fix', memberIds: [h.memberIdOf('resident')] }, 'COMMON.FORBIDDEN'],
      [h.identities.otherCommittee, { roleKey: 'fix', memberIds: [stranger.memberId] }, 'COMMON.NOT_FOUND'],
      [h.identities.committee, { roleKey: 'fix', memberIds: [h.memberIdOf('resident'), stranger.memberId] }, 'COMMON.NOT_FOUND'],
      [h.identities.committee, { roleKey: 'fix', memberIds: ['no-such-member'] }, 'COMMON.NOT_FOUND'],
      [h.identities.committee, { roleKey: 'cook', memberIds: [h.memberIdOf('resident')] }, 'EVENTS.ROLE_NOT_FOUND'],
      [h.identities.committee, { roleKey: 'fix', memberIds: [] }, 'COMMON.INVALID_INPUT'],
    ];
    for (const [caller, payload, code] of cases) {
      const res = await h.invoke('events', { action: 'invite', payload: { eventId: event.id, ...payload } }, caller);
      expect([code, res]).toEqual([code, expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) })]);
    }
    expect((await getDb().collection(COLLECTIONS.eventInvites).where({ eventId: event.id }).count()).total).toBe(0);
  });
});

describe('a cover image', () => {
  it('is kept with the event as an uploaded fileID, shown once its image check passes, and anything else is refused with a field message', async () => {
    const event = await createEvent(2, { cover: 'cloud://local/cover-1.png' });
    // Until the image check's verdict, the organizer sees it pending and residents see no cover.
    expect(event).toMatchObject({ cover: '', pendingImages: ['cloud://local/cover-1.png'] });
    expect((await h.call('events', 'list', {}, h.identities.member)).items.find((e: { id: string }) => e.id === event.id)).toMatchObject({ cover: '' });
    await h.stack.wechat.flushMediaChecks();
    expect((await h.call('events', 'list', {}, h.identities.member)).items.find((e: { id: string }) => e.id === event.id)).toMatchObject({ cover: 'cloud://local/cover-1.png' });
    const bad = await h.invoke('events', { action: 'create', payload: { event: draft(2, { cover: 'javascript:alert(1)' }), requestId: 'req-cover-bad' } }, h.identities.committee);
    expect(bad).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'event.cover': '照片地址要以 https:// 或 cloud:// 开头' } } });
    expect((await createEvent(1)).cover).toBe('');
  });
});

describe('a sub-council audience', () => {
  it('must be an active council of the event’s own 居民区', async () => {
    for (const councilId of ['cm-changfeng1-family', 'no-such-council']) {
      const res = await h.invoke('events', { action: 'create', payload: { event: draft(2, { audience: { kind: 'council', councilId } }), requestId: `req-aud-${councilId}` } }, h.identities.committee);
      expect(res).toMatchObject({ ok: false, error: { code: 'EVENTS.COUNCIL_NOT_FOUND' } });
    }
    const ok = await createEvent(2, { audience: { kind: 'council', councilId: 'cm-baiyu1-family' } });
    expect(ok.audience).toEqual({ kind: 'council', councilId: 'cm-baiyu1-family' });
    const moved = await h.invoke('events', { action: 'update', payload: { eventId: ok.id, event: draft(2, { audience: { kind: 'council', councilId: 'cm-changfeng1-family' } }) } }, h.identities.committee);
    expect(moved).toMatchObject({ ok: false, error: { code: 'EVENTS.COUNCIL_NOT_FOUND' } });
    expect((await eventDoc(ok.id)).audience).toEqual({ kind: 'council', councilId: 'cm-baiyu1-family' });
  });
});

describe('council chairs', () => {
  it('organize events of the council they chair now, and only those', async () => {
    // The rotation of the service council names the grid leader first, from today.
    const councils = getDb().collection(COLLECTIONS.councils);
    const today = new Date(h.stack.clock.nowMs()).toISOString().slice(0, 10);
    await councils.doc('cm-baiyu1-service').update({ rotation: { id: 'rot-1', order: [h.memberIdOf('gridLeader')], termDays: 30, startDate: today, version: 1 } });
    const mine = await h.call('events', 'create', { event: draft(2, { councilId: 'cm-baiyu1-service' }), requestId: 'req-chair-1' }, h.identities.gridLeader);
    expect(mine.event).toMatchObject({ councilId: 'cm-baiyu1-service', canManage: true });
    const cancelled = await h.call('events', 'cancel', { eventId: mine.event.id, reason: '下雨' }, h.identities.gridLeader);
    expect(cancelled.event.status).toBe('cancelled');
    const other = await h.invoke('events', { action: 'create', payload: { event: draft(2, { councilId: 'cm-baiyu1-family' }), requestId: 'req-chair-2' } }, h.identities.gridLeader);
    expect(other).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    const member = await h.invoke('events', { action: 'create', payload: { event: draft(2, { councilId: 'cm-baiyu1-service' }), requestId: 'req-chair-3' } }, h.identities.member);
    expect(member).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    const signups = await h.invoke('events', { action: 'signups', payload: { eventId: mine.event.id } }, h.identities.member);
    expect(signups).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });
});

describe('signing up', () => {
  it('gives places, then the waiting list with its position; a retry changes nothing', async () => {
    const event = await createEvent(2);
    const [a, b, c] = await volunteers(3);
    expect((await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, a!.openid)).signup).toMatchObject({ status: 'confirmed' });
    expect((await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, b!.openid)).signup).toMatchObject({ status: 'confirmed' });
    const waiting = await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, c!.openid);
    expect(waiting.signup).toEqual({ roleKey: 'helper', status: 'waiting', waitingPosition: 1, byProxy: false });
    const again = await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, c!.openid);
    expect(again.signup).toEqual(waiting.signup);
    expect((await eventDoc(event.id)).roles[0].taken).toBe(2);
    expect(await signupDocs(event.id)).toHaveLength(3);
    const mine = await h.call('events', 'mine', {}, c!.openid);
    expect(mine.items.map((e: { id: string }) => e.id)).toEqual([event.id]);
  });

  it('cancelling a place gives it to the first waiting person, who is told', async () => {
    const event = await createEvent(1);
    const [a, b, c] = await volunteers(3);
    for (const p of [a!, b!, c!]) await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, p.openid);
    await h.call('members', 'grantSubscriptions', { requestId: 'tap-promoted-b', templates: ['event-promoted'] }, b!.openid);
    h.stack.wechat.messages.length = 0;
    await h.call('events', 'cancelSignup', { eventId: event.id }, a!.openid);
    expect((await h.call('events', 'get', { eventId: event.id }, b!.openid)).event.mine).toMatchObject({ status: 'confirmed' });
    expect((await h.call('events', 'get', { eventId: event.id }, c!.openid)).event.mine).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect(h.stack.wechat.messages).toMatchObject([{ openid: b!.openid, templateId: 'event-promoted' }]);
    expect((await eventDoc(event.id)).roles[0].taken).toBe(1);
    // A retried cancellation promotes nobody else.
    await h.call('events', 'cancelSignup', { eventId: event.id }, a!.openid);
    expect((await h.call('events', 'get', { eventId: event.id }, c!.openid)).event.mine).toMatchObject({ status: 'waiting' });
  });

  it('refuses before the window opens and after it closes, and cancellations after the deadline', async () => {
    const now = h.stack.clock.nowMs();
    const later = await createEvent(2, { signupOpensAt: new Date(now + DAY).toISOString() });
    expect(await h.invoke('events', { action: 'signUp', payload: { eventId: later.id, roleKey: 'helper' } }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'EVENTS.NOT_OPEN' } });
    const event = await createEvent(2);
    await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, h.identities.resident);
    expect(await h.invoke('events', { action: 'signUp', payload: { eventId: event.id, roleKey: 'nope' } }, h.identities.member)).toMatchObject({ ok: false, error: { code: 'EVENTS.ROLE_NOT_FOUND' } });
    h.stack.clock.offsetMs += 2.5 * DAY;
    expect(await h.invoke('events', { action: 'signUp', payload: { eventId: event.id, roleKey: 'helper' } }, h.identities.member)).toMatchObject({ ok: false, error: { code: 'EVENTS.CLOSED' } });
    expect(await h.invoke('events', { action: 'cancelSignup', payload: { eventId: event.id } }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'EVENTS.CLOSED' } });
  });

  it('a grid leader signs up a resident of their grid, recorded; not someone outside it', async () => {
    const event = await createEvent(2);
    const res = await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper', forMemberId: h.memberIdOf('resident') }, h.identities.gridLeader);
    expect(res.signup).toMatchObject({ status: 'confirmed', byProxy: true });
    const doc = (await signupDocs(event.id))[0]!;
    expect(doc).toMatchObject({ _id: `${event.id}:${h.memberIdOf('resident')}`, memberId: h.memberIdOf('resident'), byProxy: h.memberIdOf('gridLeader') });
    const log = await getDb().collection(COLLECTIONS.proxyLog).where({ subjectId: h.memberIdOf('resident') }).get();
    expect(log.data).toHaveLength(1);
    const outside = await h.invoke('events', { action: 'signUp', payload: { eventId: event.id, roleKey: 'helper', forMemberId: h.memberIdOf('member') } }, h.identities.gridLeader);
    expect(outside).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    const byResident = await h.invoke('events', { action: 'signUp', payload: { eventId: event.id, roleKey: 'helper', forMemberId: h.memberIdOf('member') } }, h.identities.resident);
    expect(byResident).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    const otherCommunity = await h.invoke('events', { action: 'signUp', payload: { eventId: event.id, roleKey: 'helper', forMemberId: h.memberIdOf('applicant3') } }, h.identities.gridLeader);
    expect(otherCommunity).toMatchObject({ ok: false, error: { code: 'EVENTS.PERSON_NOT_FOUND' } });
  });
});

describe('races', () => {
  it('100 concurrent sign-ups for 30 places: exactly 30 confirmed, 70 waiting in arrival order', async () => {
    const event = await createEvent(30);
    const people = await volunteers(100);
    await Promise.all(people.map((p) => h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, p.openid)));
    const docs = await signupDocs(event.id);
    const confirmed = docs.filter((d) => d.status === 'confirmed');
    const waiting = docs.filter((d) => d.status === 'waiting').sort((x, y) => x.seq - y.seq);
    expect(confirmed).toHaveLength(30);
    expect(waiting).toHaveLength(70);
    expect(new Set(docs.map((d) => d.seq)).size).toBe(100);
    expect((await eventDoc(event.id)).roles[0].taken).toBe(30);
    // Positions follow arrival order.
    const third = waiting[2]!;
    const view = await h.call('events', 'get', { eventId: event.id }, people.find((p) => p.memberId === third.memberId)!.openid);
    expect(view.event.mine.waitingPosition).toBe(3);

    // 20 concurrent cancellations: exactly 20 promotions, the first 20 waiting.
    await Promise.all(confirmed.slice(0, 20).map((d) => h.call('events', 'cancelSignup', { eventId: event.id }, people.find((p) => p.memberId === d.memberId)!.openid)));
    const after = await signupDocs(event.id);
    const promoted = new Set(waiting.slice(0, 20).map((d) => d._id));
    expect(after.filter((d) => d.status === 'confirmed')).toHaveLength(30);
    expect(after.filter((d) => d.status === 'confirmed' && promoted.has(d._id))).toHaveLength(20);
    expect(after.filter((d) => d.status === 'waiting')).toHaveLength(50);
    expect(after.filter((d) => d.status === 'cancelled')).toHaveLength(20);
    expect((await eventDoc(event.id)).roles[0].taken).toBe(30);
  }, 60_000);

  it('cancellations racing new sign-ups and each other never over-fill nor leave a place free while someone waits', async () => {
    const event = await createEvent(10);
    const people = await volunteers(40);
    await Promise.all(people.slice(0, 25).map((p) => h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, p.openid)));
    const confirmed = (await signupDocs(event.id)).filter((d) => d.status === 'confirmed');
    const leaving = confirmed.slice(0, 8).map((d) => people.find((p) => p.memberId === d.memberId)!);
    await Promise.all([
      ...leaving.map((p) => h.call('events', 'cancelSignup', { eventId: event.id }, p.openid)),
      ...people.slice(25).map((p) => h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, p.openid)),
    ]);
    const docs = await signupDocs(event.id);
    const taken = (await eventDoc(event.id)).roles[0].taken;
    expect(docs.filter((d) => d.status === 'confirmed')).toHaveLength(10);
    expect(taken).toBe(10);
    expect(docs.filter((d) => d.status === 'cancelled')).toHaveLength(8);
    expect(docs.filter((d) => d.status === 'waiting')).toHaveLength(40 - 8 - 10);
  }, 60_000);

  it('a doubled tap signs up once and takes one place', async () => {
    const event = await createEvent(5);
    await Promise.all([0, 1, 2].map(() => h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, h.identities.resident)));
    expect(await signupDocs(event.id)).toHaveLength(1);
    expect((await eventDoc(event.id)).roles[0].taken).toBe(1);
  });
});
