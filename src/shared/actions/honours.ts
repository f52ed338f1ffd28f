import type { ActionMap } from '../action';

export const honoursActions = {} satisfies ActionMap;
