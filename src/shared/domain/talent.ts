import type { FieldVisibility } from './member';

/** Who is looking at the talent pool: the committee, or another leader (a grid leader or a council chair). */
export type TalentViewer = 'committee' | 'leader';

/**
 * May `viewer` see (or search by) a field the member set to `setting`? `hidden` means nobody else, the
 * committee included: matching a search would reveal the field as surely as showing it.
 */
export function visibleTo(setting: FieldVisibility | undefined, viewer: TalentViewer): boolean {
  if (setting === 'leaders') return true;
  return setting === 'committee' && viewer === 'committee';
}

/** The settings a viewer may see a field under. */
export function visibleSettings(viewer: TalentViewer): FieldVisibility[] {
  return viewer === 'committee' ? ['leaders', 'committee'] : ['leaders'];
}

/** One member in the talent pool's results; a field the member keeps from this viewer is absent. */
export interface TalentCard {
  memberId: string;
  name: string;
  building: string;
  councilIds: string[];
  skills?: string[];
  interests?: string[];
  availability?: string[];
  /** Full for the committee, masked for other leaders; absent when the member keeps it from them. */
  phone?: string;
}

/** What the search form offers: the caller's 居民区's councils and buildings. */
export interface TalentOptions {
  viewer: TalentViewer;
  councils: { id: string; name: string }[];
  buildings: string[];
}
