import type { ActionMap } from '../action';

export const rosterActions = {} satisfies ActionMap;
