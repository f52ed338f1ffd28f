import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * Signed short check-in tokens (HMAC-SHA256, truncated to 48 bits: a token lives a minute, so guessing one online
 * is hopeless, and the whole station token stays within a mini-program code's 32-character scene).
 *
 * - Station token `<eventId>.<kind><expiry>.<sig>`: shown by the organizer's phone, scanned by a volunteer.
 *   kind: `i` check-in, `w` check-in that also admits walk-ins, `o` check-out. The signature also covers the
 *   event's 居民区 (not carried): a volunteer from another 居民区 finds the token invalid.
 * - Pass token `p.<eventId>.<memberId>.<flag><expiry>.<sig>`: the volunteer's personal code for one event, scanned by
 *   the organizer. flag: `s` signed up (confirmed when issued), `n` not. Covers the member's 居民区 too.
 * Expiry is in whole seconds, base 36. The server's clock decides validity.
 */

export type StationKind = 'in' | 'out';

export interface StationClaims {
  eventId: string;
  kind: StationKind;
  walkIns: boolean;
  expiresAt: Date;
}

export interface PassClaims {
  eventId: string;
  memberId: string;
  signedUp: boolean;
  expiresAt: Date;
}

export type TokenCheck<T> = { ok: true; claims: T } | { ok: false; reason: 'invalid' | 'expired' };

const SIG_BYTES = 6;

function secret(): string {
  const value = process.env.TXTD_CHECKIN_SECRET;
  // Refuse to sign with nothing: a missing secret is a deployment mistake, not something to paper over.
  if (!value) throw new Error('TXTD_CHECKIN_SECRET is not set');
  return value;
}

function sign(body: string, communityId: string): string {
  return createHmac('sha256', secret()).update(`${communityId}|${body}`).digest().subarray(0, SIG_BYTES).toString('base64url');
}

function sameSig(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const seconds = (at: Date): string => Math.floor(at.getTime() / 1000).toString(36);
const fromSeconds = (text: string): Date | null => (/^[0-9a-z]{1,9}$/.test(text) ? new Date(parseInt(text, 36) * 1000) : null);

const STATION_KINDS: Record<string, { kind: StationKind; walkIns: boolean }> = {
  i: { kind: 'in', walkIns: false },
  w: { kind: 'in', walkIns: true },
  o: { kind: 'out', walkIns: false },
};

export function stationToken(claims: StationClaims, communityId: string): string {
  const kind = claims.kind === 'out' ? 'o' : claims.walkIns ? 'w' : 'i';
  const body = `${claims.eventId}.${kind}${seconds(claims.expiresAt)}`;
  return `${body}.${sign(body, communityId)}`;
}

/** Checks a station token against the scanning volunteer's 居民区 and the server's `now`; signature before expiry. */
export function readStationToken(token: string, communityId: string, now: Date): TokenCheck<StationClaims> {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [eventId, head, sig] = parts as [string, string, string];
  const kind = STATION_KINDS[head.charAt(0)];
  const expiresAt = fromSeconds(head.slice(1));
  if (!eventId || !kind || !expiresAt || !sameSig(sig, sign(`${eventId}.${head}`, communityId))) return { ok: false, reason: 'invalid' };
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { eventId, ...kind, expiresAt } };
}

/** Scene form of a station token: a short handle instead of the event id (see checkin.service's stationScene). */
export const HANDLE_MARK = '~';

/** A stable 10-character handle for an event id (a name, not a secret: the token's signature still covers the event). */
export function eventHandle(eventId: string): string {
  return createHash('sha256').update(eventId).digest('base64url').slice(0, 10);
}

/** `~<handle>.<kind><expiry>.<sig>` for a token `<eventId>.<kind><expiry>.<sig>`; the signature is unchanged. */
export function sceneOf(token: string): string {
  const [eventId, ...rest] = token.split('.');
  return [`${HANDLE_MARK}${eventHandle(eventId ?? '')}`, ...rest].join('.');
}

/** The handle of a scene-form token, or null for a full token. */
export function handleOf(token: string): string | null {
  return token.startsWith(HANDLE_MARK) ? token.slice(1).split('.')[0] || null : null;
}

/** The full token for a scene-form token, once its handle is resolved to the event id. */
export function withEventId(token: string, eventId: string): string {
  return [eventId, ...token.split('.').slice(1)].join('.');
}

export function passToken(claims: PassClaims, communityId: string): string {
  const body = `p.${claims.eventId}.${claims.memberId}.${claims.signedUp ? 's' : 'n'}${seconds(claims.expiresAt)}`;
  return `${body}.${sign(body, communityId)}`;
}

/** Checks a volunteer's pass against the scanning organizer's 居民区 and the server's `now`. */
export function readPassToken(token: string, communityId: string, now: Date): TokenCheck<PassClaims> {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== 'p') return { ok: false, reason: 'invalid' };
  const [, eventId, memberId, head, sig] = parts as [string, string, string, string, string];
  const flag = head.charAt(0);
  const expiresAt = fromSeconds(head.slice(1));
  const body = `p.${eventId}.${memberId}.${head}`;
  if (!eventId || !memberId || (flag !== 's' && flag !== 'n') || !expiresAt || !sameSig(sig, sign(body, communityId))) {
    return { ok: false, reason: 'invalid' };
  }
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { eventId, memberId, signedUp: flag === 's', expiresAt } };
}
