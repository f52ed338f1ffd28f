import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
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
    expect(sent).toMatchObject({ outcome: 'refused', errcode: 43101, memberId });
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
