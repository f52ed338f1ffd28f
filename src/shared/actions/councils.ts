import * as v from 'valibot';
import { idSchema, requestIdSchema as requestId, requiredMultilineText, requiredText } from '../schemas';
import type { ActionMap } from '../action';
import { action } from '../action';
import type {
  ChairView,
  CouncilAbilities,
  CouncilDetail,
  CouncilMemberView,
  CouncilSummary,
  PositionView,
} from '../domain/council';
import type { Page } from '../result';
import { isValidDate, MAX_ORDER, MAX_TERM_DAYS } from '../rules/rotation';

const id = idSchema(64);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
/** Made by the page once per form, so a retried submission is recognised as the same one. */
const term = v.pipe(v.number('请选择哪一任'), v.integer('请选择哪一任'), v.minValue(0, '请选择哪一任'), v.maxValue(100_000, '请选择哪一任'));
const reason = requiredMultilineText('原因', 100);
const councilName = requiredText('名称', 12);

/** What the rotation-changing actions answer: the rotation now in force and who chairs now and next. */
export interface RotationChangeResult {
  rotationId: string;
  current: ChairView | null;
  next: ChairView | null;
}

export const councilsActions = {
  /** The councils of the caller's 居民区 in order, 20 a page; the committee may include retired ones. */
  list: action<Page<CouncilSummary> & { now: string; canJoin: boolean }>()({
    input: v.object({ page, includeRetired: v.optional(v.boolean(), false) }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** One council: positions, rotation plan and history, and what the caller may do there. */
  detail: action<{ council: CouncilDetail; can: CouncilAbilities; now: string }>()({
    input: v.object({ councilId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** A council's members, by name, 20 a page: the committee and the council's current chair. */
  members: action<Page<CouncilMemberView>>()({
    input: v.object({ councilId: id, page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** An echelon member joins a council; joining again changes nothing. */
  join: action<{ councilIds: string[] }>()({
    input: v.object({ councilId: id }),
    errors: ['COUNCILS.MEMBERS_ONLY', 'COMMON.NOT_FOUND', 'COUNCILS.RETIRED'],
  }),

  /** A member leaves a council (a retired one too); leaving again changes nothing. */
  leave: action<{ councilIds: string[] }>()({
    input: v.object({ councilId: id }),
    errors: ['COUNCILS.MEMBERS_ONLY', 'COMMON.NOT_FOUND'],
  }),

  /** The committee adds a 分会. */
  create: action<{ council: { id: string; name: string; active: boolean } }>()({
    input: v.object({ name: councilName, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COUNCILS.NAME_TAKEN', 'COUNCILS.TOO_MANY', 'COMMON.CONTENT_REJECTED'],
  }),

  rename: action<{ council: { id: string; name: string; active: boolean } }>()({
    input: v.object({ councilId: id, name: councilName }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COUNCILS.NAME_TAKEN', 'COMMON.CONTENT_REJECTED'],
  }),

  /** A retired council keeps its members, positions and history, and takes no new members. */
  retire: action<{ council: { id: string; name: string; active: boolean } }>()({
    input: v.object({ councilId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COUNCILS.MAIN_CANNOT_RETIRE'],
  }),

  restore: action<{ council: { id: string; name: string; active: boolean } }>()({
    input: v.object({ councilId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** The committee sets the council's positions (会长, 副会长, 秘书长, ...), held by its members. */
  setPositions: action<{ positions: PositionView[] }>()({
    input: v.object({
      councilId: id,
      positions: v.pipe(
        v.array(v.object({ title: requiredText('职务', 10), memberId: id }), '职务格式不对'),
        v.maxLength(10, '最多设10个职务'),
      ),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COUNCILS.RETIRED', 'COUNCILS.NOT_COUNCIL_MEMBER', 'COMMON.CONTENT_REJECTED'],
  }),

  /** A new rotation: the order of members and the term length from a start date; starts a fresh schedule. */
  setRotation: action<RotationChangeResult>()({
    input: v.object({
      councilId: id,
      order: v.pipe(
        v.array(id, '请排好轮值顺序'),
        v.minLength(1, '请至少选一位成员'),
        v.maxLength(MAX_ORDER, `最多排${MAX_ORDER}位成员`),
        v.check((list) => new Set(list).size === list.length, '同一位成员只能排一次'),
      ),
      termDays: v.pipe(
        v.number('请填写每任天数'),
        v.integer('每任天数要是整数'),
        v.minValue(1, '每任至少1天'),
        v.maxValue(MAX_TERM_DAYS, `每任最多${MAX_TERM_DAYS}天`),
      ),
      startDate: v.pipe(v.string('请选择开始日期'), v.check(isValidDate, '请选择开始日期')),
      requestId,
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COUNCILS.RETIRED', 'COUNCILS.NOT_COUNCIL_MEMBER'],
  }),

  /** The chair due at `term` hands over to the next in the order; everyone after moves up by one. */
  skip: action<RotationChangeResult>()({
    input: v.object({ councilId: id, rotationId: id, term, memberId: id, reason }),
    errors: [
      'COMMON.FORBIDDEN',
      'COMMON.NOT_FOUND',
      'COUNCILS.RETIRED',
      'COUNCILS.NO_ROTATION',
      'COUNCILS.ROTATION_CHANGED',
      'COUNCILS.TERM_PASSED',
      'COUNCILS.NOBODY_ELSE',
      'COMMON.CONTENT_REJECTED',
    ],
  }),

  /** The chairs of `term` and `term + 1` exchange turns. */
  swap: action<RotationChangeResult>()({
    input: v.object({ councilId: id, rotationId: id, term, memberId: id, otherMemberId: id, reason }),
    errors: [
      'COMMON.FORBIDDEN',
      'COMMON.NOT_FOUND',
      'COUNCILS.RETIRED',
      'COUNCILS.NO_ROTATION',
      'COUNCILS.ROTATION_CHANGED',
      'COUNCILS.TERM_PASSED',
      'COUNCILS.SWAP_SAME',
      'COMMON.CONTENT_REJECTED',
    ],
  }),
} satisfies ActionMap;
