import tcb from '@cloudbase/node-sdk';
import { ROSTER_MAX_FILE_BYTES } from '../../src/shared/rules/roster-csv';
import { AppError } from '../_core/errors';

type App = ReturnType<typeof tcb.init>;
let app: App | undefined;

/** The SDK's storage, pointed by environment like the database (the emulator answers its storage actions). */
function storage(): App {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  return app;
}

/**
 * The uploaded roster's text: one storage call for a temporary URL, then one download. A missing file, a file
 * over ROSTER_MAX_FILE_BYTES, and text that is not UTF-8 (Excel's default "CSV" on Chinese Windows is GBK) are
 * refused with their own codes.
 */
export async function readRosterFile(fileID: string): Promise<string> {
  let content: Buffer;
  try {
    const res = await storage().downloadFile({ fileID });
    content = Buffer.isBuffer(res.fileContent) ? res.fileContent : Buffer.from(res.fileContent ?? '');
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'STORAGE_FILE_NONEXIST' || code === 'INVALID_PARAM') throw new AppError('ROSTER.FILE_NOT_FOUND');
    throw err;
  }
  if (content.length > ROSTER_MAX_FILE_BYTES) throw new AppError('ROSTER.FILE_TOO_LARGE');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new AppError('ROSTER.NOT_UTF8');
  }
}
