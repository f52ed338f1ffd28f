import * as v from 'valibot';
import { action } from '../action';
import type { CommunityOption } from '../domain/community';
import type { ApplicationView, MemberView } from '../domain/member';
import type { Page } from '../result';

const id = v.pipe(v.string('请选择'), v.trim(), v.minLength(1, '请选择'), v.maxLength(64, '编号太长'));
const text = (label: string, max: number) =>
  v.pipe(v.string(`请填写${label}`), v.trim(), v.maxLength(max, `${label}最多${max}个字`));
const requiredText = (label: string, max: number) =>
  v.pipe(text(label, max), v.minLength(1, `请填写${label}`));
const tags = (label: string) =>
  v.pipe(
    v.array(requiredText(label, 12), `${label}格式不对`),
    v.maxLength(20, `${label}最多选20个`),
    v.transform((list) => [...new Set(list)]),
  );
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);

export const membersActions = {
  /** Every 居民区 a newcomer may choose from. */
  listCommunities: action<{ items: CommunityOption[] }>()({ input: v.object({}), errors: [] }),

  /** The caller's own record, created on the first call. */
  me: action<{ member: MemberView; community: CommunityOption | null }>()({
    input: v.object({}),
    errors: [],
  }),

  /** A newcomer picks their 居民区 once (from the list, or from a community's QR code or share card). */
  chooseCommunity: action<{ member: MemberView; community: CommunityOption }>()({
    input: v.object({ communityId: id }),
    errors: ['MEMBERS.COMMUNITY_NOT_FOUND', 'MEMBERS.COMMUNITY_ALREADY_SET'],
  }),

  updateProfile: action<{ member: MemberView }>()({
    input: v.object({
      name: requiredText('姓名', 20),
      building: requiredText('楼栋', 20),
      room: requiredText('门牌', 10),
      phone: v.optional(
        v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.regex(/^1\d{10}$/, '请填写11位手机号'))]),
        '',
      ),
      skills: v.optional(tags('技能'), []),
      interests: v.optional(tags('兴趣'), []),
    }),
    errors: ['MEMBERS.NO_COMMUNITY', 'COMMON.CONTENT_REJECTED'],
  }),

  /** Ask to join the second echelon. */
  apply: action<{ member: MemberView }>()({
    input: v.object({ motivation: v.optional(text('申请理由', 200), '') }),
    errors: [
      'MEMBERS.NO_COMMUNITY',
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
      reason: v.optional(text('原因', 200), ''),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'MEMBERS.NOT_PENDING', 'MEMBERS.REASON_REQUIRED'],
  }),
};
