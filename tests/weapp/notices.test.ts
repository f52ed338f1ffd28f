import { LOCAL_APPID } from '../../emulator/dev-server/functions-host';
import { publishNotice } from '../integration/notices/support';
import { startHarness, type Harness } from '../support/harness';
import { startWeapp, until, type WeappHost } from './simulate';

/**
 * The notice page of the real weapp build, opened from a card inside a WeChat group: the enter options carry a
 * shareTicket, `wx.getGroupEnterInfo` answers the group's cloudID, and the call carries that string top-level,
 * which the function resolves through the platform (getOpenData). Calls answered by the real function.
 */
describe('weapp build: 通知 opened inside a group', () => {
  let harness: Harness;
  let weapp: WeappHost;
  let openid = '';
  let cloudID = '';
  /** The card the app was entered by: its page and query. */
  let enteredBy = { path: '', query: {} as Record<string, string> };
  const bodies: Record<string, unknown>[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    weapp = startWeapp(async (name, data) => {
      bodies.push(data as Record<string, unknown>);
      return harness.invoke(name, data as { action: string }, openid);
    });
    const wx = (globalThis as any).wx;
    wx.getEnterOptionsSync = () => ({ ...enteredBy, scene: 1044, shareTicket: 'ticket-of-the-group' });
    wx.getGroupEnterInfo = (opts: { success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
      const res = { errMsg: 'getGroupEnterInfo:ok', cloudID, encryptedData: '', iv: '' };
      opts.success?.(res);
      opts.complete?.(res);
    };
  }, 30_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('records the read in that group', async () => {
    await harness.invoke(
      'notices',
      { action: 'bindGroup', payload: { gridId: 'cm-baiyu1-g1', name: '1号楼居民群' }, groupCloudId: harness.stack.wechat.openData.mintGroupCloudId('C', LOCAL_APPID) },
      harness.identities.gridLeader,
    );
    const notice = await publishNotice(harness, { title: '明天上午停水，请提前储水' });
    cloudID = harness.stack.wechat.openData.mintGroupCloudId('C', LOCAL_APPID);
    openid = harness.identities.resident;
    const query = { id: encodeURIComponent(notice.id) };
    enteredBy = { path: 'packages/notices/pages/detail/index', query };
    const page = weapp.openPage('packages/notices/pages/detail/index', query);
    await until(() => (page.dom.textContent ?? '').includes('明天上午停水，请提前储水'), 'the notice to render');
    expect(bodies.find((b) => b.action === 'open')).toMatchObject({ groupCloudId: cloudID });
    const { items } = await harness.call('notices', 'receipts', { noticeId: notice.id, filter: 'read' }, harness.identities.gridLeader);
    expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ memberId: harness.memberIdOf('resident'), groups: ['1号楼居民群'] })]));
    page.detach();
  });

  it('does not count another notice, reached after entering by that card, as read in the group', async () => {
    const other = await publishNotice(harness, { title: '周六上午义诊' });
    const page = weapp.openPage('packages/notices/pages/detail/index', { id: encodeURIComponent(other.id) });
    await until(() => (page.dom.textContent ?? '').includes('周六上午义诊'), 'the other notice to render');
    const opens = bodies.filter((b) => b.action === 'open');
    expect(opens[opens.length - 1]).not.toHaveProperty('groupCloudId');
    const { items } = await harness.call('notices', 'receipts', { noticeId: other.id, filter: 'read' }, harness.identities.gridLeader);
    expect(items).toEqual(expect.arrayContaining([expect.objectContaining({ memberId: harness.memberIdOf('resident'), groups: [] })]));
    page.detach();
  });
});
