import Taro from '@tarojs/taro';
import type { ActionName, FunctionName, InputOf, OutputOf } from '@shared/catalogue';
import { ERRORS } from '@shared/errors';
import { DEV_IDENTITY_KEY } from '@shared/local-dev';
import type { CloudErrorBody, CloudResult } from '@shared/result';

/** A function answered `{ ok: false }`: carries the stable code and the resident-facing message. */
export class CloudCallError extends Error {
  readonly code: string;
  readonly fields?: Record<string, string>;
  constructor(error: CloudErrorBody) {
    super(error.message);
    this.name = 'CloudCallError';
    this.code = error.code;
    this.fields = error.fields;
  }
}

/** The Chinese message to show for any failure (a bug is never shown as-is). */
export function errorText(err: unknown): string {
  return err instanceof CloudCallError ? err.message : ERRORS['COMMON.INTERNAL'];
}

export { DEV_IDENTITY_KEY };

function unwrap<T>(result: CloudResult<T> | undefined): T {
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new CloudCallError({ code: 'COMMON.INTERNAL', message: ERRORS['COMMON.INTERNAL'] });
  }
  if (!result.ok) throw new CloudCallError(result.error);
  return result.data;
}

async function callOverHttp(name: string, body: unknown): Promise<unknown> {
  const identity = window.localStorage.getItem(DEV_IDENTITY_KEY);
  if (!identity) {
    // Local builds only: the dev server's login page picks a demo identity.
    window.location.href = '/__dev/login';
    throw new CloudCallError({ code: 'COMMON.UNAUTHENTICATED', message: ERRORS['COMMON.UNAUTHENTICATED'] });
  }
  const response = await fetch(`/fn/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': identity },
    body: JSON.stringify(body),
  });
  return response.json();
}

/**
 * The one place that knows weapp from H5. `process.env.TARO_ENV` is replaced at build time, so each
 * bundle keeps only its own branch. `platformFields` go top-level in the call, where the platform swaps a
 * `wx.cloud.CloudID` for its open data (a group's opengid); the payload is never trusted for those.
 */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  payload: InputOf<F, A>,
  platformFields?: Record<string, unknown>,
): Promise<OutputOf<F, A>> {
  const body = { ...platformFields, action, payload };
  let raw: unknown;
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.callFunction({ name, data: body });
      raw = res.result;
    } else {
      raw = await callOverHttp(name, body);
    }
  } catch (err) {
    if (err instanceof CloudCallError) throw err;
    throw new CloudCallError({ code: 'COMMON.NETWORK', message: ERRORS['COMMON.NETWORK'] });
  }
  return unwrap(raw as CloudResult<OutputOf<F, A>>);
}
