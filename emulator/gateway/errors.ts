// Errors the gateway answers, in the cloud's `{ code, message, requestId }` shape. The SDK throws them as
// TcbError with the same `code`, which callers (and runTransaction) check.

export const CODES = {
  INVALID_PARAM: 'INVALID_PARAM',
  INVALID_ACTION: 'INVALID_ACTION',
  DUPLICATE_WRITE: 'DATABASE_DUPLICATE_WRITE',
  TRANSACTION_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TRANSACTION_FAIL: 'DATABASE_TRANSACTION_FAIL',
  COLLECTION_ALREADY_EXIST: 'DATABASE_COLLECTION_ALREADY_EXIST',
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED',
  UNSUPPORTED: 'EMULATOR_NOT_SUPPORTED',
} as const;

export class GatewayError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'GatewayError';
  }
}

export const NOT_SUPPORTED = 'not supported by the local emulator';

export function unsupported(what: string): GatewayError {
  return new GatewayError(CODES.UNSUPPORTED, `${what} is ${NOT_SUPPORTED}`);
}

export function invalid(message: string): GatewayError {
  return new GatewayError(CODES.INVALID_PARAM, message);
}
