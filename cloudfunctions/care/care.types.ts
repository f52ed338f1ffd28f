import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { careActions } from '../../src/shared/actions/care';

type A = typeof careActions;
/** The validated payload of a care action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What a care action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
