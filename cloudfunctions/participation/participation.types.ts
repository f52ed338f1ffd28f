import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { participationActions } from '../../src/shared/actions/participation';

type A = typeof participationActions;
/** The validated payload of a participation action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What a participation action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
