import { createHash, randomBytes } from 'crypto';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  DEFAULT_HONOUR_SETTINGS,
  type AdminHonour,
  type CertificateLine,
  type CertificateLineKind,
  type CertificateView,
  type HonourSettings,
  type WallHonour,
} from '../../src/shared/domain/honours';
import { servedDayOf, type LedgerEntryDoc } from '../_core/ledger';
import { imageReviewOf } from '../_core/media-check';

/** An honour the committee awarded (`_id` = communityId-requestId, so a retried award adds one). */
export interface HonourDoc {
  _id: string;
  communityId: string;
  memberId: string;
  title: string;
  citation: string;
  /** A photo that passed the image check; until then it waits in pendingImages (_core/media-check.ts). */
  photoUrl: string | null;
  pendingImages?: string[];
  refusedImages?: number;
  awardedBy: string;
  awardedAt: Date;
  revokedAt?: Date;
  revokedBy?: string;
}

/** A member's display choices (`_id` = memberId); no document means the defaults. */
export interface SettingsDoc extends HonourSettings {
  _id: string;
  communityId: string;
  updatedAt: Date;
}

/**
 * An issued certificate. `_id` is derived from member, period and what it lists (so asking again finds it), `code` is
 * random (so nobody can work a code out from what they know of a member) and is what a reader checks. It keeps the
 * lines it states, so a check later shows the same document even after corrections.
 */
export interface CertificateDoc {
  _id: string;
  code: string;
  communityId: string;
  memberId: string;
  name: string;
  communityName: string;
  halfHours: number;
  from: string;
  to: string;
  issuedAt: Date;
  /** Absent on certificates issued before lines were listed. */
  lines?: CertificateLine[];
}

/** The ledger sources a certificate lists; redemptions carry no hours. */
export const CERTIFICATE_SOURCES = ['event', 'duty', 'care', 'manual', 'correction'] as const;

const KIND_OF: Record<(typeof CERTIFICATE_SOURCES)[number], CertificateLineKind> = {
  event: 'service',
  duty: 'service',
  care: 'service',
  manual: 'manual',
  correction: 'correction',
};

export type CertificateEntry = Pick<LedgerEntryDoc, '_id' | 'halfHours' | 'source' | 'reason' | 'at' | 'servedOn'>;

/** The entries as lines, by the day of service (then the time entered), each marked by how it was recorded. */
export function certificateLines(entries: readonly CertificateEntry[]): CertificateLine[] {
  return [...entries]
    .sort((a, b) => cmp(servedDayOf(a), servedDayOf(b)) || new Date(a.at).getTime() - new Date(b.at).getTime() || cmp(a._id, b._id))
    .map((e) => ({
      day: servedDayOf(e),
      reason: e.reason,
      halfHours: e.halfHours,
      kind: KIND_OF[e.source as keyof typeof KIND_OF] ?? 'manual',
      dayFromPosting: e.servedOn === undefined,
    }));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The total of each kind; their sum is the certificate's total. */
export function certificateParts(lines: readonly CertificateLine[]): Record<CertificateLineKind, number> {
  const parts: Record<CertificateLineKind, number> = { service: 0, manual: 0, correction: 0 };
  for (const l of lines) parts[l.kind] += l.halfHours;
  return parts;
}

/** Star-level hours of a 街道 (`_id` = streetId). */
export interface LevelHoursDoc {
  _id: string;
  levelHours: number[];
  updatedBy: string;
  updatedAt: Date;
}

export const settingsOf = (doc: SettingsDoc | null | undefined): HonourSettings => ({
  showOnWall: doc?.showOnWall ?? DEFAULT_HONOUR_SETTINGS.showOnWall,
  onLeaderboard: doc?.onLeaderboard ?? DEFAULT_HONOUR_SETTINGS.onLeaderboard,
});

/** The same member, period and lines always name the same certificate; a new or corrected record names a new one. */
export function certificateId(memberId: string, from: string, to: string, lines: readonly CertificateLine[]): string {
  return createHash('sha256').update(`certificate|${memberId}|${from}|${to}|${JSON.stringify(lines)}`).digest('hex').slice(0, 32);
}

/** 12 characters of a 32-letter alphabet: 60 random bits, nothing to guess from. */
export function newCertificateCode(): string {
  return [...randomBytes(CODE_LENGTH)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** A stable key for a wall row that does not reveal the member's id. */
export function wallKey(memberId: string): string {
  return createHash('sha256').update(`wall|${memberId}`).digest('hex').slice(0, 12);
}

export function toWallHonour(doc: HonourDoc, name: string): WallHonour {
  return {
    id: doc._id,
    name,
    title: doc.title,
    citation: doc.citation,
    photoUrl: doc.photoUrl,
    awardedAt: new Date(doc.awardedAt).toISOString(),
  };
}

export function toAdminHonour(doc: HonourDoc, name: string, settings: HonourSettings): AdminHonour {
  return {
    ...toWallHonour(doc, name),
    // Only the committee gets this view: it sees a photo under check as 审核中, and the refusal note.
    ...imageReviewOf(doc, true),
    memberId: doc.memberId,
    revoked: !!doc.revokedAt,
    hiddenByMember: !settings.showOnWall,
  };
}

export function toCertificate(doc: CertificateDoc): CertificateView {
  return {
    code: doc.code,
    name: doc.name,
    communityName: doc.communityName,
    halfHours: doc.halfHours,
    from: doc.from,
    to: doc.to,
    issuedAt: new Date(doc.issuedAt).toISOString(),
    lines: doc.lines ?? null,
    parts: doc.lines ? certificateParts(doc.lines) : null,
  };
}
