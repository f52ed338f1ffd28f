import type { TemplateKey } from '../../../../src/shared/subscriptions';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { DemoIdentity, Harness } from '../../../support/harness';

/**
 * The participation function's actions and timers for the crash matrix (docs/crash-safety.md). Supports, comments,
 * answers (with the project an adoption makes), progress (its followers told under keys naming the update) and follows are each one transaction with their counter;
 * writing a proposal or a project is one insert under an id from the request; messages go through the outbox. Each
 * row crashes after every write point and retries with the same request id. Reads that need a record have rows of
 * their own (0 write points).
 */

const DAY = 24 * 3600_000;

const PROPOSAL = { title: '3号楼前加装非机动车棚', text: '建议在3号楼前空地加一个带充电桩的车棚。', categoryKey: 'facility', place: '3号楼前空地', photos: [] as string[] };
const PROJECT = { title: '非机动车棚改造', goal: '让电动车不再进楼道。', place: '3号楼前', ownerCouncilId: 'cm-baiyu1-service', milestones: [{ title: '施工完成', due: '2026-04-30' }], eventIds: [] as string[] };

async function allow(h: Harness, who: DemoIdentity, templates: TemplateKey[], key: string): Promise<void> {
  await h.call('members', 'grantSubscriptions', { requestId: `crash-grant-${key}`, templates }, h.identities[who]);
}

async function past<T>(h: Harness, ago: number, work: () => Promise<T>): Promise<T> {
  h.stack.clock.offsetMs = -ago;
  try {
    return await work();
  } finally {
    h.stack.clock.offsetMs = 0;
  }
}

/** A threshold of 2, so two supports bring a proposal to 待答复. */
async function lowThreshold(h: Harness): Promise<void> {
  const s = await h.call('participation', 'settings', {}, h.identities.committee);
  await h.call('participation', 'saveSettings', { settings: { ...s, threshold: 2, windowDays: 10, answerDays: 5 } }, h.identities.committee);
}

async function proposed(h: Harness, requestId = 'crash-setup-propose'): Promise<{ id: string; version: number }> {
  const p = (await h.call('participation', 'propose', { proposal: PROPOSAL, requestId }, h.identities.resident)).proposal;
  return { id: p.id, version: p.version };
}

/** A proposal one support short of the threshold. */
async function almost(h: Harness): Promise<{ id: string }> {
  await lowThreshold(h);
  const p = await proposed(h);
  await h.call('participation', 'support', { proposalId: p.id }, h.identities.member);
  return p;
}

/** A proposal waiting for its answer (version 1), its author and supporter allowed the result message. */
async function reached(h: Harness): Promise<{ id: string; version: number }> {
  await allow(h, 'resident', ['proposal-answered'], 'author');
  await allow(h, 'member', ['proposal-answered'], 'supporter');
  const p = await almost(h);
  await h.call('participation', 'support', { proposalId: p.id }, h.identities.applicant1);
  return { id: p.id, version: 1 };
}

async function projectOf(h: Harness): Promise<{ id: string; version: number }> {
  const p = (await h.call('participation', 'createProject', { project: PROJECT, requestId: 'crash-setup-project' }, h.identities.committee)).project;
  return { id: p.id, version: p.version };
}

const outbox = async (h: Harness) => {
  await h.timer('participation', 'message-outbox');
};

export const scenarios: CrashScenario[] = [
  scenario({
    name: 'participation.saveSettings',
    fn: 'participation',
    action: 'saveSettings',
    caller: 'committee',
    payload: () => ({ settings: { threshold: 20, windowDays: 30, answerDays: 10, categories: [{ key: 'facility', name: '设施改造', councilId: 'cm-baiyu1-service' }] } }),
  }),
  scenario({ name: 'participation.propose', fn: 'participation', action: 'propose', caller: 'resident', payload: () => ({ proposal: { ...PROPOSAL, photos: ['cloud://env/proposals/shed.jpg'] }, requestId: 'crash-propose' }) }),
  scenario({ name: 'participation.proposal (read)', fn: 'participation', action: 'proposal', caller: 'member', setup: (h) => proposed(h), payload: (p) => ({ proposalId: p.id }) }),
  scenario({ name: 'participation.comments (read)', fn: 'participation', action: 'comments', caller: 'member', setup: (h) => proposed(h), payload: (p) => ({ proposalId: p.id }) }),
  scenario({ name: 'participation.support', fn: 'participation', action: 'support', caller: 'member', setup: (h) => proposed(h), payload: (p) => ({ proposalId: p.id }) }),
  scenario({
    name: 'participation.support (crosses the threshold: routed, the committee told)',
    fn: 'participation',
    action: 'support',
    caller: 'applicant1',
    setup: async (h) => {
      await allow(h, 'committee', ['proposal-reached'], 'committee');
      return almost(h);
    },
    payload: (p) => ({ proposalId: p.id }),
    settle: outbox,
  }),
  scenario({
    name: 'participation.withdraw',
    fn: 'participation',
    action: 'withdraw',
    caller: 'member',
    setup: async (h) => {
      const p = await proposed(h);
      await h.call('participation', 'support', { proposalId: p.id }, h.identities.member);
      return p;
    },
    payload: (p) => ({ proposalId: p.id }),
  }),
  scenario({ name: 'participation.comment', fn: 'participation', action: 'comment', caller: 'member', setup: (h) => proposed(h), payload: (p) => ({ proposalId: p.id, text: '赞成，顺便装个雨棚', requestId: 'crash-comment' }) }),
  scenario({
    name: 'participation.hideComment',
    fn: 'participation',
    action: 'hideComment',
    caller: 'committee',
    setup: async (h) => {
      const p = await proposed(h);
      return (await h.call('participation', 'comment', { proposalId: p.id, text: '广告', requestId: 'crash-setup-comment' }, h.identities.member)).comment as { id: string };
    },
    payload: (c) => ({ commentId: c.id, reason: '与议题无关' }),
  }),
  scenario({
    name: 'participation.answer (采纳: the project in the same transaction; author and supporters told)',
    fn: 'participation',
    action: 'answer',
    caller: 'committee',
    setup: reached,
    payload: (p) => ({ proposalId: p.id, version: p.version, requestId: 'crash-answer', answer: { kind: 'adopt', text: '采纳，列入微更新' } }),
    settle: outbox,
  }),
  scenario({
    name: 'participation.answer (合并 into another proposal)',
    fn: 'participation',
    action: 'answer',
    caller: 'committee',
    setup: async (h) => {
      const p = await reached(h);
      const other = await proposed(h, 'crash-setup-other');
      return { ...p, into: other.id };
    },
    payload: (p) => ({ proposalId: p.id, version: p.version, requestId: 'crash-merge', answer: { kind: 'merge', text: '与另一条合并办理', intoId: p.into } }),
    settle: outbox,
  }),
  scenario({ name: 'participation.createProject', fn: 'participation', action: 'createProject', caller: 'committee', payload: () => ({ project: PROJECT, requestId: 'crash-project' }) }),
  scenario({
    name: 'participation.editProject',
    fn: 'participation',
    action: 'editProject',
    caller: 'committee',
    setup: projectOf,
    payload: (p) => ({ projectId: p.id, version: p.version, project: { ...PROJECT, title: '非机动车棚改造（二期）' }, status: 'paused' }),
  }),
  scenario({
    name: 'participation.progress (its photo checked, a follower who allowed it told once)',
    fn: 'participation',
    action: 'progress',
    caller: 'gridLeader',
    setup: async (h) => {
      await allow(h, 'resident', ['project-progress'], 'follower');
      const p = await projectOf(h);
      await h.call('participation', 'follow', { projectId: p.id, on: true }, h.identities.resident);
      return p;
    },
    payload: (p) => ({ projectId: p.id, requestId: 'crash-progress', update: { date: '2026-03-10', percent: 40, text: '地面已平整', photosBefore: [], photosAfter: ['cloud://env/projects/shed-after.jpg'] } }),
    settle: outbox,
  }),
  scenario({ name: 'participation.project (read)', fn: 'participation', action: 'project', caller: 'resident', setup: projectOf, payload: (p) => ({ projectId: p.id }) }),
  scenario({ name: 'participation.timeline (read)', fn: 'participation', action: 'timeline', caller: 'resident', setup: projectOf, payload: (p) => ({ projectId: p.id }) }),
  scenario({ name: 'participation.follow', fn: 'participation', action: 'follow', caller: 'resident', setup: projectOf, payload: (p) => ({ projectId: p.id, on: true }) }),
  scenario({
    name: 'participation@proposal-clocks (one archived, one answer overdue; the author told)',
    fn: 'participation',
    timer: 'proposal-clocks',
    setup: async (h) => {
      await allow(h, 'resident', ['proposal-answered'], 'author');
      await lowThreshold(h);
      await past(h, 11 * DAY, () => proposed(h, 'crash-setup-old'));
      await past(h, 6 * DAY, async () => {
        const p = await proposed(h, 'crash-setup-late');
        await h.call('participation', 'support', { proposalId: p.id }, h.identities.member);
        await h.call('participation', 'support', { proposalId: p.id }, h.identities.applicant1);
      });
    },
    settle: outbox,
  }),
  scenario({
    name: 'participation@message-outbox (a message a crashed call left queued)',
    fn: 'participation',
    timer: 'message-outbox',
    setup: async (h) => {
      await allow(h, 'committee', ['proposal-reached'], 'committee');
      h.stack.wechat.refusingOpenids.add('nobody');
      const p = await past(h, 10 * 60_000, () => almost(h));
      await past(h, 10 * 60_000, () => h.call('participation', 'support', { proposalId: p.id }, h.identities.applicant1));
    },
  }),
];
