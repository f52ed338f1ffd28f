import type { ActionMap } from '../action';

export const eventsActions = {} satisfies ActionMap;
