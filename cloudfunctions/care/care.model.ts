import type { CareFrequency, CareMood, CareNeed, PairingState, VisitPlan, VisitState } from '../../src/shared/domain/care';
import type { OnceMessage } from '../_core/message-outbox';

/**
 * The stored shapes of 邻援助老 (collections `care_elders`, `care_pairings`, `care_visits`). The counters an elder
 * keeps (`volunteerIds`, `activeVolunteerIds`, `lastVisitDay`) and a pairing's `missedInRow` change only in the
 * transaction that changes the record they count; the audit recomputes each from its records (audit/checks/care.ts).
 */

/** Messages a change owes, written with it: sent through the outbox after the write, or by the timer if the call died. */
export interface Untold {
  untold: OnceMessage[];
  /** Names the batch (its outbox owner), null when nothing is owed. */
  untoldKey: string | null;
  /** When the batch was written: the timer tells batches older than a minute. */
  untoldAt: Date | null;
}

/** `care_elders`: one elderly resident, registered by proxy (`_id` from the registrar and the form's request id). */
export interface ElderDoc extends Untold {
  _id: string;
  communityId: string;
  /** The grid of the building when registered or last edited (null for a building of no grid, committee only). */
  gridId: string | null;
  name: string;
  building: string;
  room: string;
  /** Sensitive: shown unmasked to the committee only. */
  phone: string;
  needs: CareNeed[];
  frequency: CareFrequency;
  preferredTimes: string[];
  /** Sensitive: the committee, the grid's leader and the volunteers of an active pairing see it; nobody else. */
  healthNotes: string;
  /** Sensitive, like the health notes. */
  family: { name: string; relation: string; phone: string };
  consent: { by: string; at: Date; note: string };
  /** The elder's own member record, when they are on WeChat (their own data export carries this record). */
  memberId: string | null;
  registeredBy: string;
  /** Volunteers of proposed or active pairings (at most MAX_VOLUNTEERS_PER_ELDER): moved with the pairing's state. */
  volunteerIds: string[];
  /** Volunteers of active pairings: who may see the health notes. */
  activeVolunteerIds: string[];
  /** The latest day with a logged visit (YYYY-MM-DD), null for never: the committee's list sorts by it. */
  lastVisitDay: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the committee deleted the record: every personal field is emptied, the counts stay. */
  removedAt?: Date;
}

/** `care_pairings`: one volunteer with one elder (`_id` from the grid leader and the form's request id). */
export interface PairingDoc extends Untold {
  _id: string;
  communityId: string;
  elderId: string;
  gridId: string | null;
  volunteerId: string;
  state: PairingState;
  plan: VisitPlan;
  note: string;
  proposedBy: string;
  proposedAt: Date;
  acceptedAt: Date | null;
  /** The Shanghai day the plan counts its weeks from (the day of acceptance). */
  anchorDay: string | null;
  /** The plan made visits through this day (YYYY-MM-DD): the timer makes the next ones. */
  plannedThrough: string | null;
  /** Missed visits since the latest log (moved with each visit's state in one transaction). */
  missedInRow: number;
  /** When the latest visit was logged (what `missedInRow` counts from). */
  lastLoggedAt: Date | null;
  endedAt: Date | null;
  endedBy: string | null;
  endReason: string;
  updatedAt: Date;
}

export interface VisitLogDoc {
  at: Date;
  minutes: number;
  done: CareNeed[];
  mood: CareMood;
  note: string;
  concern: string;
  requestId: string;
  by: string;
}

/** `care_visits`: one per pairing and day (`_id` = `${pairingId}:${day}`), planned (due) or logged as an extra visit. */
export interface VisitDoc extends Untold {
  _id: string;
  communityId: string;
  pairingId: string;
  elderId: string;
  gridId: string | null;
  volunteerId: string;
  day: string;
  state: VisitState;
  planned: boolean;
  log: VisitLogDoc | null;
  loggedAt: Date | null;
  /** logged + 72 h: the timer confirms it then, if nobody challenged it. */
  confirmAfter: Date | null;
  /** Whether the log flagged a concern (a query finds the leader's concerns without reading the words). */
  concern: boolean;
  challengeReason: string;
  /** Whole half-hours posted to the ledger (0 until confirmed). */
  halfHours: number;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  missedAt: Date | null;
  updatedAt: Date;
}

export const noUntold = (): Untold => ({ untold: [], untoldKey: null, untoldAt: null });

export const visitIdOf = (pairingId: string, day: string) => `${pairingId}:${day}`;
