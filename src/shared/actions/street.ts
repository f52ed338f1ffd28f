import type { ActionMap } from '../action';

export const streetActions = {} satisfies ActionMap;
