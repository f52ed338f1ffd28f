import { sceneOf } from '../../cloudfunctions/_core/checkin-token';
import { addEvent, signUp } from '../integration/checkin/fixtures';
import { setupWeappHarness, until } from './simulate';

/**
 * The check-in page of the real weapp build, opened by WeChat from the station's mini-program code (the token
 * arrives as `scene`), rendered by miniprogram-simulate; its calls answered by the real checkin function.
 */
describe('weapp build: 扫码签到', () => {
  const ctx = setupWeappHarness();

  it('checks a signed-up volunteer in from the scene, and says so in Chinese', async () => {
    const now = ctx.harness.stack.clock.now();
    // An event id as the events function makes them: too long for a scene, so the code carries the handle form.
    const eventId = 'cm-baiyu1-ev-lx3k9abc-8randomc';
    await addEvent(eventId, now);
    await signUp(eventId, [ctx.harness.memberIdOf('resident')], now);
    const { token } = await ctx.harness.call('checkin', 'station', { eventId, kind: 'in' }, ctx.harness.identities.committee);
    const scene = sceneOf(token);
    expect(scene.length).toBeLessThanOrEqual(32);

    ctx.openid = ctx.harness.identities.resident;
    const page = ctx.weapp.openPage('packages/checkin/pages/scan/index', { scene: encodeURIComponent(scene) });
    const text = await until(() => {
      const t = page.dom.textContent ?? '';
      return t.includes('签到成功') && t;
    }, 'the check-in answer');
    expect(text).toMatch(/签到成功 \d\d:\d\d/);
    expect(ctx.calls).toContain('checkin.scan');
    page.detach();
  });
});
