import * as v from 'valibot';
import type { ActionMap, ActionOutput, ActionParsed } from '../../src/shared/action';
import type { CloudResult } from '../../src/shared/result';
import { issueFields } from '../../src/shared/field-issues';
import { clock } from './clock';
import { AppError, errorBody } from './errors';
import { identify, type Identity } from './identity';

/** What a handler gets besides its validated payload. */
export interface CallContext {
  identity: Identity;
  /** The raw event, for platform-filled fields (a CloudID's open data). Never trust the payload for identity. */
  event: Record<string, unknown>;
}

export type Handlers<M extends ActionMap> = {
  [A in keyof M]: (input: ActionParsed<M[A]>, ctx: CallContext) => Promise<ActionOutput<M[A]>>;
};

export type CloudFunction = (event: unknown, context: unknown) => Promise<CloudResult<unknown>>;

/** Scheduled work by trigger name (declared in the function's config.json): answers counts of what it did. */
export type Timers = Record<string, (now: Date) => Promise<Record<string, number>>>;

/**
 * A platform timer trigger: `{ Type: 'Timer', TriggerName }` with no WeChat user in the context. A mini-program
 * call always carries WX_OPENID, so a client cannot dress itself up as one.
 */
function timerName(body: Record<string, unknown>, identity: Identity | null): string | null {
  return !identity && body.Type === 'Timer' && typeof body.TriggerName === 'string' ? body.TriggerName : null;
}

/**
 * Platform message pushes by event name (the console's 消息推送 points an event at the function): each answers
 * counts of what it changed. The message is the push's JSON body as WeChat sends it.
 */
export type Pushes = Record<string, (message: Record<string, unknown>, now: Date) => Promise<Record<string, number>>>;

/**
 * A WeChat message push: `{ MsgType: 'event', Event, ToUserName, FromUserName, ... }` and no `action`. WeChat's
 * documentation does not say whether a push's context carries an openid, so the shape alone admits it: a client
 * can send the same shape, which is why a push handler must trust nothing in it but a secret the platform minted
 * (the media check's trace id, which is stored server-side and never sent to any client).
 */
function pushEvent(body: Record<string, unknown>): string | null {
  return body.MsgType === 'event' && typeof body.Event === 'string' && !('action' in body) ? body.Event : null;
}

/**
 * The entry of one cloud function: picks the action, checks the caller and the payload before any handler
 * runs, and turns every outcome into the envelope. A thrown bug is logged, never shown.
 */
export function createFunction<M extends ActionMap>(name: string, actions: M, handlers: Handlers<M>, timers: Timers = {}, pushes: Pushes = {}): CloudFunction {
  return async function main(event, context) {
    const body = (event && typeof event === 'object' ? event : {}) as Record<string, unknown>;
    const identity = identify(context);
    const trigger = timerName(body, identity);
    if (trigger !== null) return runTimer(name, timers, trigger);
    const push = pushEvent(body);
    if (push !== null) return runPush(name, pushes, push, body);
    const action = body.action;
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(actions, action)) {
      return { ok: false, error: errorBody('COMMON.UNKNOWN_ACTION') };
    }
    if (!identity) return { ok: false, error: errorBody('COMMON.UNAUTHENTICATED') };

    const spec = actions[action]!;
    const payload = body.payload ?? {};
    // Every action's input is an object: valibot's object schema would take an array for one with no required key.
    if (typeof payload !== 'object' || Array.isArray(payload)) return { ok: false, error: errorBody('COMMON.INVALID_INPUT') };
    const parsed = v.safeParse(spec.input, payload);
    if (!parsed.success) {
      return { ok: false, error: errorBody('COMMON.INVALID_INPUT', issueFields(parsed.issues)) };
    }
    try {
      const handler = handlers[action as keyof M];
      const data = await handler(parsed.output as never, { identity, event: body });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: errorBody(err.code, err.fields) };
      console.error(`[${name}.${action}] internal error`, err);
      return { ok: false, error: errorBody('COMMON.INTERNAL') };
    }
  };
}

async function runPush(name: string, pushes: Pushes, event: string, message: Record<string, unknown>): Promise<CloudResult<unknown>> {
  const handle = Object.prototype.hasOwnProperty.call(pushes, event) ? pushes[event] : undefined;
  if (!handle) return { ok: false, error: errorBody('COMMON.UNKNOWN_ACTION') };
  try {
    return { ok: true, data: await handle(message, clock().now()) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: errorBody(err.code, err.fields) };
    console.error(`[${name}<${event}>] push failed`, err);
    return { ok: false, error: errorBody('COMMON.INTERNAL') };
  }
}

async function runTimer(name: string, timers: Timers, trigger: string): Promise<CloudResult<unknown>> {
  const work = Object.prototype.hasOwnProperty.call(timers, trigger) ? timers[trigger] : undefined;
  if (!work) return { ok: false, error: errorBody('COMMON.UNKNOWN_ACTION') };
  try {
    return { ok: true, data: await work(clock().now()) };
  } catch (err) {
    console.error(`[${name}@${trigger}] timer failed`, err);
    return { ok: false, error: errorBody('COMMON.INTERNAL') };
  }
}
