/** The 街道 admin's overview: counts per 居民区 and nothing about any one person. */
export interface CouncilCount {
  id: string;
  name: string;
  /** Second-echelon members who joined this council. */
  members: number;
}

export interface CommunityCounts {
  id: string;
  name: string;
  /** People on record in this 居民区 (registered in the mini-program, imported, or added by a grid leader). */
  residents: number;
  /** Approved second-echelon members. */
  members: number;
  /** Applications waiting for the committee. */
  pending: number;
  grids: number;
  councils: CouncilCount[];
}

export interface StreetOverview {
  street: { id: string; name: string };
  totals: { communities: number; residents: number; members: number; pending: number; grids: number };
  communities: CommunityCounts[];
}
