import { demoCabinItemId } from '../../emulator/seed/cabin';
import { itemScene } from '../../src/shared/domain/cabin';
import { setupWeappHarness, until } from './simulate';

/**
 * The cabin's item page of the real weapp build, opened by WeChat from the item's QR label (the `scene`
 * `i=<itemId>`), rendered by miniprogram-simulate; its calls answered by the real cabin function.
 */
describe('weapp build: 爱心格子屋 item from its QR label', () => {
  const ctx = setupWeappHarness();

  it('shows the scanned sewing kit, the cabin’s open state and the loan rule', async () => {
    ctx.openid = ctx.harness.identities.resident;
    const page = ctx.weapp.openPage('packages/cabin/pages/item/index', { scene: encodeURIComponent(itemScene(demoCabinItemId('sew-1'))) });
    const text = await until(() => {
      const t = page.dom.textContent ?? '';
      return t.includes('借期 7 天') && t.includes('爱心格子屋 · 针线包') && t;
    }, 'the item and its cabin');
    expect(text).toContain('针线包（一号）');
    expect(text).toMatch(/开放中|开门|暂停开放/);
    expect(text).toContain('在架');
    // One call: the item carries its section's open state.
    expect(ctx.calls).toEqual(['cabin.item']);
    page.detach();
  });
});
