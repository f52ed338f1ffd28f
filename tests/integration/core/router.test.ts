import * as v from 'valibot';
import { action } from '../../../src/shared/action';
import { memberIdFor } from '../../../cloudfunctions/_core/identity';
import { createFunction } from '../../../cloudfunctions/_core/router';
import { AppError } from '../../../cloudfunctions/_core/errors';
import { callContext, LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('the router', () => {
  it('answers an unknown or missing action with COMMON.UNKNOWN_ACTION', async () => {
    expect(await h.invoke('members', { action: 'dropTables' }, 'u1')).toEqual({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION', message: '暂不支持这个操作，请更新小程序后再试' },
    });
    expect(await h.invoke('members', { action: 'toString' }, 'u1')).toMatchObject({ error: { code: 'COMMON.UNKNOWN_ACTION' } });
    expect(await h.invoke('members', {} as { action: string }, 'u1')).toMatchObject({ error: { code: 'COMMON.UNKNOWN_ACTION' } });
  });

  it('refuses a payload of the wrong type before any handler runs', async () => {
    const res = await h.invoke('members', { action: 'updateProfile', payload: 'name=x' }, h.identities.resident);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
  });

  it('keeps each caller apart when twenty call at once', async () => {
    const openids = Array.from({ length: 20 }, (_, i) => `concurrent-${i}`);
    const results = await Promise.all(openids.map((openid) => h.call('members', 'me', {}, openid)));
    results.forEach((r, i) => {
      expect(r.member.id).toBe(memberIdFor({ openid: openids[i]!, appid: LOCAL_APPID }));
    });
  });

  describe('with handlers of its own', () => {
    const actions = {
      boom: action<never>()({ input: v.object({}), errors: [] }),
      refuse: action<never>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),
      whoami: action<{ openid: string }>()({ input: v.object({}), errors: [] }),
    };
    const fn = createFunction('test', actions, {
      boom: async () => {
        throw new Error('secret table name leaked');
      },
      refuse: async () => {
        throw new AppError('COMMON.FORBIDDEN');
      },
      whoami: async (_input, ctx) => ({ openid: ctx.identity.openid }),
    }, {
      nightly: async (now) => ({ ranAt: now.getTime() }),
    });
    const timerEvent = { Type: 'Timer', TriggerName: 'nightly', Time: '2026-11-23T00:00:00Z' };

    it('turns a thrown bug into COMMON.INTERNAL, logged and never shown', async () => {
      const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const res = await fn({ action: 'boom' }, callContext('test', { openid: 'u' }));
      expect(res).toEqual({ ok: false, error: { code: 'COMMON.INTERNAL', message: '系统开小差了，请稍后再试' } });
      expect(JSON.stringify(res)).not.toContain('secret');
      expect(String(log.mock.calls[0]?.[1])).toContain('secret table name leaked');
      log.mockRestore();
    });

    it('turns an AppError into its code and Chinese message', async () => {
      expect(await fn({ action: 'refuse' }, callContext('test', { openid: 'u' }))).toEqual({
        ok: false,
        error: { code: 'COMMON.FORBIDDEN', message: '你没有权限进行这个操作' },
      });
    });

    it('takes identity from the call context, never from the event', async () => {
      const res = await fn({ action: 'whoami', userInfo: { openId: 'forged' }, openid: 'forged' }, callContext('test', { openid: 'real' }));
      expect(res).toEqual({ ok: true, data: { openid: 'real' } });
      expect(await fn({ action: 'whoami' }, {})).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } });
    });

    it('runs a timer trigger only for the platform: a Timer event with no WeChat user', async () => {
      const before = Date.now();
      const res = await fn(timerEvent, { environment: '{}' });
      expect(res).toMatchObject({ ok: true });
      expect((res as { data: { ranAt: number } }).data.ranAt).toBeGreaterThanOrEqual(before);
      // A mini-program user dressing a call up as a timer is an ordinary call with no action.
      expect(await fn(timerEvent, callContext('test', { openid: 'u' }))).toMatchObject({ error: { code: 'COMMON.UNKNOWN_ACTION' } });
      expect(await fn({ ...timerEvent, TriggerName: 'hourly' }, {})).toMatchObject({ error: { code: 'COMMON.UNKNOWN_ACTION' } });
      expect(await fn({ ...timerEvent, TriggerName: 'toString' }, {})).toMatchObject({ error: { code: 'COMMON.UNKNOWN_ACTION' } });
    });
  });
});
