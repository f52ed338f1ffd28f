import { callCloud, CloudCallError } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';

/** The honours function's actions, as the pages use them. */
export const honoursApi = {
  mine: () => callCloud('honours', 'mine', {}),
  setDisplay: (input: InputOf<'honours', 'setDisplay'>) => callCloud('honours', 'setDisplay', input),
  wall: (page: number) => callCloud('honours', 'wall', { page }),
  milestones: (page: number) => callCloud('honours', 'milestones', { page }),
  leaderboard: (month: string | undefined, page: number) => callCloud('honours', 'leaderboard', month ? { month, page } : { page }),
  requestCertificate: (from: string, to: string) => callCloud('honours', 'requestCertificate', { from, to }),
  certificates: (page: number) => callCloud('honours', 'certificates', { page }),
  verify: (code: string) => callCloud('honours', 'verifyCertificate', { code }),
  levels: () => callCloud('honours', 'levels', {}),
  setLevels: (levelHours: number[]) => callCloud('honours', 'setLevels', { levelHours }),
  award: (input: InputOf<'honours', 'award'>) => callCloud('honours', 'award', input),
  revoke: (honourId: string) => callCloud('honours', 'revoke', { honourId }),
  awarded: (page: number) => callCloud('honours', 'awarded', { page }),
  candidates: (name: string, page: number) => callCloud('honours', 'candidates', { name, page }),
};

/** Field path -> message of a form error (empty for any other failure). */
export function fieldErrors(err: unknown): Record<string, string> {
  return err instanceof CloudCallError && err.fields ? err.fields : {};
}

export { newRequestId } from '@/services/request-id';
