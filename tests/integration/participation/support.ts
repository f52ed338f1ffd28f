import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { ProposalDoc } from '../../../cloudfunctions/participation/participation.model';
import type { ProposalInput } from '../../../src/shared/actions/participation';
import type { ProposalView } from '../../../src/shared/domain/participation';
import type { Harness } from '../../support/harness';
import { addMember } from '../honours/support';

export const DAY = 24 * 3600_000;

let serial = 0;
/** A request id the way the page makes one. */
export const rid = (label = 'req'): string => `${label}-${(serial += 1)}-${Date.now().toString(36)}`;

export const draft = (extra: Partial<ProposalInput> = {}): ProposalInput => ({
  title: '3号楼前加装非机动车棚',
  text: '电动车停在楼道里不安全，建议在3号楼前空地加一个带充电桩的车棚。',
  categoryKey: 'facility',
  place: '3号楼前空地',
  photos: [],
  ...extra,
});

export async function propose(h: Harness, openid: string, extra: Partial<ProposalInput> = {}): Promise<ProposalView> {
  return (await h.call('participation', 'propose', { proposal: draft(extra), requestId: rid('pp') }, openid)).proposal;
}

/** The committee sets the threshold (and more) of 白玉一居. */
export async function setRules(h: Harness, patch: { threshold?: number; windowDays?: number; answerDays?: number; councilFor?: Record<string, string> } = {}): Promise<void> {
  const s = await h.call('participation', 'settings', {}, h.identities.committee);
  const categories = s.categories.map((c: { key: string; councilId: string | null }) => ({ ...c, councilId: patch.councilFor?.[c.key] ?? c.councilId }));
  await h.call('participation', 'saveSettings', { settings: { threshold: patch.threshold ?? s.threshold, windowDays: patch.windowDays ?? s.windowDays, answerDays: patch.answerDays ?? s.answerDays, categories } }, h.identities.committee);
}

/** `n` fresh residents of 白玉一居 with a profile. */
export function neighbours(h: Harness, n: number, prefix = 'pp-n'): Promise<{ openid: string; memberId: string }[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => addMember(h, `${prefix}-${i}`, `邻居${i}`)));
}

export async function proposalDoc(id: string): Promise<ProposalDoc> {
  return (await getDb().collection(COLLECTIONS.proposals).doc(id).get()).data[0] as ProposalDoc;
}

export async function activeSupports(proposalId: string): Promise<number> {
  const res = await getDb().collection(COLLECTIONS.proposalSupports).where({ proposalId, active: true }).limit(1000).get();
  return res.data.length;
}

/** Freezes the clock now and answers the instant. */
export function freeze(h: Harness): number {
  h.stack.clock.frozenAtMs = Date.now();
  h.stack.clock.offsetMs = 0;
  return h.stack.clock.nowMs();
}

export function setNow(h: Harness, at: number): void {
  h.stack.clock.offsetMs = at - (h.stack.clock.frozenAtMs ?? Date.now());
}
