import type { ActionMap } from '../action';

export const checkinActions = {} satisfies ActionMap;
