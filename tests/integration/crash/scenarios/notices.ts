import { LEASE_MS, queueMessage } from '../../../../cloudfunctions/_core/message-outbox';
import { groupIdOf } from '../../../../cloudfunctions/notices/notices.model';
import { LOCAL_APPID } from '../../../../emulator/dev-server/functions-host';
import { currentCallTag } from '../../../../emulator/gateway';
import { LocalOpenData } from '../../../../emulator/platform/open-data';
import { DEMO_GROUPS, DEMO_NOTICE_IDS } from '../../../../emulator/seed/notices';
import type { NoticeInput, PublishInput } from '../../../../src/shared/actions/notices';
import type { TemplateKey } from '../../../../src/shared/subscriptions';
import { FROZEN_AT, scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';

/**
 * The notices domain's rows of the crash matrix (docs/crash-safety.md). Every writing action and both timers. The
 * resident (王秀兰) and the grid leader, both of 第一微格, allow the subscribe message each row sends, and 第一微格 has its
 * seeded WeCom robot, so a publish sends a robot message and subscribe messages: each must be sent exactly once after
 * the retry and the settle (the two timers, as the platform fires them next).
 */

const GRID = 'cm-baiyu1-g1';

const notice = (extra: Partial<NoticeInput> = {}): NoticeInput => ({
  title: '明天上午停水',
  body: '因管道维修，1-4号楼明天上午停水，请提前储水。',
  target: { kind: 'grids', gridIds: [GRID] },
  mode: 'read',
  ...extra,
});

/** The resident and one more resident of 第一微格 allow `templates` once each. */
async function subscribe(h: Harness, templates: TemplateKey[]): Promise<void> {
  await h.call('members', 'grantSubscriptions', { requestId: 'crash-grant-r', templates }, h.identities.resident);
  await h.call('members', 'grantSubscriptions', { requestId: 'crash-grant-m', templates }, h.identities.gridLeader);
}

async function create(h: Harness, requestId: string, extra: Partial<NoticeInput>, publish: PublishInput): Promise<string> {
  const res = await h.call<{ notice: { id: string } }>('notices', 'create', { notice: notice(extra), publish, requestId }, h.identities.gridLeader);
  return res.notice.id;
}

const DIES_WITH_CALL = Symbol.for('txtd.crash.platformDiesWithCall');

/**
 * A crashed call is a dead process: none of its code runs after the crash point, so it reaches WeChat and WeCom no
 * more than the database. The harness holds a dead call's database requests; this holds its platform calls too
 * (a branch of the call still running beside the one that crashed would otherwise send after its death). Installed
 * once on the harness's stand-ins.
 */
function platformDiesWithCall(h: Harness): void {
  const wechat = h.stack.wechat as typeof h.stack.wechat & { [DIES_WITH_CALL]?: true };
  if (wechat[DIES_WITH_CALL]) return;
  wechat[DIES_WITH_CALL] = true;
  const dead = () => {
    const tag = currentCallTag();
    return tag !== undefined && h.faults.isDeadCall(tag);
  };
  const never = new Promise<never>(() => undefined);
  const send = wechat.sendSubscribeMessage.bind(wechat);
  wechat.sendSubscribeMessage = (m) => (dead() ? never : send(m));
  const receive = h.stack.wecom.receive.bind(h.stack.wecom);
  h.stack.wecom.receive = (key, body) => {
    if (dead()) throw new Error('emulator fault injection: a dead call reaches nobody');
    return receive(key, body);
  };
}

/** What the platform does next: the two timers, at the same (frozen) minute. */
async function timers(h: Harness): Promise<void> {
  await h.timer('notices', 'every-minute');
  await h.timer('notices', 'message-outbox');
}

const table: CrashScenario[] = [
  scenario({
    name: 'notices.create (draft)',
    fn: 'notices',
    action: 'create',
    caller: 'gridLeader',
    payload: () => ({ notice: notice(), publish: { kind: 'draft' }, requestId: 'crash-create-draft' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.create (publish now: robot message, subscribe messages)',
    fn: 'notices',
    action: 'create',
    caller: 'gridLeader',
    setup: (h) => subscribe(h, ['notice-published']),
    payload: () => ({ notice: notice({ mode: 'confirm' }), publish: { kind: 'now' }, requestId: 'crash-create-now' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.create (scheduled)',
    fn: 'notices',
    action: 'create',
    caller: 'gridLeader',
    payload: () => ({ notice: notice(), publish: { kind: 'at', at: new Date(FROZEN_AT + 24 * 3600_000).toISOString() }, requestId: 'crash-create-at' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.update (publish a draft: robot message, subscribe messages)',
    fn: 'notices',
    action: 'update',
    caller: 'gridLeader',
    setup: async (h) => {
      await subscribe(h, ['notice-published']);
      return { noticeId: await create(h, 'crash-update-draft', {}, { kind: 'draft' }) };
    },
    payload: (ctx) => ({ noticeId: ctx.noticeId, notice: notice({ title: '改期：后天上午停水' }), publish: { kind: 'now' }, requestId: 'crash-update' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.remove',
    fn: 'notices',
    action: 'remove',
    caller: 'gridLeader',
    setup: async (h) => ({ noticeId: await create(h, 'crash-remove-draft', {}, { kind: 'draft' }) }),
    payload: (ctx) => ({ noticeId: ctx.noticeId }),
    settle: timers,
  }),
  scenario({
    name: 'notices.open (first read)',
    fn: 'notices',
    action: 'open',
    caller: 'resident',
    payload: () => ({ noticeId: DEMO_NOTICE_IDS.community }),
    settle: timers,
  }),
  scenario({
    name: 'notices.confirm (without opening first)',
    fn: 'notices',
    action: 'confirm',
    caller: 'resident',
    setup: async (h) => ({ noticeId: await create(h, 'crash-confirm', { mode: 'confirm' }, { kind: 'now' }) }),
    payload: (ctx) => ({ noticeId: ctx.noticeId }),
    settle: timers,
  }),
  scenario({
    name: 'notices.reply (after opening)',
    fn: 'notices',
    action: 'reply',
    caller: 'resident',
    setup: async (h) => {
      const noticeId = await create(h, 'crash-reply', { mode: 'reply', question: { text: '家中是否有人', options: ['家中有人', '家中无人'] } }, { kind: 'now' });
      await h.call('notices', 'open', { noticeId }, h.identities.resident);
      return { noticeId };
    },
    payload: (ctx) => ({ noticeId: ctx.noticeId, answer: '家中无人' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.remind (subscribe messages, robot @-mentions)',
    fn: 'notices',
    action: 'remind',
    caller: 'committee',
    setup: async (h) => {
      const noticeId = await create(h, 'crash-remind', { mode: 'confirm' }, { kind: 'now' });
      await subscribe(h, ['notice-remind']);
      return { noticeId };
    },
    payload: (ctx) => ({ noticeId: ctx.noticeId, requestId: 'crash-remind-tap' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.bindGroup',
    fn: 'notices',
    action: 'bindGroup',
    caller: 'gridLeader',
    // The share card's CloudID, minted once: the crashed call and its retry come from the same group.
    setup: async (h) => ({ groupCloudId: h.stack.wechat.openData.mintGroupCloudId('crash-group', LOCAL_APPID) }),
    payload: () => ({ gridId: GRID, name: '5号楼邻里群' }),
    event: (ctx) => ({ groupCloudId: ctx.groupCloudId }),
    settle: timers,
  }),
  scenario({
    name: 'notices.renameGroup',
    fn: 'notices',
    action: 'renameGroup',
    caller: 'gridLeader',
    payload: () => ({ groupId: groupIdOf(LocalOpenData.opengidOf(DEMO_GROUPS.A)), name: '1-2号楼新邻里群' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.unbindGroup',
    fn: 'notices',
    action: 'unbindGroup',
    caller: 'gridLeader',
    payload: () => ({ groupId: groupIdOf(LocalOpenData.opengidOf(DEMO_GROUPS.B)) }),
    settle: timers,
  }),
  scenario({
    name: 'notices.setRobot',
    fn: 'notices',
    action: 'setRobot',
    caller: 'committee',
    payload: () => ({ gridId: 'cm-baiyu1-g2', webhook: 'crash-robot-key-g2' }),
    settle: timers,
  }),
  scenario({
    name: 'notices.removeRobot',
    fn: 'notices',
    action: 'removeRobot',
    caller: 'committee',
    payload: () => ({ gridId: GRID }),
    settle: timers,
  }),
  scenario({
    name: 'notices every-minute (publishes a scheduled notice: robot message, subscribe messages)',
    fn: 'notices',
    timer: 'every-minute',
    setup: async (h) => {
      await subscribe(h, ['notice-published']);
      await create(h, 'crash-timer-publish', {}, { kind: 'at', at: new Date(h.stack.clock.nowMs() + 60_000).toISOString() });
      h.stack.clock.frozenAtMs = FROZEN_AT + 2 * 60_000;
    },
    settle: timers,
  }),
  scenario({
    name: 'notices message-outbox (a message its call left behind)',
    fn: 'notices',
    timer: 'message-outbox',
    setup: async (h) => {
      await subscribe(h, ['notice-remind']);
      // The only write of a call that died right after queuing; its lease has run out since.
      await queueMessage(
        { sendKey: 'notice-remind:crash:1', memberId: h.memberIdOf('resident'), template: 'notice-remind', page: 'pages/home/index', values: { title: '停水', writer: '张丽华' } },
        'req:dead-call',
      );
      h.stack.clock.frozenAtMs = FROZEN_AT + LEASE_MS + 60_000;
    },
    settle: timers,
  }),
  // The outbox is shared: each sending function's own timer delivers the messages its templates queued.
  scenario({
    name: 'cabin message-outbox (a message its call left behind)',
    fn: 'cabin',
    timer: 'message-outbox',
    setup: async (h) => {
      await h.call('members', 'grantSubscriptions', { requestId: 'crash-grant-loan', templates: ['loan-due'] }, h.identities.resident);
      await queueMessage(
        { sendKey: 'loan-due:crash:1', memberId: h.memberIdOf('resident'), template: 'loan-due', page: 'pages/home/index', values: { item: '雨伞', due: '2026-03-11 18:00', note: '明天到期' } },
        'req:dead-call',
      );
      h.stack.clock.frozenAtMs = FROZEN_AT + LEASE_MS + 60_000;
    },
    settle: async (h) => {
      await h.timer('cabin', 'message-outbox');
    },
  }),
  scenario({
    name: 'events message-outbox (a message its call left behind)',
    fn: 'events',
    timer: 'message-outbox',
    setup: async (h) => {
      await h.call('members', 'grantSubscriptions', { requestId: 'crash-grant-event', templates: ['event-reminder'] }, h.identities.resident);
      await queueMessage(
        {
          sendKey: 'event-reminder:crash:1',
          memberId: h.memberIdOf('resident'),
          template: 'event-reminder',
          page: 'pages/home/index',
          values: { title: '社区义诊', time: '2026-03-11 09:00', place: '居委会', note: '明天开始' },
        },
        'req:dead-call',
      );
      h.stack.clock.frozenAtMs = FROZEN_AT + LEASE_MS + 60_000;
    },
    settle: async (h) => {
      await h.timer('events', 'message-outbox');
    },
  }),
];

/** Every row with the platform dying with a crashed call (see platformDiesWithCall). */
export const scenarios: CrashScenario[] = table.map((s) => ({
  ...s,
  setup: async (h: Harness) => {
    platformDiesWithCall(h);
    return s.setup ? s.setup(h) : undefined;
  },
}));
