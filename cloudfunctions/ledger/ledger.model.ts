import { createHash } from 'crypto';
import { UNKNOWN_PERSON, type LedgerEntryView, type PointRules, type PointRulesView } from '../../src/shared/domain/ledger';
import type { People } from '../_core/council-chairs';
import type { LedgerEntryDoc } from '../_core/ledger';

import type { RulesDoc } from '../_core/point-rules';

export type { RulesDoc };

/**
 * The posting key of the correction of `entryId`: derived from the entry alone, so an entry is corrected at most
 * once however often or however concurrently it is asked. Hashed because an entry id may already use all 64
 * characters a key keeps.
 */
export function correctionKey(entryId: string): string {
  return `fix:${createHash('sha256').update(entryId).digest('hex').slice(0, 40)}`;
}

/** A person's name for an entry; an erased account or a missing record reads as such, never as an id. */
export function nameOf(people: People, id: string): string {
  const p = people.get(id);
  return p && !p.deletedAt && p.name ? p.name : UNKNOWN_PERSON;
}

export function toEntryView(doc: LedgerEntryDoc, people: People, corrected: ReadonlySet<string>): LedgerEntryView {
  return {
    id: doc._id,
    at: new Date(doc.at).toISOString(),
    source: doc.source,
    reason: doc.reason,
    halfHours: doc.halfHours,
    points: doc.points,
    byName: nameOf(people, doc.by),
    reverses: doc.reverses ?? null,
    corrected: corrected.has(doc._id),
  };
}

export function toRulesView(rules: PointRules, doc: RulesDoc | null, people: People): PointRulesView {
  return {
    pointsPerHour: rules.pointsPerHour,
    eventTypes: rules.eventTypes.map((t) => ({ ...t })),
    dailyCap: rules.dailyCap,
    updatedBy: doc ? nameOf(people, doc.updatedBy) : null,
    updatedAt: doc ? new Date(doc.updatedAt).toISOString() : null,
  };
}
