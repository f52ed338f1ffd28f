import * as v from 'valibot';
import { cleanChars, idSchema, photoSchema, requestIdSchema as requestId, requiredMultilineText, requiredText, text, visible } from '../schemas';
import type { ActionMap } from '../action';
import { action } from '../action';
import {
  MONTH_PATTERN,
  monthsSpanned,
  normalizeCode,
  type AdminHonour,
  type CertificateView,
  type HonourCandidate,
  type HonourSettings,
  type LeaderRow,
  type LevelSettings,
  type MyHonours,
  type VerifyResult,
  type WallHonour,
  type WallMilestone,
} from '../domain/honours';
import type { Page } from '../result';
import { MAX_LEVEL_HOURS, validLevelHours } from '../rules/levels';

const id = idSchema(64);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
/** Made by the page once per form, so a retried submission is recognised as the same one. */
const month = (label: string) => v.pipe(v.string(`请选择${label}`), v.regex(MONTH_PATTERN, `请选择${label}`));
/** Longest period one certificate covers. */
export const MAX_CERTIFICATE_MONTHS = 120;
const photoUrl = photoSchema;

export const honoursActions = {
  /** The caller's own hours, level, badges and display choices (members only). */
  mine: action<MyHonours>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /** A member chooses whether the wall shows them and whether they join the monthly leaderboard. */
  setDisplay: action<{ settings: HonourSettings }>()({
    input: v.object({ showOnWall: v.optional(v.boolean()), onLeaderboard: v.optional(v.boolean()) }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** 风采展示墙: the committee's honours in the caller's 居民区, newest first, of members who allow it; 20 a page. */
  wall: action<Page<WallHonour>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** 风采展示墙: members' levels and badges from the ledger, recently active first, of members who allow it. */
  milestones: action<Page<WallMilestone>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** The monthly leaderboard of the caller's 居民区: only members who opted in; this month unless another is given. */
  leaderboard: action<Page<LeaderRow> & { month: string; joined: boolean }>()({
    input: v.object({ month: v.optional(month('月份')), page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** A member asks for a certificate of their confirmed hours over whole Shanghai months; the same request answers the same code. */
  requestCertificate: action<{ certificate: CertificateView }>()({
    input: v.pipe(
      v.object({ from: month('开始月份'), to: month('结束月份') }),
      v.forward(
        v.check((p) => p.from <= p.to, '结束月份不能早于开始月份'),
        ['to'],
      ),
      v.forward(
        v.check((p) => monthsSpanned(p.from, p.to) <= MAX_CERTIFICATE_MONTHS, `一份证明最多涵盖${MAX_CERTIFICATE_MONTHS / 12}年`),
        ['to'],
      ),
    ),
    errors: ['COMMON.FORBIDDEN', 'HONOURS.PERIOD_IN_FUTURE', 'HONOURS.NO_HOURS'],
  }),

  /** The caller's certificates, newest first. */
  certificates: action<Page<CertificateView>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** Anyone with a code: is the certificate genuine, and what does it state. */
  verifyCertificate: action<VerifyResult>()({
    input: v.object({
      code: v.pipe(v.string('请输入证明编号'), v.trim(), v.minLength(1, '请输入证明编号'), v.maxLength(40, '证明编号不对'), cleanChars('证明编号'), visible('证明编号', '请输入证明编号'), v.transform(normalizeCode)),
    }),
    errors: [],
  }),

  /** The star-level thresholds of the caller's 街道, and whether the caller may change them. */
  levels: action<LevelSettings>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN', 'HONOURS.NO_STREET'] }),

  /** The 街道 admin sets the hours for one to five stars. */
  setLevels: action<LevelSettings>()({
    input: v.object({
      levelHours: v.pipe(
        v.array(v.number('请填写小时数'), '请填写五个小时数'),
        v.check((list: number[]) => validLevelHours(list), `请填写五个整数小时，一星到五星逐级增加，最多${MAX_LEVEL_HOURS}小时`),
      ),
    }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The committee honours a member with a short citation (content-checked) and an optional photo. */
  award: action<{ honour: AdminHonour }>()({
    input: v.object({
      memberId: id,
      title: requiredText('荣誉名称', 20),
      citation: requiredMultilineText('表彰词', 200),
      photoUrl,
      requestId,
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'HONOURS.NOT_MEMBER', 'COMMON.CONTENT_REJECTED'],
  }),

  /** The committee withdraws an honour it awarded by mistake; it leaves the wall. */
  revoke: action<{ honour: AdminHonour }>()({ input: v.object({ honourId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Every honour the committee awarded, newest first, withdrawn ones too. */
  awarded: action<Page<AdminHonour>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** Second-echelon members of the 居民区 by name, for the committee to pick whom to honour. */
  candidates: action<Page<HonourCandidate>>()({
    input: v.object({ name: v.optional(text('姓名', 20), ''), page }),
    errors: ['COMMON.FORBIDDEN'],
  }),
} satisfies ActionMap;
