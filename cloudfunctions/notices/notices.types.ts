import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { noticesActions } from '../../src/shared/actions/notices';

type A = typeof noticesActions;
/** The validated payload of a notices action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What a notices action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
