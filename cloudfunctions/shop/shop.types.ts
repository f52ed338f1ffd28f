import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { shopActions } from '../../src/shared/actions/shop';

type A = typeof shopActions;
/** The validated payload of a shop action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What a shop action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
