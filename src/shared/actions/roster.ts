import * as v from 'valibot';
import { action } from '../action';
import type { ActionMap } from '../action';
import type { RosterImportResult, RosterReport } from '../domain/roster';
import type { ErrorCode } from '../errors';
import { INLINE_CSV_MAX_CHARS } from '../rules/roster-csv';
import { cleanChars, requestIdSchema, visible, visibleOrEmpty } from '../schemas';

/** Pasted text travels in the call up to INLINE_CSV_MAX_CHARS; a longer roster is uploaded and named by its fileID. */
const source = v.variant(
  'kind',
  [
    v.object({
      kind: v.literal('text'),
      // A pasted roster keeps its line ends (CR LF from a spreadsheet) and tabs; anything else unseen is refused.
      csv: v.pipe(
        v.string('请粘贴名册'),
        v.maxLength(INLINE_CSV_MAX_CHARS, '内容较多，请改用上传文件'),
        v.transform((s) => s.replace(/\r\n?/g, '\n')),
        cleanChars('名册', true),
        visibleOrEmpty('名册'),
      ),
    }),
    v.object({
      kind: v.literal('file'),
      fileID: v.pipe(v.string('请先上传文件'), v.trim(), v.minLength(1, '请先上传文件'), v.maxLength(512, '文件编号太长'), cleanChars('文件编号'), visible('文件编号', '请先上传文件')),
    }),
  ],
  '请粘贴名册或上传文件',
);

const FILE_ERRORS: readonly ErrorCode[] = [
  'COMMON.FORBIDDEN',
  'ROSTER.FILE_NOT_FOUND',
  'ROSTER.FILE_TOO_LARGE',
  'ROSTER.NOT_UTF8',
  'ROSTER.MALFORMED',
  'ROSTER.EMPTY',
  'ROSTER.BAD_HEADER',
  'ROSTER.TOO_MANY_ROWS',
];

export const rosterActions = {
  /** Checks every row against this 居民区's grids and records; changes nothing. */
  preview: action<RosterReport>()({ input: v.object({ source }), errors: FILE_ERRORS }),

  /**
   * Checks again and imports. With bad rows it refuses unless `onlyGoodRows`; people already on record are
   * left as they are, so importing the same file twice changes nothing. `requestId` (one per import the committee
   * starts) makes a retried call complete the same import and its one log entry.
   */
  commit: action<RosterImportResult>()({
    input: v.object({ source, onlyGoodRows: v.optional(v.boolean(), false), requestId: v.optional(requestIdSchema) }),
    errors: [...FILE_ERRORS, 'ROSTER.HAS_BAD_ROWS'],
  }),
} satisfies ActionMap;
