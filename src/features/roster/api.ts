import { callCloud } from '@/services/cloud';
import { errorTextWithDetail } from '@/services/error-detail';
import { uploadText } from '@/services/upload';
import type { InputOf } from '@shared/catalogue';
import { INLINE_CSV_MAX_CHARS } from '@shared/rules/roster-csv';

export type RosterSource = InputOf<'roster', 'preview'>['source'];

/** The roster function's actions, as the import page uses them. */
export const rosterApi = {
  preview: (source: RosterSource) => callCloud('roster', 'preview', { source }),
  commit: (source: RosterSource, onlyGoodRows: boolean, requestId: string) => callCloud('roster', 'commit', { source, onlyGoodRows, requestId }),
};

/** Short text travels in the call; a longer roster is uploaded once and named by its fileID. */
export async function sourceOf(csv: string): Promise<RosterSource> {
  if (csv.length <= INLINE_CSV_MAX_CHARS) return { kind: 'text', csv };
  return { kind: 'file', fileID: await uploadText(`roster-${Date.now()}.csv`, csv) };
}

/** The Chinese message to show for any failure, with the detail of a file problem (e.g. which column is missing). */
export function rosterErrorText(err: unknown): string {
  return errorTextWithDetail(err, (fields) => fields.csv);
}
