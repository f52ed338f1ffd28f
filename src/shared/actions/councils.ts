import type { ActionMap } from '../action';

export const councilsActions = {} satisfies ActionMap;
