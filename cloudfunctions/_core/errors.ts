import { ERRORS, type ErrorCode } from '../../src/shared/errors';
import type { CloudErrorBody } from '../../src/shared/result';

/** An expected refusal: becomes `{ ok: false, error }` with the code's Chinese message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, fields?: Record<string, string>) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export function errorBody(code: ErrorCode, fields?: Record<string, string>): CloudErrorBody {
  return fields ? { code, message: ERRORS[code], fields } : { code, message: ERRORS[code] };
}
