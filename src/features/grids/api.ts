import { callCloud } from '@/services/cloud';
import { errorTextWithDetail } from '@/services/error-detail';
import type { InputOf } from '@shared/catalogue';

/** The grids function's actions, as the pages use them. */
export const gridsApi = {
  overview: () => callCloud('grids', 'overview', {}),
  roster: (input: InputOf<'grids', 'roster'>) => callCloud('grids', 'roster', input),
  residentPhone: (memberId: string) => callCloud('grids', 'residentPhone', { memberId }),
  createGrid: (input: InputOf<'grids', 'createGrid'>) => callCloud('grids', 'createGrid', input),
  renameGrid: (input: InputOf<'grids', 'renameGrid'>) => callCloud('grids', 'renameGrid', input),
  setBuildings: (input: InputOf<'grids', 'setBuildings'>) => callCloud('grids', 'setBuildings', input),
  assignLeader: (input: InputOf<'grids', 'assignLeader'>) => callCloud('grids', 'assignLeader', input),
  setChief: (memberId: string | null) => callCloud('grids', 'setChief', { memberId }),
  setColour: (input: InputOf<'grids', 'setColour'>) => callCloud('grids', 'setColour', input),
  listPairs: () => callCloud('grids', 'listPairs', {}),
  setPairMember: (input: InputOf<'grids', 'setPairMember'>) => callCloud('grids', 'setPairMember', input),
  clearPair: (building: string) => callCloud('grids', 'clearPair', { building }),
};

/** The Chinese message for a failure; a field message first when the server named one. */
export function gridsErrorText(err: unknown): string {
  return errorTextWithDetail(err, (fields) => Object.values(fields)[0]);
}

/** Buildings typed in one line, separated by commas, 、 or spaces. */
export function parseBuildings(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((b) => b.trim())
    .filter(Boolean);
}

export { newRequestId } from '@/services/request-id';
