import type { ActionMap } from '../action';

export const cabinActions = {} satisfies ActionMap;
