import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { reportsActions } from '../../src/shared/actions/reports';

type A = typeof reportsActions;
/** The validated payload of a reports action. */
export type In<K extends keyof A> = ActionParsed<A[K]>;
/** What a reports action answers. */
export type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
