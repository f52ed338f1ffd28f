import type { ActionMap } from '../action';

export const talentActions = {} satisfies ActionMap;
