import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import {
  DEFAULT_CHECKIN_GRACE_MINUTES_AFTER,
  DEFAULT_CHECKIN_OPENS_MINUTES_BEFORE,
  EVENT_TYPES,
  type EventSummaryView,
  type EventView,
  type InvitationView,
  type MySignupView,
  type SignupView,
  type SkillSuggestionView,
} from '../domain/event';
import type { Page } from '../result';
import { idSchema, instantSchema, multilineText, photoSchema, requestIdSchema as requestId, requiredText } from '../schemas';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const minutes = (label: string, fallback: number) =>
  v.optional(v.pipe(v.number(`请填写${label}`), v.integer(`${label}要是整数`), v.minValue(0, `${label}不能为负`), v.maxValue(240, `${label}最多240分钟`)), fallback);
const instant = instantSchema;

const roleInput = v.object({
  key: v.pipe(v.string('岗位编号不对'), v.regex(/^[a-z0-9-]{1,20}$/, '岗位编号不对')),
  name: requiredText('岗位名称', 20),
  places: v.pipe(v.number('请填写名额'), v.integer('名额要是整数'), v.minValue(1, '名额至少1个'), v.maxValue(500, '名额最多500个')),
  skills: v.optional(v.pipe(v.array(requiredText('技能', 12)), v.maxLength(5, '每个岗位最多5项技能')), []),
});
export type RoleInput = v.InferInput<typeof roleInput>;

const audience = v.variant('kind', [
  v.object({ kind: v.literal('community') }),
  v.object({ kind: v.literal('members') }),
  v.object({ kind: v.literal('council'), councilId: id }),
], '请选择活动对象');

/** One event as the organizer's form sends it (also checked in the form before sending). */
export const eventFields = v.pipe(
  v.object({
    title: requiredText('活动名称', 30),
    description: multilineText('活动介绍', 500),
    type: v.picklist(EVENT_TYPES, '请选择活动类型'),
    place: requiredText('活动地点', 40),
    /** The cover image (a fileID); empty for none. */
    cover: photoSchema,
    startAt: instant('开始时间'),
    endAt: instant('结束时间'),
    audience,
    signupOpensAt: instant('报名开始时间'),
    signupClosesAt: instant('报名截止时间'),
    roles: v.pipe(
      v.array(roleInput, '请至少设置一个岗位'),
      v.minLength(1, '请至少设置一个岗位'),
      v.maxLength(10, '最多10个岗位'),
      v.check((roles) => new Set(roles.map((r) => r.key)).size === roles.length, '岗位不能重复'),
    ),
    allowWalkIns: v.optional(v.boolean(), false),
    checkinOpensMinutesBefore: minutes('签到提前时间', DEFAULT_CHECKIN_OPENS_MINUTES_BEFORE),
    checkinGraceMinutesAfter: minutes('签退宽限时间', DEFAULT_CHECKIN_GRACE_MINUTES_AFTER),
    /** The organizing sub-council, when a council chair organizes it. */
    councilId: v.optional(id),
  }),
  v.forward(v.check((e) => e.endAt > e.startAt, '结束时间要晚于开始时间'), ['endAt']),
  v.forward(v.check((e) => e.signupClosesAt > e.signupOpensAt, '报名截止要晚于报名开始'), ['signupClosesAt']),
  v.forward(v.check((e) => e.signupClosesAt <= e.endAt, '报名截止不能晚于活动结束'), ['signupClosesAt']),
);
export type EventInput = v.InferInput<typeof eventFields>;

const EDIT_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'EVENTS.COUNCIL_NOT_FOUND'] as const;
const SIGNUP_ERRORS = [
  'COMMON.FORBIDDEN',
  'COMMON.NOT_FOUND',
  'EVENTS.CANCELLED',
  'EVENTS.NOT_OPEN',
  'EVENTS.CLOSED',
  'EVENTS.NOT_IN_AUDIENCE',
  'EVENTS.ROLE_NOT_FOUND',
  'EVENTS.PERSON_NOT_FOUND',
] as const;

export const eventsActions = {
  /** Upcoming published events of the caller's 居民区 that the caller may join, soonest first, 20 a page. */
  list: action<Page<EventSummaryView> & { canManage: boolean }>()({
    input: v.object({ page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** One event with its roles, places left, waiting counts and the caller's own sign-up. */
  get: action<{ event: EventView }>()({
    input: v.object({ eventId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** The caller's own sign-ups (not cancelled), newest first. */
  mine: action<Page<EventSummaryView>>()({
    input: v.object({ page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** An organizer publishes an event; the form's request id makes a retry create it once. */
  create: action<{ event: EventView }>()({
    input: v.object({ event: eventFields, requestId }),
    errors: EDIT_ERRORS,
  }),

  /** An organizer changes an event; roles keep their keys, places never drop below those taken. */
  update: action<{ event: EventView }>()({
    input: v.object({ eventId: id, event: eventFields }),
    errors: [...EDIT_ERRORS, 'EVENTS.CANCELLED', 'EVENTS.ENDED', 'EVENTS.PLACES_BELOW_TAKEN', 'EVENTS.ROLE_REMOVED'],
  }),

  /** An organizer cancels an event; everyone signed up or waiting is told. */
  cancel: action<{ event: EventView; notified: number }>()({
    input: v.object({ eventId: id, reason: requiredText('取消原因', 100) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'EVENTS.ENDED'],
  }),

  /** An organizer copies an event (roles and places, no sign-ups), moved to a new start. */
  duplicate: action<{ event: EventView }>()({
    input: v.object({ eventId: id, startAt: instant('开始时间'), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Signs the caller (or, for a grid leader, a resident of their grid) up for a role: a place, or the waiting list. */
  signUp: action<{ signup: MySignupView }>()({
    input: v.object({ eventId: id, roleKey: id, forMemberId: v.optional(id) }),
    errors: SIGNUP_ERRORS,
  }),

  /** Cancels a sign-up before the deadline; a freed place goes to the first waiting person for that role. */
  cancelSignup: action<{ signup: MySignupView | null }>()({
    input: v.object({ eventId: id, forMemberId: v.optional(id) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'EVENTS.CLOSED', 'EVENTS.NOT_SIGNED_UP', 'EVENTS.PERSON_NOT_FOUND'],
  }),

  /**
   * For an organizer: approved members of the 居民区 with a skill the role wants, who let the organizer see their
   * skills, not yet signed up; those free at the event's time first. At most 20.
   */
  suggest: action<{ items: SkillSuggestionView[] }>()({
    input: v.object({ eventId: id, roleKey: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'EVENTS.ROLE_NOT_FOUND'],
  }),

  /**
   * The organizer invites suggested members to a role. Idempotent per (event, member): inviting again changes
   * nothing. Only members of the event's 居民区; anyone else answers COMMON.NOT_FOUND.
   */
  invite: action<{ invited: number }>()({
    input: v.object({
      eventId: id,
      roleKey: id,
      memberIds: v.pipe(v.array(id, '请选择要邀请的成员'), v.minLength(1, '请选择要邀请的成员'), v.maxLength(20, '一次最多邀请20人')),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'EVENTS.ROLE_NOT_FOUND', 'EVENTS.CANCELLED', 'EVENTS.ENDED'],
  }),

  /** The caller's invitations to upcoming events they have not signed up for, newest first. */
  invitations: action<{ items: InvitationView[] }>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /** The organizer's list of sign-ups, in arrival order, 20 a page. */
  signups: action<Page<SignupView>>()({
    input: v.object({ eventId: id, page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),
} satisfies ActionMap;
