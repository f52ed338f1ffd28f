import { CODE_ALPHABET, CODE_LENGTH } from '../../src/shared/rules/checkin-code';
import { stationToken, type StationKind } from '../_core/checkin-token';
import { ROTATE_MS } from './checkin.model';

/**
 * The short code of a station slot, derived from the slot's signed station token (its HMAC under the existing
 * secret), so nothing new is stored or kept secret. The slot is named by its token's uncapped expiry (the end of the
 * next 30-second slot): a code lives as long as its slot's QR code, grace included.
 */
export function shortCode(claims: { eventId: string; kind: StationKind; walkIns: boolean; expiresAt: Date }, communityId: string): string {
  const sig = stationToken(claims, communityId).split('.')[2]!;
  // 40 bits of the signature, written in the alphabet (23^6 < 2^40, the bias is negligible).
  let n = Buffer.from(sig, 'base64url').readUIntBE(0, 5);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) {
    code += CODE_ALPHABET[n % CODE_ALPHABET.length];
    n = Math.floor(n / CODE_ALPHABET.length);
  }
  return code;
}

/** The expiry naming the slot that `now` falls in (see tokenExpiry, without the close-of-check-in cap). */
export const slotExpiry = (now: Date): Date => new Date(Math.floor(now.getTime() / ROTATE_MS) * ROTATE_MS + 2 * ROTATE_MS);

const CANDIDATES = [
  { kind: 'in', walkIns: false },
  { kind: 'in', walkIns: true },
  { kind: 'out', walkIns: false },
] as const;

/**
 * Which station a typed code belongs to: this slot's or the previous one's (its grace), for any of the three
 * station kinds. Null when it matches none; no database read.
 */
export function matchShortCode(code: string, eventId: string, communityId: string, now: Date): { kind: StationKind; walkIns: boolean } | null {
  const current = slotExpiry(now);
  for (const expiresAt of [current, new Date(current.getTime() - ROTATE_MS)]) {
    for (const c of CANDIDATES) {
      if (shortCode({ eventId, ...c, expiresAt }, communityId) === code) return { kind: c.kind, walkIns: c.walkIns };
    }
  }
  return null;
}
