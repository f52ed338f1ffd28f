import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import {
  ANSWER_KINDS,
  MAX_PROJECT_EVENTS,
  MAX_PROJECT_MILESTONES,
  MAX_PROPOSAL_PHOTOS,
  PROJECT_STATUSES,
  PROPOSAL_STATES,
  type ParticipationSettingsView,
  type ProjectSummaryView,
  type ProjectUpdateView,
  type ProjectView,
  type ProposalCommentView,
  type ProposalSummaryView,
  type ProposalView,
  type StreetProjectRow,
} from '../domain/participation';
import type { Page } from '../result';
import { idSchema, multilineText, requestIdSchema as requestId, requiredMultilineText, requiredText, text } from '../schemas';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const categoryKey = v.pipe(v.string('请选择议题类别'), v.regex(/^[a-z0-9-]{1,20}$/, '请选择议题类别'));
/** The version the caller saw: a change applies only if nobody changed it since. */
const version = v.pipe(v.number('请刷新后再试'), v.integer('请刷新后再试'), v.minValue(0, '请刷新后再试'), v.maxValue(1_000_000, '请刷新后再试'));
const day = (label: string) => v.pipe(v.string(`请选择${label}`), v.regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `请选择${label}`));
const count = (label: string, min: number, max: number) =>
  v.pipe(v.number(`请填写${label}`), v.integer(`${label}要是整数`), v.minValue(min, `${label}至少${min}`), v.maxValue(max, `${label}最多${max}`));

const photo = v.pipe(
  v.string('照片地址不对'),
  v.maxLength(512, '照片地址太长'),
  v.regex(/^(https:\/\/|cloud:\/\/)\S+$/, '照片地址要以 https:// 或 cloud:// 开头'),
);
const photos = v.optional(v.pipe(v.array(photo, '照片不对'), v.maxLength(MAX_PROPOSAL_PHOTOS, `最多${MAX_PROPOSAL_PHOTOS}张照片`)), []);

/** What a resident writes (also checked in the form before sending). */
export const proposalFields = v.object({
  title: requiredText('标题', 30, '请给议题起个标题'),
  text: requiredMultilineText('议题内容', 1000, '请说说你的想法'),
  categoryKey,
  place: v.optional(text('地点', 40), ''),
  photos,
});
export type ProposalInput = v.InferInput<typeof proposalFields>;

const categoryInput = v.object({
  key: categoryKey,
  name: requiredText('类别名称', 10),
  councilId: v.optional(v.nullable(id), null),
  active: v.optional(v.boolean(), true),
});

/** The committee's settings form. */
export const participationSettingsFields = v.object({
  threshold: count('支持人数门槛', 2, 2000),
  windowDays: count('征集天数', 1, 365),
  answerDays: count('答复时限天数', 1, 90),
  categories: v.pipe(
    v.array(categoryInput, '请至少保留一个类别'),
    v.minLength(1, '请至少保留一个类别'),
    v.maxLength(20, '最多20个类别'),
    v.check((cs) => new Set(cs.map((c) => c.key)).size === cs.length, '类别不能重复'),
    v.check((cs) => cs.some((c) => c.active !== false), '请至少保留一个在用的类别'),
  ),
});
export type ParticipationSettingsInput = v.InferInput<typeof participationSettingsFields>;

const milestone = v.object({ title: requiredText('节点名称', 30), due: day('节点日期'), done: v.optional(v.boolean(), false) });

/** The committee's project form (also what an adoption fills in). */
export const projectFields = v.object({
  title: requiredText('项目名称', 30),
  goal: requiredMultilineText('项目目标', 500),
  place: v.optional(text('地点', 40), ''),
  ownerCouncilId: v.optional(v.nullable(id), null),
  milestones: v.optional(v.pipe(v.array(milestone, '节点不对'), v.maxLength(MAX_PROJECT_MILESTONES, `最多${MAX_PROJECT_MILESTONES}个节点`)), []),
  eventIds: v.optional(v.pipe(v.array(id, '活动不对'), v.maxLength(MAX_PROJECT_EVENTS, `最多关联${MAX_PROJECT_EVENTS}个活动`)), []),
});
export type ProjectInput = v.InferInput<typeof projectFields>;

/** An official answer; 不采纳 and 合并 need a reason, 合并 a target, 采纳 the project it becomes. */
const answerFields = v.pipe(
  v.object({
    kind: v.picklist(ANSWER_KINDS, '请选择答复结果'),
    text: v.optional(multilineText('答复内容', 500), ''),
    intoId: v.optional(id),
    project: v.optional(projectFields),
  }),
  v.forward(v.check((a) => (a.kind !== 'reject' && a.kind !== 'merge') || a.text.trim() !== '', '不采纳或合并时请写明理由'), ['text']),
  v.forward(v.check((a) => a.kind !== 'merge' || !!a.intoId, '请选择要并入的议题'), ['intoId']),
);

const progressFields = v.object({
  date: day('日期'),
  percent: count('进度', 0, 100),
  text: requiredMultilineText('进展说明', 500),
  photosBefore: photos,
  photosAfter: photos,
});

const PROPOSAL_CHANGE_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'PROPOSALS.CHANGED', 'PROPOSALS.WRONG_STATE'] as const;
const PROJECT_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'PROJECTS.CHANGED'] as const;

export const participationActions = {
  /** The caller's 居民区's threshold, window, answer time and categories (active ones for residents). */
  settings: action<ParticipationSettingsView>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /** The committee changes threshold, window, answer time and categories (each may name its sub-council). */
  saveSettings: action<ParticipationSettingsView>()({
    input: v.object({ settings: participationSettingsFields }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED', 'PROPOSALS.COUNCIL_NOT_FOUND'],
  }),

  /** A resident with a profile writes a proposal; the request id makes a retry write it once. */
  propose: action<{ proposal: ProposalView }>()({
    input: v.object({ proposal: proposalFields, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED', 'PROPOSALS.CATEGORY_NOT_FOUND'],
  }),

  /** The 居民区's proposals, newest first, 20 a page; `mine`: the caller's own; `toAnswer`: those the caller answers. */
  proposals: action<Page<ProposalSummaryView>>()({
    input: v.object({
      page,
      state: v.optional(v.picklist(PROPOSAL_STATES, '请选择状态')),
      mine: v.optional(v.boolean()),
      toAnswer: v.optional(v.boolean()),
    }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** One proposal with its answer, as the caller may see it. */
  proposal: action<{ proposal: ProposalView }>()({ input: v.object({ proposalId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Supports a collecting proposal: one support per resident, idempotent; may cross the threshold (once). */
  support: action<{ proposal: ProposalView }>()({
    input: v.object({ proposalId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'PROPOSALS.WRONG_STATE'],
  }),

  /** Withdraws the caller's support while the proposal is still collecting. Idempotent. */
  withdraw: action<{ proposal: ProposalView }>()({
    input: v.object({ proposalId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'PROPOSALS.WRONG_STATE'],
  }),

  /** Comments on a proposal, oldest first, 20 a page; hidden ones show only the reason. */
  comments: action<Page<ProposalCommentView>>()({
    input: v.object({ proposalId: id, page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** A neighbour comments (content-checked); the request id makes a retry write it once. */
  comment: action<{ comment: ProposalCommentView }>()({
    input: v.object({ proposalId: id, text: requiredMultilineText('评论', 300), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'PROPOSALS.WRONG_STATE'],
  }),

  /** The committee hides a comment with a reason; it stays listed as hidden. */
  hideComment: action<{ comment: ProposalCommentView }>()({
    input: v.object({ commentId: id, reason: requiredText('隐藏原因', 50) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED'],
  }),

  /**
   * The committee or the routed sub-council's chair answers a proposal that reached the threshold: 采纳 makes the
   * project (linked back) in the same transaction; author and supporters are told.
   */
  answer: action<{ proposal: ProposalView }>()({
    input: v.object({ proposalId: id, version, requestId, answer: answerFields }),
    errors: [...PROPOSAL_CHANGE_ERRORS, 'COMMON.CONTENT_REJECTED', 'PROPOSALS.MERGE_TARGET', 'PROJECTS.COUNCIL_NOT_FOUND', 'PROJECTS.EVENT_NOT_FOUND'],
  }),

  /** The committee creates a project; the request id makes a retry create it once. */
  createProject: action<{ project: ProjectView }>()({
    input: v.object({ project: projectFields, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED', 'PROJECTS.COUNCIL_NOT_FOUND', 'PROJECTS.EVENT_NOT_FOUND'],
  }),

  /** The committee edits goal, place, owner, milestones, linked events and status. */
  editProject: action<{ project: ProjectView }>()({
    input: v.object({ projectId: id, version, project: projectFields, status: v.picklist(PROJECT_STATUSES, '请选择状态') }),
    errors: [...PROJECT_ERRORS, 'COMMON.CONTENT_REJECTED', 'PROJECTS.COUNCIL_NOT_FOUND', 'PROJECTS.EVENT_NOT_FOUND'],
  }),

  /** The committee or the owner sub-council's chair posts a dated progress update; followers are told. */
  progress: action<{ project: ProjectView; update: ProjectUpdateView }>()({
    input: v.object({ projectId: id, requestId, update: progressFields }),
    errors: [...PROJECT_ERRORS, 'COMMON.CONTENT_REJECTED'],
  }),

  /** The 居民区's projects, recently updated first, 20 a page; `canManage`: the caller may create one (新建项目). */
  projects: action<Page<ProjectSummaryView> & { canManage: boolean }>()({
    input: v.object({ page, status: v.optional(v.picklist(PROJECT_STATUSES, '请选择状态')), followed: v.optional(v.boolean()) }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** One project. */
  project: action<{ project: ProjectView }>()({ input: v.object({ projectId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** A project's progress updates, newest first, 20 a page. */
  timeline: action<Page<ProjectUpdateView>>()({ input: v.object({ projectId: id, page }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Follows (true) or unfollows (false) a project; idempotent. */
  follow: action<{ project: ProjectView }>()({
    input: v.object({ projectId: id, on: v.boolean('请选择关注或取消') }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** The 街道: every project of every 居民区 of the street, without personal detail, 50 a page. */
  streetProjects: action<Page<StreetProjectRow>>()({
    input: v.object({ page, status: v.optional(v.picklist(PROJECT_STATUSES, '请选择状态')) }),
    errors: ['COMMON.FORBIDDEN'],
  }),
} satisfies ActionMap;
