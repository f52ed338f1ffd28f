import { setupWeappHarness, until } from './simulate';

/**
 * The event form of the real weapp build: its times are the platform's own pickers, shown in words, never a text
 * box to type a format into.
 */
describe('weapp build: 发布活动', () => {
  const ctx = setupWeappHarness();

  it('offers a day and a time picker for the start, the end and the sign-up deadline, and no text box', async () => {
    ctx.openid = ctx.harness.identities.committee;
    const page = ctx.weapp.openPage('packages/events/pages/edit/index');
    const text = await until(() => {
      const t = page.dom.textContent ?? '';
      return t.includes('开始时间') && t;
    }, 'the form to render');
    expect(text).toMatch(/\d+月\d+日 周.09:00/);
    for (const field of ['startAt', 'endAt', 'signupClosesAt']) {
      expect(page.dom.querySelectorAll(`.main--form-field--${field} wx-picker`)).toHaveLength(2);
    }
    expect(page.dom.querySelectorAll('.main--form-field--startAt input, .main--form-field--startAt wx-input')).toHaveLength(0);

    page.detach();
  });
});
