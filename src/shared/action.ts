import type * as v from 'valibot';
import type { ErrorCode } from './errors';

/**
 * One action of a cloud function: the schema its payload must pass, the output it answers with, and
 * the error codes it may answer. The router and the app both read these.
 */
export interface ActionSpec<S extends v.GenericSchema = v.GenericSchema, O = unknown> {
  readonly input: S;
  readonly errors: readonly ErrorCode[];
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

/** `action<Output>()({ input, errors })`: curried so the output type can be named while the schema is inferred. */
export const action =
  <O>() =>
  <S extends v.GenericSchema>(spec: { input: S; errors: readonly ErrorCode[] }): ActionSpec<S, O> =>
    spec;

export type ActionMap = Record<string, ActionSpec>;

export type ActionInput<A> = A extends ActionSpec<infer S, unknown> ? v.InferInput<S> : never;
export type ActionParsed<A> = A extends ActionSpec<infer S, unknown> ? v.InferOutput<S> : never;
export type ActionOutput<A> = A extends ActionSpec<v.GenericSchema, infer O> ? O : never;
