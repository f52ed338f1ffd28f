import { CloudCallError, errorText } from './cloud';

/**
 * `errorText` with one field message added in brackets, e.g. which column of an uploaded file is missing. Kept
 * apart from cloud.ts so only the subpackages that show it carry it.
 */
export function errorTextWithDetail(err: unknown, detail: (fields: Record<string, string>) => string | undefined): string {
  const extra = err instanceof CloudCallError && err.fields ? detail(err.fields) : undefined;
  return extra ? `${errorText(err)}（${extra}）` : errorText(err);
}
