/** Attendance (签到/签退) of an event, as the app shows it. Times are ISO strings (UTC). */

export type ScanKind = 'in' | 'out';

/** What a scan answers: a first check-in/out (`done`), or one that had already happened (`already`, not an error). */
export interface ScanResult {
  kind: ScanKind;
  outcome: 'done' | 'already';
  /** The time that stands: the first check-in (or check-out). */
  at: string;
  eventId: string;
  eventTitle: string;
  memberName: string;
}

/** The station while check-in is open. */
export interface StationView {
  state: 'open';
  eventId: string;
  title: string;
  kind: ScanKind;
  /** The code to show; it changes every 30 seconds. */
  token: string;
  /** The mini-program code (locally an ordinary QR) opening the check-in page with the token; null when the token is too long for a scene. */
  image: string | null;
  /** The same slot's 6-character code, for residents who cannot scan (see shared/rules/checkin-code). */
  shortCode: string;
  expiresAt: string;
  /** Ask for a fresh code after this (server time). */
  refreshAt: string;
  counts: AttendanceCounts;
}

/** The station before check-in opens: when it opens, and the counts so far. */
export interface StationWaiting {
  state: 'not_open';
  eventId: string;
  title: string;
  kind: ScanKind;
  opensAt: string;
  /** Ask again after this (the opening time; the page asks at least every 30 s). */
  refreshAt: string;
  counts: AttendanceCounts;
}

export type StationAnswer = StationView | StationWaiting;

/** The station's live count alone (checkin.counts), polled apart from the code's rotation. */
export interface StationCounts {
  eventId: string;
  counts: AttendanceCounts;
  /** Server time of the count. */
  at: string;
}

export interface AttendanceCounts {
  /** Confirmed sign-ups. */
  expected: number;
  /** Checked in and not yet out. */
  present: number;
  /** Checked out. */
  left: number;
  /** Signed up and not (yet) come. */
  absent: number;
  /** Came without signing up. */
  walkIns: number;
}

export interface PassView {
  eventId: string;
  token: string;
  expiresAt: string;
  refreshAt: string;
  signedUp: boolean;
}

export type AttendanceStatus = 'present' | 'left' | 'absent';

export interface AttendanceRow {
  memberId: string;
  name: string;
  status: AttendanceStatus;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  walkIn: boolean;
  /** Derived from check-in and check-out (whole half-hours). */
  derivedHalfHours: number;
  /** What confirmation posts (derived, or the organizer's adjustment). */
  halfHours: number;
  adjustReason: string | null;
}

export interface ReviewView {
  eventId: string;
  title: string;
  ended: boolean;
  confirmed: boolean;
  rows: AttendanceRow[];
}

export interface ConfirmResult {
  /** Entries posted now (a repeated confirmation posts none). */
  posted: number;
  /** Members who served and got hours. */
  served: number;
  /** Signed up and never came. */
  noShows: number;
}
