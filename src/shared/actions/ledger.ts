import * as v from 'valibot';
import { idSchema, requestIdSchema as requestId, requiredMultilineText, requiredText, text } from '../schemas';
import { action, type ActionMap } from '../action';
import type {
  DriftRow,
  LedgerEntryView,
  LedgerMemberRow,
  LedgerTotals,
  MonthlyReport,
  MonthTotals,
  PointRulesView,
} from '../domain/ledger';
import type { Page } from '../result';

const id = idSchema(64);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const reason = requiredMultilineText('原因', 100, '请填写原因，成员会在记录里看到');
const whole = (label: string, max: number) =>
  v.pipe(v.number(`请填写${label}`), v.integer(`${label}要是整数`), v.minValue(0, `${label}不能是负数`), v.maxValue(max, `${label}最多${max}`));
const rate = whole('每小时积分', 100);

export type EntryPage = Page<LedgerEntryView> & { totals: LedgerTotals };
export type PostedEntry = { entry: LedgerEntryView; created: boolean; totals: LedgerTotals };

export const ledgerActions = {
  /** The caller's own totals and entries, newest first, 20 a page. */
  myLedger: action<EntryPage>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** The caller's hours and points per Shanghai month, for the last 12 months with entries. */
  mySummary: action<{ months: MonthTotals[] }>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /** The committee: members of the 居民区 with their balances, by name, 20 a page. */
  members: action<Page<LedgerMemberRow>>()({
    input: v.object({ name: v.optional(text('姓名', 20), ''), page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The committee: one member's totals and entries, to check or correct them. */
  memberLedger: action<EntryPage & { member: { memberId: string; name: string } }>()({
    input: v.object({ memberId: id, page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /**
   * The committee awards points and/or manual hours with a reason the member will read. `requestId` comes from
   * the form: a retried or double-tapped award posts once.
   */
  award: action<PostedEntry>()({
    input: v.pipe(
      v.object({
        requestId,
        memberId: id,
        points: v.optional(whole('积分', 1000), 0),
        /** Whole half-hours: 3 is 1.5 hours. */
        halfHours: v.optional(whole('时长', 48), 0),
        reason,
      }),
      v.forward(
        v.check((i) => i.points > 0 || i.halfHours > 0, '请填写要记录的积分或时长'),
        ['points'],
      ),
    ),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'LEDGER.NOT_A_MEMBER', 'LEDGER.REQUEST_REUSED'],
  }),

  /** The committee reverses an entry with a reason; an entry is corrected at most once (a repeat answers `created: false`). */
  correct: action<PostedEntry>()({
    input: v.object({ entryId: id, reason }),
    errors: [
      'COMMON.FORBIDDEN',
      'COMMON.NOT_FOUND',
      'COMMON.CONTENT_REJECTED',
      'LEDGER.CORRECTION_NOT_CORRECTABLE',
      'LEDGER.REDEMPTION_NOT_CORRECTABLE',
      'LEDGER.CORRECTION_BELOW_ZERO',
    ],
  }),

  /** The 居民区's point rules (the defaults until the committee sets them). */
  rules: action<PointRulesView>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  setRules: action<PointRulesView>()({
    input: v.object({
      pointsPerHour: rate,
      eventTypes: v.pipe(
        v.array(
          v.object({
            name: requiredText('活动类型', 12),
            pointsPerHour: rate,
          }),
          '活动类型格式不对',
        ),
        v.maxLength(30, '活动类型最多30个'),
        v.check((types) => new Set(types.map((t) => t.name)).size === types.length, '活动类型不能重复'),
      ),
      dailyCap: v.nullable(v.pipe(whole('每日上限', 10_000), v.minValue(1, '每日上限至少是1'))),
    }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The committee recomputes every balance of the 居民区 from the ledger; `drift` must be empty. */
  audit: action<{ members: number; drift: DriftRow[] }>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /** Hours and points of one Shanghai month by council and by grid. */
  report: action<MonthlyReport>()({
    input: v.object({ month: v.pipe(v.string('请选择月份'), v.regex(/^20\d\d-(0[1-9]|1[0-2])$/, '请选择月份')) }),
    errors: ['COMMON.FORBIDDEN'],
  }),
} satisfies ActionMap;
