import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { eventsActions } from '../../src/shared/actions/events';

type A = typeof eventsActions;
/** The validated payload of an events action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What an events action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
