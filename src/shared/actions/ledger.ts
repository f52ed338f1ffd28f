import type { ActionMap } from '../action';

export const ledgerActions = {} satisfies ActionMap;
