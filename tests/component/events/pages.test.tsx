import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import EventDetailPage from '@/packages/events/pages/detail/index';
import EventEditPage from '@/packages/events/pages/edit/index';
import EventListPage from '@/packages/events/pages/list/index';
import MyEventsPage from '@/packages/events/pages/mine/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { DEMO_EVENT_IDS } from '../../../emulator/seed/events';
import { DEV_IDENTITY_KEY } from '../../../src/shared/local-dev';
import { addMember } from '../../integration/honours/support';
import Taro from '@tarojs/taro';
import { navigateTo, redirectTo, showToast } from '../../__mocks__/taro';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const cardOf = (id: string) => byClass('event-card').find((el) => el.getAttribute('data-event-id') === id) as HTMLElement | undefined;
const roleOf = (key: string) => byClass('event-role').find((el) => el.getAttribute('data-role-key') === key) as HTMLElement | undefined;
const clickIn = (el: Element, className: string) => {
  const target = el.getElementsByClassName(className)[0];
  if (!target) throw new Error(`no .${className}`);
  fireEvent.click(target);
};

describe('社区活动 list', () => {
  it('shows a member the upcoming events with places left and their own sign-up; no publish button', async () => {
    ctx.signIn('member');
    render(<EventListPage />);
    await screen.findByText('第一微格夜间巡逻');
    await idle();
    const patrol = cardOf(DEMO_EVENT_IDS.patrol)!;
    expect(within(patrol).getByText('还剩 3 个名额')).toBeTruthy();
    expect(within(patrol).getByText('已报名')).toBeTruthy();
    expect(within(cardOf(DEMO_EVENT_IDS.class)!).getByText('公益课堂')).toBeTruthy();
    expect(byClass('btn-new-event')).toHaveLength(0);
    // The whole card opens the event, its title too.
    fireEvent.click(within(patrol).getByText('第一微格夜间巡逻'));
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/events/pages/detail/index?id=${encodeURIComponent(DEMO_EVENT_IDS.patrol)}` });
  });

  it('offers the committee a button to publish an event', async () => {
    ctx.signIn('committee');
    render(<EventListPage />);
    await screen.findByText('第一微格夜间巡逻');
    await idle();
    expect(byClass('btn-new-event')).toHaveLength(1);
  });
});

describe('活动详情', () => {
  it('signs a resident up for a role, shows it, and cancels it', async () => {
    ctx.signIn('applicant2');
    __setRouterParams({ id: DEMO_EVENT_IDS.patrol });
    render(<EventDetailPage />);
    await screen.findByText('巡逻队员');
    await idle();
    clickIn(roleOf('patrol')!, 'btn-sign-up');
    await screen.findByText('已报名');
    await idle();
    expect(within(roleOf('patrol')!).getByText('名额 4，已报 3')).toBeTruthy();
    expect(byClass('btn-sign-up')).toHaveLength(0);
    // The patrol is tomorrow: 扫码签到 stays calm and says when check-in opens, instead of a red "do it now".
    expect(byClass('event-checkin-opens')[0]!.textContent).toMatch(/^签到 \d+月\d+日 \d\d:\d\d 开始$/);
    expect(byClass('btn-open-scan')[0]!.className).not.toContain('nut-button--primary');
    fireEvent.click(byClass('btn-cancel-signup')[0]!);
    await waitFor(() => expect(byClass('btn-sign-up').length).toBeGreaterThan(0));
    expect(within(roleOf('patrol')!).getByText('名额 4，已报 2')).toBeTruthy();
  });

  it('tells a volunteer their place on the waiting list', async () => {
    const { event } = await ctx.h.call('events', 'duplicate', { eventId: DEMO_EVENT_IDS.class, startAt: new Date(ctx.h.stack.clock.nowMs() + 9 * 24 * 3600 * 1000).toISOString(), requestId: 'req-copy-class' }, ctx.h.identities.committee);
    await ctx.h.call('events', 'update', {
      eventId: event.id,
      event: { title: event.title, description: event.description, type: event.type, place: event.place, startAt: event.startAt, endAt: event.endAt, audience: event.audience, signupOpensAt: event.signupOpensAt, signupClosesAt: event.signupClosesAt, roles: event.roles.map((r: { key: string; name: string }) => ({ key: r.key, name: r.name, places: 1 })) },
    }, ctx.h.identities.committee);
    for (const who of ['member', 'gridLeader'] as const) await ctx.h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, ctx.h.identities[who]);
    ctx.signIn('applicant1');
    __setRouterParams({ id: event.id });
    render(<EventDetailPage />);
    await screen.findByText('一对一助教');
    await idle();
    clickIn(roleOf('helper')!, 'btn-sign-up');
    await screen.findByText('你在候补第2位');
  });

  it('allows the event’s reminders with one tap, recorded as one message of each', async () => {
    ctx.signIn('member');
    __setRouterParams({ id: DEMO_EVENT_IDS.patrol });
    render(<EventDetailPage />);
    await screen.findByText('已报名');
    await idle();
    fireEvent.click(byClass('btn-remind-me')[0]!);
    await screen.findByText('好的，活动前一天会通过微信提醒你');
    const { quota } = await ctx.h.call('members', 'mySubscriptions', {}, ctx.h.identities.member);
    expect(quota).toMatchObject({ 'event-reminder': 1, 'event-promoted': 1, 'event-cancelled': 1, 'loan-due': 0 });
  });

  it('refuses what the caller may not see, in Chinese', async () => {
    const { event } = await ctx.h.call('events', 'create', {
      event: { title: '成员例会', description: '', type: '其他', place: '居委会', startAt: new Date(ctx.h.stack.clock.nowMs() + 3 * 24 * 3600 * 1000).toISOString(), endAt: new Date(ctx.h.stack.clock.nowMs() + 3.1 * 24 * 3600 * 1000).toISOString(), audience: { kind: 'members' }, signupOpensAt: new Date(ctx.h.stack.clock.nowMs() - 1000).toISOString(), signupClosesAt: new Date(ctx.h.stack.clock.nowMs() + 2 * 24 * 3600 * 1000).toISOString(), roles: [{ key: 'all', name: '参会', places: 10 }] },
      requestId: 'req-members-only',
    }, ctx.h.identities.committee);
    ctx.signIn('resident');
    __setRouterParams({ id: event.id });
    render(<EventDetailPage />);
    await screen.findByText('没有找到相关内容');
    expect(byClass('btn-sign-up')).toHaveLength(0);
  });
});

describe('organizer tools', () => {
  it('suggests members with the skill a role wants', async () => {
    ctx.signIn('committee');
    __setRouterParams({ id: DEMO_EVENT_IDS.patrol });
    render(<EventDetailPage />);
    await screen.findByText('推荐会护士的成员（带队）');
    await idle();
    fireEvent.click(byClass('btn-suggest')[0]!);
    // The only demo nurse is the grid leader, already signed up for the patrol.
    await screen.findByText('暂时没有找到合适的成员。');
    expect(byClass('event-signup')).toHaveLength(2);
  });

  it('invites a suggested member, who finds the invitation on the events list', async () => {
    const nurse = await addMember(ctx.h, 'nurse-chen', '陈护士');
    await getDb().collection(COLLECTIONS.members).doc(nurse.memberId).update({ skills: ['护士'] });
    ctx.signIn('committee');
    __setRouterParams({ id: DEMO_EVENT_IDS.patrol });
    render(<EventDetailPage />);
    await screen.findByText('推荐会护士的成员（带队）');
    await idle();
    fireEvent.click(byClass('btn-suggest')[0]!);
    await screen.findByText(/陈护士/);
    fireEvent.click(byClass('btn-invite')[0]!);
    await screen.findByText('已邀请');
    cleanup();

    window.localStorage.setItem(DEV_IDENTITY_KEY, nurse.openid);
    render(<EventListPage />);
    await screen.findByText('邀请你参加');
    expect(screen.getByText('周敏邀请你担任“带队”')).toBeTruthy();
  });
});

describe('代居民报名', () => {
  it('a grid leader signs up a resident of their grid, recorded as by proxy, and cancels for them', async () => {
    ctx.signIn('gridLeader');
    __setRouterParams({ id: DEMO_EVENT_IDS.patrol });
    render(<EventDetailPage />);
    await screen.findByText('代居民报名');
    const chipOf = (value: string) => byClass('choice-chip').find((el) => el.getAttribute('data-value') === value);
    const wang = await waitFor(() => {
      const chip = chipOf(ctx.h.memberIdOf('resident'));
      if (!chip) throw new Error('resident not listed yet');
      return chip;
    });
    fireEvent.click(wang);
    fireEvent.click(chipOf('patrol')!);
    fireEvent.click(byClass('btn-proxy-sign-up')[0]!);
    await screen.findByText('已为王秀兰报名：已报名');
    const doc = (await getDb().collection(COLLECTIONS.eventSignups).doc(`${DEMO_EVENT_IDS.patrol}:${ctx.h.memberIdOf('resident')}`).get()).data[0];
    expect(doc).toMatchObject({ status: 'confirmed', roleKey: 'patrol', byProxy: ctx.h.memberIdOf('gridLeader') });
    fireEvent.click(byClass('btn-proxy-cancel')[0]!);
    await screen.findByText('已为王秀兰取消报名');
    const after = (await getDb().collection(COLLECTIONS.eventSignups).doc(`${DEMO_EVENT_IDS.patrol}:${ctx.h.memberIdOf('resident')}`).get()).data[0];
    expect(after.status).toBe('cancelled');
  });

  it('the committee chooses a grid, then a resident, and signs them up', async () => {
    const leader = ctx.signIn('gridLeader');
    const { gridId } = await ctx.h.call('grids', 'roster', {}, leader);
    ctx.signIn('committee');
    __setRouterParams({ id: DEMO_EVENT_IDS.patrol });
    render(<EventDetailPage />);
    await screen.findByText('代居民报名');
    const chipOf = (group: string, value: string) =>
      Array.from(document.querySelectorAll(`.choice-chips--${group} .choice-chip`)).find((el) => el.getAttribute('data-value') === value);
    const grid = await waitFor(() => {
      const chip = chipOf('proxy-grid', gridId);
      if (!chip) throw new Error('grids not loaded yet');
      return chip;
    });
    // Nothing is asked of the roster before a grid is chosen, so no error shows.
    expect(byClass('event-proxy')[0]!.querySelector('.inline-error')).toBeNull();
    expect(byClass('btn-proxy-sign-up')[0]!.className).toContain('disabled');
    fireEvent.click(grid);
    const wang = await waitFor(() => {
      const chip = chipOf('proxy-resident', ctx.h.memberIdOf('resident'));
      if (!chip) throw new Error('resident not listed yet');
      return chip;
    });
    fireEvent.click(wang);
    expect(byClass('btn-proxy-sign-up')[0]!.className).not.toContain('disabled');
    fireEvent.click(chipOf('proxy-role', 'patrol')!);
    fireEvent.click(byClass('btn-proxy-sign-up')[0]!);
    await screen.findByText('已为王秀兰报名：已报名');
    const doc = (await getDb().collection(COLLECTIONS.eventSignups).doc(`${DEMO_EVENT_IDS.patrol}:${ctx.h.memberIdOf('resident')}`).get()).data[0];
    expect(doc).toMatchObject({ status: 'confirmed', byProxy: ctx.h.memberIdOf('committee') });
  });

  it('is not offered to a resident', async () => {
    ctx.signIn('member');
    __setRouterParams({ id: DEMO_EVENT_IDS.class });
    render(<EventDetailPage />);
    await screen.findByText('一对一助教');
    await idle();
    expect(byClass('event-proxy')).toHaveLength(0);
  });
});

describe('发布活动', () => {
  it('the committee publishes an event from the form', async () => {
    ctx.signIn('committee');
    __setRouterParams({});
    render(<EventEditPage />);
    typeInto('event-title', '周末读书会');
    typeInto('event-place', '居委会活动室');
    fireEvent.click(byClass('btn-save-event')[0]!);
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const saved = (await getDb().collection(COLLECTIONS.events).where({ title: '周末读书会' }).get()).data[0];
    expect(saved).toMatchObject({ communityId: 'cm-baiyu1', place: '居委会活动室', type: '公益课堂', roles: [{ name: '志愿者', places: 10, taken: 0 }] });
  });

  it('publishes an event for one sub-council’s members', async () => {
    ctx.signIn('committee');
    __setRouterParams({});
    render(<EventEditPage />);
    typeInto('event-title', '家庭分会亲子手工');
    typeInto('event-place', '睦邻点');
    const chip = (group: string, value: string) =>
      Array.from(document.querySelectorAll(`.choice-chips--${group} .choice-chip`)).find((el) => el.getAttribute('data-value') === value);
    fireEvent.click(chip('event-audience', 'council')!);
    const family = await waitFor(() => {
      const found = chip('event-audience-council', 'cm-baiyu1-family');
      if (!found) throw new Error('councils not loaded yet');
      return found;
    });
    fireEvent.click(family);
    fireEvent.click(byClass('btn-save-event')[0]!);
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const saved = (await getDb().collection(COLLECTIONS.events).where({ title: '家庭分会亲子手工' }).get()).data[0];
    expect(saved).toMatchObject({ audience: { kind: 'council', councilId: 'cm-baiyu1-family' } });
  });

  it('shows field errors in Chinese and publishes nothing', async () => {
    ctx.signIn('committee');
    __setRouterParams({});
    render(<EventEditPage />);
    typeInto('event-place', '居委会活动室');
    fireEvent.click(byClass('btn-save-event')[0]!);
    await screen.findByText('请填写活动名称');
  });

  it('an end picked before the start: the message under 结束时间, the page scrolled there, a toast, nothing sent', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    ctx.signIn('committee');
    __setRouterParams({});
    render(<EventEditPage />);
    typeInto('event-title', '时间写反的活动');
    typeInto('event-place', '居委会活动室');
    // The platform's time picker answers a change with the picked "HH:mm".
    const endTime = document.getElementById('event-end-time')!;
    fireEvent(endTime, new CustomEvent('change', { detail: { value: '07:00' } }));
    expect(byClass('form-field--endAt')[0]!.textContent).toContain('07:00');
    fireEvent.click(byClass('btn-save-event')[0]!);
    await waitFor(() => expect(byClass('field-error--endAt')[0]?.textContent).toBe('结束时间要晚于开始时间'));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--endAt' }));
    // The sign-up deadline (08:00) is now after the end as well: both are said, the toast counts them.
    expect(byClass('field-error--signupClosesAt')[0]?.textContent).toBe('报名截止不能晚于活动结束');
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '结束时间要晚于开始时间（共2处要改）', icon: 'none' }));
    expect(redirectTo).not.toHaveBeenCalled();
    expect((await getDb().collection(COLLECTIONS.events).where({ title: '时间写反的活动' }).get()).data).toHaveLength(0);
    scroll.mockRestore();
  });
});

describe('我的报名', () => {
  it('lists the caller’s sign-ups', async () => {
    ctx.signIn('resident');
    render(<MyEventsPage />);
    await screen.findByText('智能手机公益课堂：学用健康码和挂号');
    await idle();
    expect(byClass('event-card')).toHaveLength(1);
  });
});
