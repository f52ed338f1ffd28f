/** The envelope every cloud function answers with (DESIGN.md, "The call"). */
export interface CloudErrorBody {
  code: string;
  message: string;
  /** Field path -> resident-facing message, for form errors. */
  fields?: Record<string, string>;
}

export type CloudResult<T> = { ok: true; data: T } | { ok: false; error: CloudErrorBody };

/** What every function receives as `event.data` (plus platform fields such as a CloudID). */
export interface CallBody {
  action: string;
  payload?: unknown;
}

/** One page of a list; lists are paginated 20 a page (DESIGN.md, "Budgets"). */
export interface Page<T> {
  items: T[];
  page: number;
  hasMore: boolean;
}

export const PAGE_SIZE = 20;
