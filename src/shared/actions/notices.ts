import type { ActionMap } from '../action';

export const noticesActions = {} satisfies ActionMap;
