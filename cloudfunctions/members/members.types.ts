import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { membersActions } from '../../src/shared/actions/members';

type A = typeof membersActions;
/** The validated payload of a members action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What a members action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
