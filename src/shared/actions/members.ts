import * as v from 'valibot';
import { action } from '../action';
import type { CommunityOption } from '../domain/community';
import {
  AVAILABILITY_OPTIONS,
  FIELD_VISIBILITIES,
  PROMOTABLE_ROLES,
  type ApplicationView,
  type ChildView,
  type HistoryEntry,
  type MemberView,
  type MyData,
  type PrivacyStatus,
  type ProxyLogEntry,
} from '../domain/member';
import type { Page } from '../result';
import { idSchema, multilineText, requestIdSchema as requestId, requiredText, text } from '../schemas';
import { MAX_TEMPLATES_PER_TAP, TEMPLATE_KEYS, type TemplateKey } from '../subscriptions';

const id = idSchema(64);
const tags = (label: string) =>
  v.pipe(
    v.array(requiredText(label, 12), `${label}格式不对`),
    v.maxLength(20, `${label}最多选20个`),
    v.transform((list) => [...new Set(list)]),
  );
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const phone = v.optional(
  v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.regex(/^1\d{10}$/, '请填写11位手机号'))], '请填写11位手机号'),
  '',
);
const visibility = v.picklist(FIELD_VISIBILITIES, '请选择谁可以看到');

export const membersActions = {
  /** Every 居民区 a newcomer may choose from. */
  listCommunities: action<{ items: CommunityOption[] }>()({ input: v.object({}), errors: [] }),

  /** The caller's own record, created on the first call. */
  me: action<{ member: MemberView; community: CommunityOption | null; privacy: PrivacyStatus }>()({
    input: v.object({}),
    errors: [],
  }),

  /** A newcomer picks their 居民区 once (from the list, or from a community's QR code or share card). */
  chooseCommunity: action<{ member: MemberView; community: CommunityOption; privacy: PrivacyStatus }>()({
    input: v.object({ communityId: id }),
    errors: ['MEMBERS.COMMUNITY_NOT_FOUND', 'MEMBERS.COMMUNITY_ALREADY_SET'],
  }),

  updateProfile: action<{ member: MemberView }>()({
    input: v.object({
      name: requiredText('姓名', 20),
      building: requiredText('楼栋', 20),
      room: requiredText('门牌', 10),
      phone,
      skills: v.optional(tags('技能'), []),
      interests: v.optional(tags('兴趣'), []),
      availability: v.optional(
        v.pipe(v.array(v.picklist(AVAILABILITY_OPTIONS, '请选择空闲时间')), v.transform((list) => [...new Set(list)])),
        [],
      ),
      /** Optional, picked from a list: omitted keeps it, null clears it. */
      birthYear: v.optional(
        v.nullable(v.pipe(v.number('请选择出生年份'), v.integer('请选择出生年份'), v.minValue(1900, '请选择出生年份'), v.maxValue(2030, '请选择出生年份'))),
      ),
      /** Omitted: keep what they chose before. */
      visibility: v.optional(
        v.object({ skills: visibility, interests: visibility, availability: visibility, phone: visibility }),
      ),
    }),
    errors: ['MEMBERS.NO_COMMUNITY', 'MEMBERS.CONSENT_REQUIRED', 'COMMON.CONTENT_REJECTED'],
  }),

  /** Accept the privacy text of `version` (it must be the current one). */
  acceptPrivacy: action<{ version: string }>()({
    input: v.object({ version: requiredText('版本', 20) }),
    errors: ['MEMBERS.PRIVACY_OUTDATED'],
  }),

  /** Ask to join the second echelon. */
  apply: action<{ member: MemberView }>()({
    input: v.object({ motivation: v.optional(multilineText('申请理由', 200), '') }),
    errors: [
      'MEMBERS.NO_COMMUNITY',
      'MEMBERS.CONSENT_REQUIRED',
      'MEMBERS.PROFILE_INCOMPLETE',
      'MEMBERS.ALREADY_PENDING',
      'MEMBERS.ALREADY_MEMBER',
      'COMMON.CONTENT_REJECTED',
    ],
  }),

  /** The committee's review list, newest first, 20 a page. */
  listApplications: action<Page<ApplicationView>>()({
    input: v.object({
      status: v.optional(v.picklist(['pending', 'approved', 'rejected']), 'pending'),
      page,
    }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The committee approves or refuses (a refusal needs a reason the resident will read). */
  review: action<{ application: ApplicationView }>()({
    input: v.object({
      memberId: id,
      decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'),
      reason: v.optional(multilineText('原因', 200), ''),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'MEMBERS.NOT_PENDING', 'MEMBERS.REASON_REQUIRED'],
  }),

  /** Everything stored about the caller (also their JSON export). */
  myData: action<MyData>()({ input: v.object({}), errors: [] }),

  /** Erases the caller's profile; records others need stay, no longer linked to them. */
  deleteAccount: action<{ deleted: true }>()({
    input: v.object({ confirm: v.literal('注销', '请输入“注销”确认') }),
    errors: [],
  }),

  /** A guardian registers a child in the 小小梯队; consent is required by law for children's data. */
  addChild: action<{ child: ChildView }>()({
    input: v.object({
      name: requiredText('孩子的称呼', 10),
      birthYear: v.pipe(v.number('请选择出生年份'), v.integer(), v.minValue(2006, '小小梯队面向18岁以下的孩子'), v.maxValue(2030)),
      guardianConsent: v.literal(true, '请确认你是孩子的监护人并同意登记'),
    }),
    errors: ['MEMBERS.NO_COMMUNITY', 'MEMBERS.CONSENT_REQUIRED', 'MEMBERS.CHILD_TOO_OLD', 'COMMON.CONTENT_REJECTED'],
  }),

  listChildren: action<{ items: ChildView[] }>()({ input: v.object({}), errors: [] }),

  removeChild: action<{ removed: boolean }>()({ input: v.object({ childId: id }), errors: ['COMMON.NOT_FOUND'] }),

  /** A grid leader (their grids) or the committee registers an elderly resident who does not use WeChat. */
  createForResident: action<{ member: MemberView }>()({
    input: v.object({
      name: requiredText('姓名', 20),
      building: requiredText('楼栋', 20),
      room: requiredText('门牌', 10),
      phone,
      skills: v.optional(tags('技能'), []),
      note: v.optional(multilineText('备注', 100), ''),
    }),
    errors: ['COMMON.FORBIDDEN', 'MEMBERS.BUILDING_OUTSIDE_GRID', 'MEMBERS.ALREADY_REGISTERED', 'COMMON.CONTENT_REJECTED'],
  }),

  /** Who acted for whom: the committee sees its 居民区; a resident sees what was done for them. */
  listProxyLog: action<Page<ProxyLogEntry>>()({
    input: v.object({ memberId: v.optional(id), page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** A member's record and history, for the committee (or the member themself). */
  memberDetail: action<{ member: MemberView; history: HistoryEntry[] }>()({
    input: v.object({ memberId: id }),
    errors: ['COMMON.NOT_FOUND'],
  }),

  /** The committee promotes a member to 楼组长 or 第一梯队 (or ends it), with a reason kept in their history. */
  setRole: action<{ member: MemberView }>()({
    input: v.object({
      memberId: id,
      role: v.picklist(PROMOTABLE_ROLES, '请选择身份'),
      granted: v.boolean(),
      reason: v.optional(text('说明', 100), ''),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** The 居民区's mini-program code: residents who scan it arrive with their 居民区 chosen (committee). */
  inviteCode: action<{ page: string; scene: string; image: string }>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /**
   * The templates the person accepted in one tap of WeChat's subscribe dialog: one message each, counted per
   * template; a retried request adds nothing. Answers the unused quota of those templates.
   */
  grantSubscriptions: action<{ quota: Partial<Record<TemplateKey, number>> }>()({
    input: v.object({
      requestId,
      templates: v.pipe(
        v.array(v.picklist(TEMPLATE_KEYS, '没有这种提醒'), '请选择提醒'),
        v.minLength(1, '请选择提醒'),
        v.maxLength(MAX_TEMPLATES_PER_TAP, `一次最多订阅${MAX_TEMPLATES_PER_TAP}种提醒`),
        v.transform((list) => [...new Set(list)]),
      ),
    }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The caller's unused reminder quota per template. */
  mySubscriptions: action<{ quota: Record<TemplateKey, number> }>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),
};
