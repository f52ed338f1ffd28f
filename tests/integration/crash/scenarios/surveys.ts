import type { SurveyInput } from '../../../../src/shared/actions/surveys';
import { FROZEN_AT, scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';

/**
 * The surveys function's writing actions and its close timer for the crash matrix (docs/crash-safety.md). A draft
 * is one keyed insert; an edit, publish and close are one conditional write on the version; an answer and its tally
 * shard are one transaction; the close timer queues the creator's message (keyed) before its conditional close.
 * Read actions that need a survey have rows here with no write point.
 */

const DAY = 24 * 60 * 60_000;

/** A questionnaire open from `now` (the matrix's frozen instant unless told) for a week. */
function input(now = FROZEN_AT, extra: Partial<SurveyInput> = {}): SurveyInput {
  return {
    title: '非机动车棚意见征询',
    intro: '',
    questions: [
      { key: 'q1', kind: 'single', title: '是否同意加装', options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }] },
      { key: 'q2', kind: 'text', title: '其他建议', required: false },
    ],
    audience: { kind: 'community' },
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 7 * DAY).toISOString(),
    anonymous: false,
    results: 'live',
    ...extra,
  };
}

interface Made {
  id: string;
  version: number;
}

async function draft(h: Harness, extra: Partial<SurveyInput> = {}): Promise<Made> {
  const s = (await h.call('surveys', 'create', { survey: input(h.stack.clock.nowMs(), extra), requestId: 'crash-setup-create' }, h.identities.committee)).survey;
  return { id: s.id, version: s.version };
}

async function open(h: Harness, extra: Partial<SurveyInput> = {}): Promise<Made> {
  const d = await draft(h, extra);
  const s = (await h.call('surveys', 'publish', { surveyId: d.id, version: d.version }, h.identities.committee)).survey;
  return { id: s.id, version: s.version };
}

async function answered(h: Harness): Promise<Made> {
  const s = await open(h);
  await h.call('surveys', 'answer', { surveyId: s.id, answer: { q1: { options: ['o1'] }, q2: { text: '希望有充电桩' } } }, h.identities.member);
  return s;
}

export const scenarios: CrashScenario[] = [
  scenario({
    name: 'surveys.create',
    fn: 'surveys',
    action: 'create',
    caller: 'committee',
    payload: () => ({ survey: input(), requestId: 'crash-create' }),
  }),
  scenario({
    name: 'surveys.update',
    fn: 'surveys',
    action: 'update',
    caller: 'committee',
    setup: (h) => draft(h),
    payload: (d: Made) => ({ surveyId: d.id, version: d.version, survey: { ...input(), title: '改过的标题' } }),
  }),
  scenario({
    name: 'surveys.publish',
    fn: 'surveys',
    action: 'publish',
    caller: 'committee',
    setup: (h) => draft(h),
    payload: (d: Made) => ({ surveyId: d.id, version: d.version }),
  }),
  scenario({
    name: 'surveys.close',
    fn: 'surveys',
    action: 'close',
    caller: 'committee',
    setup: (h) => open(h),
    payload: (s: Made) => ({ surveyId: s.id, version: s.version }),
  }),
  scenario({
    name: 'surveys.answer (first answer)',
    fn: 'surveys',
    action: 'answer',
    caller: 'resident',
    setup: (h) => open(h),
    payload: (s: Made) => ({ surveyId: s.id, answer: { q1: { options: ['o2'] } } }),
  }),
  scenario({
    name: 'surveys.answer (anonymous, changed: the tallies move once)',
    fn: 'surveys',
    action: 'answer',
    caller: 'member',
    setup: async (h) => {
      const s = await open(h, { anonymous: true });
      await h.call('surveys', 'answer', { surveyId: s.id, answer: { q1: { options: ['o1'] } } }, h.identities.member);
      return s;
    },
    payload: (s: Made) => ({ surveyId: s.id, answer: { q1: { options: ['o2'] }, q2: { text: '改主意了' } } }),
  }),
  scenario({ name: 'surveys.get', fn: 'surveys', action: 'get', caller: 'member', setup: answered, payload: (s: Made) => ({ surveyId: s.id }) }),
  scenario({ name: 'surveys.results', fn: 'surveys', action: 'results', caller: 'member', setup: answered, payload: (s: Made) => ({ surveyId: s.id }) }),
  scenario({ name: 'surveys.named', fn: 'surveys', action: 'named', caller: 'committee', setup: answered, payload: (s: Made) => ({ surveyId: s.id }) }),
  scenario({ name: 'surveys.exportCsv', fn: 'surveys', action: 'exportCsv', caller: 'committee', setup: answered, payload: (s: Made) => ({ surveyId: s.id }) }),
  scenario({
    name: 'surveys@survey-close (two due, one not yet)',
    fn: 'surveys',
    timer: 'survey-close',
    setup: async (h) => {
      // The creator allowed one 问卷结束通知 per survey: a message sent twice or never shows in the comparison.
      for (const i of [1, 2, 3]) await h.call('members', 'grantSubscriptions', { requestId: `crash-grant-survey-${i}`, templates: ['survey-closed'] }, h.identities.committee);
      h.stack.clock.offsetMs = -8 * DAY;
      try {
        for (const [i, days] of [[1, 2], [2, 3], [3, 30]] as const) {
          const now = h.stack.clock.nowMs();
          const s = (await h.call('surveys', 'create', { survey: { ...input(now), closesAt: new Date(now + days * DAY).toISOString() }, requestId: `crash-setup-close-${i}` }, h.identities.committee)).survey;
          await h.call('surveys', 'publish', { surveyId: s.id, version: s.version }, h.identities.committee);
        }
      } finally {
        h.stack.clock.offsetMs = 0;
      }
    },
  }),
  scenario({
    name: 'surveys@message-outbox (after a close run; its message already sent)',
    fn: 'surveys',
    timer: 'message-outbox',
    setup: async (h) => {
      await h.call('members', 'grantSubscriptions', { requestId: 'crash-grant-survey-outbox', templates: ['survey-closed'] }, h.identities.committee);
      h.stack.clock.offsetMs = -8 * DAY;
      try {
        const now = h.stack.clock.nowMs();
        const s = (await h.call('surveys', 'create', { survey: { ...input(now), closesAt: new Date(now + DAY).toISOString() }, requestId: 'crash-setup-outbox' }, h.identities.committee)).survey;
        await h.call('surveys', 'publish', { surveyId: s.id, version: s.version }, h.identities.committee);
      } finally {
        h.stack.clock.offsetMs = 0;
      }
      await h.timer('surveys', 'survey-close');
    },
  }),
];
