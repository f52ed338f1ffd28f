import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { LEASE_MS, MAX_ATTEMPTS, queueMessage } from '../../../cloudfunctions/_core/message-outbox';
import { sendOnce, type OnceMessage } from '../../../cloudfunctions/_core/subscriptions';
import { TEMPLATES_ENV, TemplateNotConfigured } from '../../../cloudfunctions/_core/templates';
import { startHarness, type Harness } from '../../support/harness';
import { addMember } from '../honours/support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const quota = async (openid: string) => (await h.call('members', 'mySubscriptions', {}, openid)).quota as Record<string, number>;
const grant = (openid: string, requestId: string, templates: string[]) => h.call('members', 'grantSubscriptions', { requestId, templates }, openid);
const message = (memberId: string, sendKey: string): OnceMessage<'loan-due'> => ({
  sendKey,
  memberId,
  template: 'loan-due',
  page: 'pages/home/index',
  values: { item: '针线包', due: '2026-12-02 18:00', note: '明天到期，请记得归还或续借' },
});

describe('the subscribe-message quota ledger', () => {
  it('counts one message per accepted template per tap; a retried tap adds nothing', async () => {
    const { openid } = await addMember(h, 'sub-a', '订阅甲');
    const same = await Promise.all([0, 1, 2].map(() => grant(openid, 'tap-000001', ['loan-due', 'hold-ready'])));
    expect(same.map((r) => r.quota)).toEqual([0, 1, 2].map(() => ({ 'loan-due': 1, 'hold-ready': 1 })));
    await Promise.all(Array.from({ length: 10 }, (_, i) => grant(openid, `tap-1000${i}x`, ['loan-due'])));
    expect(await quota(openid)).toMatchObject({ 'loan-due': 11, 'hold-ready': 1, 'event-reminder': 0 });
  });

  it('refuses unknown templates and more than three in one tap, and records nothing', async () => {
    const { openid, memberId } = await addMember(h, 'sub-b', '订阅乙');
    for (const templates of [['no-such-template'], [], ['loan-due', 'hold-ready', 'loan-overdue', 'event-reminder']]) {
      const res = await h.invoke('members', { action: 'grantSubscriptions', payload: { requestId: 'tap-000002', templates } }, openid);
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    }
    expect((await getDb().collection(COLLECTIONS.subscriptionQuota).where({ memberId }).count()).total).toBe(0);
  });

  it('sends nothing without quota, and records nothing, so a later run may send once allowed', async () => {
    const { openid, memberId } = await addMember(h, 'sub-c', '订阅丙');
    expect(await sendOnce(message(memberId, 'loan-due:L1'))).toBe('no-quota');
    expect(h.stack.wechat.messages).toHaveLength(0);
    await grant(openid, 'tap-000003', ['loan-due']);
    expect(await sendOnce(message(memberId, 'loan-due:L1'))).toBe('sent');
    expect(h.stack.wechat.messages).toMatchObject([{ openid, templateId: 'loan-due', page: 'pages/home/index' }]);
  });

  it('sends under the template id and keywords the environment configures; a template it does not configure is an error, not a drop', async () => {
    const { openid, memberId } = await addMember(h, 'sub-g', '订阅庚');
    await grant(openid, 'tap-000009', ['loan-due']);
    await grant(openid, 'tap-000010', ['loan-due']);
    const saved = process.env[TEMPLATES_ENV];
    try {
      process.env[TEMPLATES_ENV] = JSON.stringify({ 'loan-due': { id: 'TPL-LOAN', fields: { item: 'thing7', due: 'date2', note: 'thing9' } } });
      expect(await sendOnce(message(memberId, 'loan-due:L7'))).toBe('sent');
      expect(h.stack.wechat.messages).toEqual([
        expect.objectContaining({
          openid,
          templateId: 'TPL-LOAN',
          data: { thing7: { value: '针线包' }, date2: { value: '2026-12-02 18:00' }, thing9: { value: '明天到期，请记得归还或续借' } },
        }),
      ]);
      process.env[TEMPLATES_ENV] = JSON.stringify({ 'hold-ready': { id: 'TPL-HOLD', fields: { item: 'thing1', until: 'time2', note: 'thing3' } } });
      await expect(sendOnce(message(memberId, 'loan-due:L8'))).rejects.toBeInstanceOf(TemplateNotConfigured);
    } finally {
      if (saved === undefined) delete process.env[TEMPLATES_ENV];
      else process.env[TEMPLATES_ENV] = saved;
    }
    // Nothing was spent or recorded for the unconfigured send.
    expect((await quota(openid))['loan-due']).toBe(1);
    expect((await getDb().collection(COLLECTIONS.subscriptionSends).doc('loan-due:L8').get()).data).toHaveLength(0);
  });

  it('sends a key once under a burst of retries, spending exactly one unit', async () => {
    const { openid, memberId } = await addMember(h, 'sub-d', '订阅丁');
    await grant(openid, 'tap-000004', ['loan-due']);
    await grant(openid, 'tap-000005', ['loan-due']);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => sendOnce(message(memberId, 'loan-due:L2'))));
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'sent').every((o) => o === 'already' || o === 'no-quota')).toBe(true);
    expect(h.stack.wechat.messages).toHaveLength(1);
    expect((await quota(openid))['loan-due']).toBe(1);
    expect(await sendOnce(message(memberId, 'loan-due:L3'))).toBe('sent');
    expect(await sendOnce(message(memberId, 'loan-due:L4'))).toBe('no-quota');
  });

  it('believes WeChat when it says the person has switched the template off', async () => {
    const { openid, memberId } = await addMember(h, 'sub-e', '订阅戊');
    await grant(openid, 'tap-000006', ['loan-due']);
    await grant(openid, 'tap-000007', ['loan-due']);
    h.stack.wechat.refusingOpenids.add(openid);
    expect(await sendOnce(message(memberId, 'loan-due:L5'))).toBe('refused');
    expect((await quota(openid))['loan-due']).toBe(0);
    const sent = (await getDb().collection(COLLECTIONS.subscriptionSends).doc('loan-due:L5').get()).data[0];
    expect(sent).toMatchObject({ state: 'refused', errcode: 43101, memberId });
  });

  it('sends nothing to a deleted account', async () => {
    const { openid, memberId } = await addMember(h, 'sub-f', '订阅己');
    await grant(openid, 'tap-000008', ['loan-due']);
    await h.call('members', 'deleteAccount', { confirm: '注销' }, openid);
    expect(await sendOnce(message(memberId, 'loan-due:L6'))).toBe('no-account');
    expect(h.stack.wechat.messages).toHaveLength(0);
    expect((await getDb().collection(COLLECTIONS.subscriptionQuota).where({ memberId }).count()).total).toBe(0);
  });
});

describe('the subscribe-message outbox', () => {
  const sendDoc = async (key: string) => (await getDb().collection(COLLECTIONS.subscriptionSends).doc(key).get()).data[0] as Record<string, any> | undefined;
  const allow = async (openid: string, taps: number) => {
    for (let i = 0; i < taps; i++) await grant(openid, `tap-ob-${openid.slice(-6)}-${i}`, ['loan-due']);
  };

  it('a call that dies right after queuing: its retry sends at once; otherwise the timer sends it once its lease runs out', async () => {
    const { openid, memberId } = await addMember(h, 'ob-a', '外发甲');
    await allow(openid, 2);
    // The call's only write before it dies: the message and its unit of quota, together.
    expect((await queueMessage(message(memberId, 'loan-due:O1'), 'req:dead-1')).outcome).toBe('queued');
    expect((await queueMessage(message(memberId, 'loan-due:O2'), 'req:dead-2')).outcome).toBe('queued');
    expect((await quota(openid))['loan-due']).toBe(0);
    expect(await sendDoc('loan-due:O1')).toMatchObject({ state: 'queued', attempts: 0 });
    // The same call retried finishes it; someone else is told it is already under way.
    expect(await sendOnce(message(memberId, 'loan-due:O1'))).toBe('already');
    expect(await sendOnce(message(memberId, 'loan-due:O1'), { owner: 'req:dead-1' })).toBe('sent');
    expect(h.stack.wechat.messages).toHaveLength(1);
    // Nobody retries O2: the timer leaves it while its holder may still be alive, then sends it once.
    expect(await h.timer('cabin', 'message-outbox')).toMatchObject({ sent: 0 });
    h.stack.clock.offsetMs += LEASE_MS + 1000;
    expect(await h.timer('cabin', 'message-outbox')).toMatchObject({ sent: 1 });
    expect(await h.timer('cabin', 'message-outbox')).toMatchObject({ sent: 0 });
    expect(h.stack.wechat.messages).toHaveLength(2);
    expect(await sendDoc('loan-due:O2')).toMatchObject({ state: 'sent', attempts: 1, owner: null, claims: 0 });
    // Another function's timer leaves the cabin's messages alone.
    expect(await h.timer('events', 'message-outbox')).toMatchObject({ sent: 0, skipped: 0 });
  });

  it('a 43101 zeroes only what it saw: a grant made while the send was under way stays', async () => {
    const { openid, memberId } = await addMember(h, 'ob-b', '外发乙');
    await allow(openid, 1);
    h.stack.wechat.refusingOpenids.add(openid);
    const platform = h.stack.wechat;
    const send = platform.sendSubscribeMessage.bind(platform);
    // The person taps 允许 again at the very moment WeChat answers 43101 for the earlier message.
    platform.sendSubscribeMessage = async (m) => {
      const answer = await send(m);
      await grant(openid, 'tap-ob-race', ['loan-due']);
      return answer;
    };
    try {
      expect(await sendOnce(message(memberId, 'loan-due:O3'))).toBe('refused');
    } finally {
      platform.sendSubscribeMessage = send;
    }
    expect((await quota(openid))['loan-due']).toBe(1);
    // Without a grant in between, the refusal is believed.
    expect(await sendOnce(message(memberId, 'loan-due:O4'))).toBe('refused');
    expect((await quota(openid))['loan-due']).toBe(0);
  });

  it('a failed send is retried with backoff, a bounded number of times, and its unit given back', async () => {
    const { openid, memberId } = await addMember(h, 'ob-c', '外发丙');
    await allow(openid, 1);
    const platform = h.stack.wechat;
    const send = platform.sendSubscribeMessage.bind(platform);
    let down = true;
    platform.sendSubscribeMessage = async (m) => (down ? { sent: false, errcode: -1, errmsg: 'system busy' } : send(m));
    try {
      expect(await sendOnce(message(memberId, 'loan-due:O5'))).toBe('queued');
      expect(await sendDoc('loan-due:O5')).toMatchObject({ state: 'queued', attempts: 1, lastError: 'system busy' });
      // Not due again before its backoff.
      expect(await h.timer('cabin', 'message-outbox')).toMatchObject({ queued: 0, failed: 0 });
      for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
        h.stack.clock.offsetMs += 3 * 60 * 60_000;
        expect(await h.timer('cabin', 'message-outbox')).toMatchObject(attempt < MAX_ATTEMPTS ? { queued: 1 } : { failed: 1 });
      }
      expect(await sendDoc('loan-due:O5')).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
      expect((await quota(openid))['loan-due']).toBe(1);
      h.stack.clock.offsetMs += 3 * 60 * 60_000;
      expect(await h.timer('cabin', 'message-outbox')).toMatchObject({ queued: 0, failed: 0, sent: 0 });
      // Back up: a recovered platform gets the next message, and the returned unit pays for it.
      down = false;
      expect(await sendOnce(message(memberId, 'loan-due:O6'))).toBe('sent');
    } finally {
      platform.sendSubscribeMessage = send;
    }
  });

  it('one message that throws does not stop the timer from delivering the rest', async () => {
    const a = await addMember(h, 'ob-d', '外发丁');
    const b = await addMember(h, 'ob-e', '外发戊');
    await allow(a.openid, 1);
    await allow(b.openid, 1);
    await queueMessage(message(a.memberId, 'loan-due:O7'), 'req:dead-7');
    await queueMessage(message(b.memberId, 'loan-due:O8'), 'req:dead-8');
    const platform = h.stack.wechat;
    const send = platform.sendSubscribeMessage.bind(platform);
    // A platform answer our code cannot read for one person.
    platform.sendSubscribeMessage = async (m) => (m.openid === a.openid ? (null as never) : send(m));
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      h.stack.clock.offsetMs += LEASE_MS + 1000;
      expect(await h.timer('cabin', 'message-outbox')).toMatchObject({ sent: 1, errors: 1 });
    } finally {
      platform.sendSubscribeMessage = send;
      errors.mockRestore();
    }
    expect(h.stack.wechat.messages.map((m) => m.openid)).toEqual([b.openid]);
  });
});
