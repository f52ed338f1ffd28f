import { callCloud } from '@/services/cloud';
import { newRequestId } from '@/services/request-id';
import type { InputOf } from '@shared/catalogue';
import type { ScanKind } from '@shared/domain/checkin';

/** The checkin function's actions, as the pages use them. Each scan carries a fresh nonce, so a retry changes nothing. */
export const checkinApi = {
  station: (eventId: string, kind: ScanKind) => callCloud('checkin', 'station', { eventId, kind }),
  /** The station's count alone, polled every few seconds. */
  counts: (eventId: string) => callCloud('checkin', 'counts', { eventId }),
  /** The 6-character code read off the station, for a phone without a camera. */
  typeCode: (eventId: string, code: string) => callCloud('checkin', 'typeCode', { eventId, code, nonce: newRequestId() }),
  scan: (token: string, eventId?: string) => callCloud('checkin', 'scan', { token, nonce: newRequestId(), ...(eventId ? { eventId } : {}) }),
  scanPass: (eventId: string, kind: ScanKind, token: string) => callCloud('checkin', 'scanPass', { eventId, kind, token, nonce: newRequestId() }),
  pass: (eventId: string) => callCloud('checkin', 'pass', { eventId }),
  /** The event's title, read after a scan (the token stays short, so a check-in keeps to 3 round trips). */
  eventTitle: async (eventId: string) => (await callCloud('events', 'get', { eventId })).event.title,
  review: (eventId: string) => callCloud('checkin', 'review', { eventId }),
  confirm: (input: InputOf<'checkin', 'confirm'>) => callCloud('checkin', 'confirm', input),
};
