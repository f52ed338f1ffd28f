import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { cabinActions } from '../../src/shared/actions/cabin';

type A = typeof cabinActions;
/** The validated payload of a cabin action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What a cabin action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
