import dayjs from 'dayjs';
import { TEMPLATES_ENV } from '../../../cloudfunctions/_core/templates';
import { functionEnvironment, loadEnvironmentConfig } from '../../../scripts/deploy/templates';
import { startHarness, type Harness } from '../../support/harness';
import { addMember } from '../honours/support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

/** Moves the shared clock to a Shanghai wall time, e.g. '2026-12-01 20:00'. */
function setShanghai(wall: string): void {
  h.stack.clock.offsetMs = dayjs(`${wall}+08:00`).valueOf() - Date.now();
}

async function createEvent(startWall: string, places: number, requestId: string): Promise<string> {
  const start = dayjs(`${startWall}+08:00`);
  const now = dayjs(h.stack.clock.nowMs());
  const event = {
    title: '楼道绿化养护',
    description: '',
    type: '绿化养护',
    place: '3号楼门口',
    startAt: start.toISOString(),
    endAt: start.add(2, 'hour').toISOString(),
    audience: { kind: 'community' },
    signupOpensAt: now.subtract(1, 'hour').toISOString(),
    signupClosesAt: start.subtract(1, 'hour').toISOString(),
    roles: [{ key: 'helper', name: '志愿者', places, skills: [] }],
  };
  return (await h.call('events', 'create', { event, requestId }, h.identities.committee)).event.id;
}

const remindersSent = () => h.stack.wechat.messages.filter((m) => m.templateId === 'event-reminder');

describe('day-before reminders (events@event-reminders timer)', () => {
  it('reminds the confirmed who allowed one, once each; the waiting and those without quota get nothing', async () => {
    setShanghai('2026-12-01 08:00');
    const tomorrow = await createEvent('2026-12-02 09:30', 2, 'req-remind-1');
    const later = await createEvent('2026-12-03 09:30', 5, 'req-remind-2');
    const [a, b, c] = await Promise.all(['ra', 'rb', 'rc'].map((k, i) => addMember(h, `remind-${k}`, `提醒${i}`)));
    for (const p of [a!, b!, c!]) await h.call('events', 'signUp', { eventId: tomorrow, roleKey: 'helper' }, p.openid);
    await h.call('events', 'signUp', { eventId: later, roleKey: 'helper' }, a!.openid);
    // a and c (waiting) allowed a reminder; b did not.
    for (const p of [a!, c!]) await h.call('members', 'grantSubscriptions', { requestId: `tap-${p.openid}`, templates: ['event-reminder'] }, p.openid);

    // Nobody is woken at night: before 9:00 nothing goes out.
    expect(await h.timer('events', 'event-reminders')).toEqual({ events: 0, sent: 0 });
    setShanghai('2026-12-01 18:00');
    expect(await h.timer('events', 'event-reminders')).toEqual({ events: 1, sent: 1 });
    // As WeChat receives it: the keywords of deploy/environments/local.json.
    expect(remindersSent()).toEqual([
      expect.objectContaining({
        openid: a!.openid,
        data: {
          thing1: { value: '楼道绿化养护' },
          time2: { value: '2026-12-02 09:30' },
          thing3: { value: '3号楼门口' },
          thing4: { value: '明天09:30开始，请准时到场' },
        },
      }),
    ]);
    // The next run (and a doubled one) sends nothing twice.
    const again = await Promise.all([0, 1].map(() => h.timer('events', 'event-reminders')));
    expect(again.map((r) => r.sent)).toEqual([0, 0]);
    // b allows one later in the day: the next hourly run reminds them too.
    await h.call('members', 'grantSubscriptions', { requestId: 'tap-late-b', templates: ['event-reminder'] }, b!.openid);
    expect(await h.timer('events', 'event-reminders')).toEqual({ events: 1, sent: 1 });
    expect(remindersSent().map((m) => m.openid).sort()).toEqual([a!.openid, b!.openid].sort());
    expect((await h.call('members', 'mySubscriptions', {}, c!.openid)).quota['event-reminder']).toBe(1);
  });

  it('sends with the template id and keywords of the environment the deploy configured', async () => {
    const env = functionEnvironment(loadEnvironmentConfig('example'));
    const example = JSON.parse(env[TEMPLATES_ENV]!) as Record<string, { id: string; fields: Record<string, string> }>;
    const { id, fields } = example['event-reminder']!;
    Object.assign(process.env, env);
    try {
      setShanghai('2026-12-01 08:00');
      const eventId = await createEvent('2026-12-02 14:00', 3, 'req-remind-env');
      const a = await addMember(h, 'remind-env', '提醒戊');
      await h.call('events', 'signUp', { eventId, roleKey: 'helper' }, a.openid);
      await h.call('members', 'grantSubscriptions', { requestId: 'tap-env-1', templates: ['event-reminder'] }, a.openid);
      setShanghai('2026-12-01 10:00');
      expect(await h.timer('events', 'event-reminders')).toEqual({ events: 1, sent: 1 });
    } finally {
      delete process.env[TEMPLATES_ENV];
    }
    expect(h.stack.wechat.messages).toEqual([
      expect.objectContaining({
        templateId: id,
        data: {
          [fields.title!]: { value: '楼道绿化养护' },
          [fields.time!]: { value: '2026-12-02 14:00' },
          [fields.place!]: { value: '3号楼门口' },
          [fields.note!]: { value: '明天14:00开始，请准时到场' },
        },
      }),
    ]);
  });

  it('says nothing about a cancelled event', async () => {
    setShanghai('2026-12-01 08:00');
    const eventId = await createEvent('2026-12-02 10:00', 3, 'req-remind-3');
    const a = await addMember(h, 'remind-rd', '提醒丁');
    await h.call('events', 'signUp', { eventId, roleKey: 'helper' }, a.openid);
    await h.call('members', 'grantSubscriptions', { requestId: 'tap-rd-1', templates: ['event-reminder'] }, a.openid);
    await h.call('events', 'cancel', { eventId, reason: '天气原因' }, h.identities.committee);
    setShanghai('2026-12-01 10:00');
    expect(await h.timer('events', 'event-reminders')).toEqual({ events: 0, sent: 0 });
    expect(remindersSent()).toHaveLength(0);
  });
  it('one event that fails is counted and the run goes on; the next run reminds its people once', async () => {
    setShanghai('2026-12-01 10:00');
    const first = await createEvent('2026-12-02 08:00', 3, 'req-remind-iso-1');
    const second = await createEvent('2026-12-02 15:00', 3, 'req-remind-iso-2');
    const [a, b] = await Promise.all(['ia', 'ib'].map((k, i) => addMember(h, `remind-${k}`, `隔离${i}`)));
    await h.call('events', 'signUp', { eventId: first, roleKey: 'helper' }, a!.openid);
    await h.call('events', 'signUp', { eventId: second, roleKey: 'helper' }, b!.openid);
    for (const p of [a!, b!]) await h.call('members', 'grantSubscriptions', { requestId: `tap-iso-${p.openid}`, templates: ['event-reminder'] }, p.openid);
    // The database refuses the run's first write: the first event's reminder.
    h.faults.arm({ at: 1, mode: 'fail' });
    expect(await h.timer('events', 'event-reminders')).toEqual({ events: 2, sent: 1, failed: 1 });
    h.faults.reset();
    expect(remindersSent().map((m) => m.openid)).toEqual([b!.openid]);
    expect(await h.timer('events', 'event-reminders')).toEqual({ events: 2, sent: 1 });
    expect(remindersSent().map((m) => m.openid).sort()).toEqual([a!.openid, b!.openid].sort());
  });
});
