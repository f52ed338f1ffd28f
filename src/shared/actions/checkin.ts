import * as v from 'valibot';
import { CODE_LENGTH, isCodeShape, normaliseCode } from '../rules/checkin-code';
import { action, type ActionMap } from '../action';
import { cleanChars, idSchema, requiredText, visible } from '../schemas';
import type { ConfirmResult, PassView, ReviewView, ScanResult, StationAnswer, StationCounts } from '../domain/checkin';

const id = idSchema(64, '请选择活动');
const token = v.pipe(v.string('请扫码'), v.trim(), v.minLength(1, '请扫码'), v.maxLength(200, '这个签到码无法识别'), cleanChars('签到码'), visible('签到码', '请扫码'));
/** A fresh nonce per scan: a retried request with the same nonce answers the same result. */
const nonce = v.pipe(v.string(), v.regex(/^[\w-]{8,64}$/, '请求编号不对'));
/** The 6 characters typed from the station: spaces and case do not matter. */
const shortCode = v.pipe(
  v.string('请输入签到码'),
  v.maxLength(40, '签到码是6位'),
  v.transform(normaliseCode),
  v.length(CODE_LENGTH, '签到码是6位'),
  v.check(isCodeShape, '签到码不对，请看清签到台上的6位码再输入'),
);
const kind = v.picklist(['in', 'out'] as const, '请选择签到或签退');
const TOKEN_ERRORS = ['CHECKIN.TOKEN_INVALID', 'CHECKIN.TOKEN_EXPIRED', 'CHECKIN.WRONG_EVENT'] as const;

export const checkinActions = {
  /** The organizer's (or a scanner's) station: the current code for `kind` and the live counts; before check-in opens, when it opens. */
  station: action<StationAnswer>()({
    input: v.object({ eventId: id, kind }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CHECKIN.CLOSED', 'CHECKIN.EVENT_CANCELLED'],
  }),

  /** The station's live count alone, polled every few seconds (who may run the station). */
  counts: action<StationCounts>()({
    input: v.object({ eventId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** A volunteer scanned the station's code. `eventId` is set when the page was opened for one event. */
  scan: action<ScanResult>()({
    input: v.object({ token, nonce, eventId: v.optional(id) }),
    errors: ['COMMON.FORBIDDEN', ...TOKEN_ERRORS, 'CHECKIN.NOT_SIGNED_UP', 'CHECKIN.NOT_CHECKED_IN', 'CHECKIN.CLOSED'],
  }),

  /** A resident typed the station's 6-character code for `eventId` (no camera needed). */
  typeCode: action<ScanResult>()({
    input: v.object({ eventId: id, code: shortCode, nonce }),
    errors: ['COMMON.FORBIDDEN', 'CHECKIN.CODE_WRONG', 'CHECKIN.TOO_MANY_TRIES', 'CHECKIN.NOT_SIGNED_UP', 'CHECKIN.NOT_CHECKED_IN', 'CHECKIN.CLOSED'],
  }),

  /** The organizer (or a scanner) scanned a volunteer's pass at the station of `eventId`. */
  scanPass: action<ScanResult>()({
    input: v.object({ eventId: id, kind, token, nonce }),
    errors: [
      'COMMON.FORBIDDEN',
      'COMMON.NOT_FOUND',
      ...TOKEN_ERRORS,
      'CHECKIN.NOT_OPEN',
      'CHECKIN.CLOSED',
      'CHECKIN.EVENT_CANCELLED',
      'CHECKIN.NOT_SIGNED_UP',
      'CHECKIN.NOT_CHECKED_IN',
    ],
  }),

  /** The caller's personal code for one event (rotates every 30 seconds). */
  pass: action<PassView>()({ input: v.object({ eventId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** After the event: everyone signed up or come, with derived hours. */
  review: action<ReviewView>()({ input: v.object({ eventId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Confirms attendance in one step, with adjustments; posts hours and points once per attendance. */
  confirm: action<ConfirmResult>()({
    input: v.object({
      eventId: id,
      adjustments: v.optional(
        v.pipe(
          v.array(
            v.object({
              memberId: id,
              halfHours: v.pipe(v.number('请填写时长'), v.integer('时长按半小时计'), v.minValue(0, '时长不能是负数'), v.maxValue(48, '时长最多24小时')),
              reason: requiredText('调整原因', 100),
            }),
          ),
          v.maxLength(500),
        ),
        [],
      ),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CHECKIN.NOT_ENDED', 'LEDGER.ENTRY_TAKEN'],
  }),
} satisfies ActionMap;
