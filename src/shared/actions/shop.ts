import type { ActionMap } from '../action';

export const shopActions = {} satisfies ActionMap;
