import type { ReportInput } from '../../../../src/shared/actions/reports';
import type { TemplateKey } from '../../../../src/shared/subscriptions';
import { talentPersonId } from '../../../../emulator/seed/grids';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { DemoIdentity, Harness } from '../../../support/harness';

/**
 * The reports function's writing actions and its timers for the crash matrix (docs/crash-safety.md). Every state
 * change is one conditional write followed by keyed steps (photo checks, messages, handler points, the merge's
 * second half); each row crashes after every write point and retries with the same request id. People who are told
 * something allowed that message first, so a message sent twice or never shows in the comparison.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const REPORT: ReportInput = {
  categoryKey: 'clutter',
  place: { building: '3号楼', unit: '2单元', spot: '', point: null },
  text: '楼道里堆了很多纸箱，挡住了消防通道',
  photos: ['cloud://env/reports/box-1.jpg'],
};

async function allow(h: Harness, who: DemoIdentity, templates: TemplateKey[], key: string): Promise<void> {
  await h.call('members', 'grantSubscriptions', { requestId: `crash-grant-${key}`, templates }, h.identities[who]);
}

/** Runs `work` with the (frozen) clock `ago` in the past, then puts it back. */
async function past<T>(h: Harness, ago: number, work: () => Promise<T>): Promise<T> {
  h.stack.clock.offsetMs = -ago;
  try {
    return await work();
  } finally {
    h.stack.clock.offsetMs = 0;
  }
}

interface Filed {
  id: string;
  version: number;
}

async function fileOne(h: Harness, requestId = 'crash-setup-file', report: ReportInput = { ...REPORT, photos: [] }, who: DemoIdentity = 'resident'): Promise<Filed> {
  const r = (await h.call('reports', 'file', { report, requestId }, h.identities[who])).report;
  return { id: r.id, version: r.version };
}

async function step(h: Harness, action: string, who: DemoIdentity, payload: Record<string, unknown>, requestId: string): Promise<Filed> {
  const r = (await h.call('reports', action, { ...payload, requestId }, h.identities[who])).report;
  return { id: r.id, version: r.version };
}

const accepted = async (h: Harness) => {
  const f = await fileOne(h);
  return step(h, 'accept', 'gridLeader', { reportId: f.id, version: f.version, message: '收到' }, 'crash-setup-accept');
};

const resolved = async (h: Harness) => {
  const a = await accepted(h);
  return step(h, 'resolve', 'gridLeader', { reportId: a.id, version: a.version, summary: '纸箱已清走', photos: [] }, 'crash-setup-resolve');
};

async function withPoints(h: Harness): Promise<void> {
  const s = await h.call('reports', 'settings', {}, h.identities.committee);
  await h.call('reports', 'saveSettings', { settings: { categories: s.categories, spots: ['小区大门'], handlerPoints: 5 } }, h.identities.committee);
}

const outbox = async (h: Harness) => {
  await h.timer('reports', 'message-outbox');
};

export const scenarios: CrashScenario[] = [
  scenario({
    name: 'reports.saveSettings',
    fn: 'reports',
    action: 'saveSettings',
    caller: 'committee',
    payload: () => ({
      settings: { categories: [{ key: 'clutter', name: '楼道堆物', responseMinutes: 15, resolutionHours: 24, quietHours: { from: '22:00', to: '07:00' }, skills: [] }], spots: ['小区大门'], handlerPoints: 3 },
    }),
  }),
  scenario({
    name: 'reports.file (with a photo; the grid leader is told)',
    fn: 'reports',
    action: 'file',
    caller: 'resident',
    setup: (h) => allow(h, 'gridLeader', ['report-assigned'], 'leader'),
    payload: () => ({ report: REPORT, requestId: 'crash-file' }),
    settle: outbox,
  }),
  scenario({
    name: 'reports.file (代办: a grid leader for an elderly resident, proxy-logged)',
    fn: 'reports',
    action: 'file',
    caller: 'gridLeader',
    payload: () => ({ report: { ...REPORT, photos: [], place: { building: '1号楼', unit: '', spot: '', point: null } }, requestId: 'crash-file-proxy', forMemberId: talentPersonId('elder') }),
  }),
  scenario({
    name: 'reports.join',
    fn: 'reports',
    action: 'join',
    caller: 'applicant1',
    setup: (h) => fileOne(h),
    payload: (f: Filed) => ({ reportId: f.id }),
  }),
  scenario({
    name: 'reports.accept (the reporter is told)',
    fn: 'reports',
    action: 'accept',
    caller: 'gridLeader',
    setup: async (h) => {
      await allow(h, 'resident', ['report-progress'], 'resident');
      return fileOne(h);
    },
    payload: (f: Filed) => ({ reportId: f.id, version: f.version, message: '收到，马上去看', requestId: 'crash-accept' }),
    settle: outbox,
  }),
  scenario({
    name: 'reports.handOver (to a sub-council: its chair is told)',
    fn: 'reports',
    action: 'handOver',
    caller: 'committee',
    setup: async (h) => {
      await allow(h, 'gridLeader', ['report-assigned'], 'chair');
      return fileOne(h, 'crash-setup-file', { ...REPORT, photos: [], place: { building: '8号楼', unit: '', spot: '', point: null } });
    },
    payload: (f: Filed) => ({ reportId: f.id, version: f.version, to: { kind: 'council', councilId: 'cm-baiyu1-service' }, reason: '请便民服务分会处理', requestId: 'crash-hand-over' }),
    settle: outbox,
  }),
  scenario({
    name: 'reports.wait',
    fn: 'reports',
    action: 'wait',
    caller: 'gridLeader',
    setup: accepted,
    payload: (f: Filed) => ({ reportId: f.id, version: f.version, reason: '等您周末在家时上门查看', requestId: 'crash-wait' }),
  }),
  scenario({
    name: 'reports.resume (the clocks move later)',
    fn: 'reports',
    action: 'resume',
    caller: 'resident',
    setup: async (h) => {
      const a = await past(h, 3 * HOUR, () => accepted(h));
      return past(h, 2 * HOUR, () => step(h, 'wait', 'gridLeader', { reportId: a.id, version: a.version, reason: '等居民在家' }, 'crash-setup-wait'));
    },
    payload: (f: Filed) => ({ reportId: f.id, version: f.version, requestId: 'crash-resume' }),
  }),
  scenario({
    name: 'reports.visit (with a photo)',
    fn: 'reports',
    action: 'visit',
    caller: 'gridLeader',
    setup: accepted,
    payload: (f: Filed) => ({ reportId: f.id, requestId: 'crash-visit', visit: { at: '2026-03-10T01:30:00.000Z', whom: '王阿姨', found: '纸箱是楼上搬家留下的', photos: ['cloud://env/reports/visit-1.jpg'] } }),
  }),
  scenario({
    name: 'reports.resolve (with a photo; the reporter is told)',
    fn: 'reports',
    action: 'resolve',
    caller: 'gridLeader',
    setup: async (h) => {
      await allow(h, 'resident', ['report-progress'], 'resident');
      return accepted(h);
    },
    payload: (f: Filed) => ({ reportId: f.id, version: f.version, summary: '纸箱已清走', photos: ['cloud://env/reports/after-1.jpg'], requestId: 'crash-resolve' }),
    settle: outbox,
  }),
  scenario({
    name: 'reports.confirm (closed within the clocks: handler points through the ledger)',
    fn: 'reports',
    action: 'confirm',
    caller: 'resident',
    setup: async (h) => {
      await withPoints(h);
      return resolved(h);
    },
    payload: (f: Filed) => ({ reportId: f.id, version: f.version, solved: true, stars: 5, comment: '谢谢', requestId: 'crash-confirm' }),
  }),
  scenario({
    name: 'reports.confirm (not solved: reopened, the handler is told)',
    fn: 'reports',
    action: 'confirm',
    caller: 'resident',
    setup: async (h) => {
      await allow(h, 'gridLeader', ['report-assigned'], 'leader');
      return resolved(h);
    },
    payload: (f: Filed) => ({ reportId: f.id, version: f.version, solved: false, comment: '又堆上了', requestId: 'crash-reopen' }),
    settle: outbox,
  }),
  scenario({
    name: 'reports.merge (both timelines; the duplicate reporter follows the other)',
    fn: 'reports',
    action: 'merge',
    caller: 'committee',
    setup: async (h) => {
      const first = await fileOne(h, 'crash-setup-first');
      const dup = await fileOne(h, 'crash-setup-dup', { ...REPORT, photos: [] }, 'applicant1');
      return { first, dup };
    },
    payload: (w: { first: Filed; dup: Filed }) => ({ reportId: w.dup.id, version: w.dup.version, intoId: w.first.id, requestId: 'crash-merge' }),
  }),
  // Reads that need a report (0 write points: a view never writes).
  ...(['get', 'handOverTargets', 'helpers'] as const).map((action) =>
    scenario({
      name: `reports.${action} (reads only)`,
      fn: 'reports',
      action,
      caller: 'gridLeader',
      setup: (h) => fileOne(h, 'crash-setup-file', { ...REPORT, photos: [], categoryKey: 'charging' }),
      payload: (f: Filed) => ({ reportId: f.id }),
    }),
  ),
  scenario({
    name: 'reports@report-clocks (a response overdue, a resolution overdue, an auto-close with points)',
    fn: 'reports',
    timer: 'report-clocks',
    setup: async (h) => {
      await withPoints(h);
      await allow(h, 'committee', ['report-overdue'], 'committee-1');
      await allow(h, 'committee', ['report-overdue'], 'committee-2');
      await allow(h, 'resident', ['report-progress'], 'resident');
      await past(h, 20 * MINUTE, () => fileOne(h, 'crash-setup-late'));
      await past(h, DAY + HOUR, async () => {
        const f = await fileOne(h, 'crash-setup-slow', { ...REPORT, photos: [], place: { building: '4号楼', unit: '', spot: '', point: null } });
        await step(h, 'accept', 'gridLeader', { reportId: f.id, version: f.version, message: '收到' }, 'crash-setup-slow-accept');
      });
      await past(h, 8 * DAY, async () => {
        const f = await fileOne(h, 'crash-setup-done', { ...REPORT, photos: [], place: { building: '2号楼', unit: '', spot: '', point: null } });
        await step(h, 'resolve', 'gridLeader', { reportId: f.id, version: f.version, summary: '好了', photos: [] }, 'crash-setup-done-resolve');
      });
    },
    settle: outbox,
  }),
  scenario({
    name: 'reports@message-outbox (a message a crashed call left queued)',
    fn: 'reports',
    timer: 'message-outbox',
    setup: async (h) => {
      await allow(h, 'gridLeader', ['report-assigned'], 'leader');
      // WeChat refuses once: the message stays queued for the outbox timer, due now.
      h.stack.wechat.refusingOpenids.add('nobody');
      await past(h, 10 * MINUTE, () => fileOne(h));
    },
  }),
];
