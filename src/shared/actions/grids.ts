import type { ActionMap } from '../action';

export const gridsActions = {} satisfies ActionMap;
