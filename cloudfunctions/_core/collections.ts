/** Every collection, named in one place. Every document carries its `communityId` except the tenant records. */
export const COLLECTIONS = {
  streets: 'streets',
  communities: 'communities',
  councils: 'councils',
  grids: 'grids',
  members: 'members',
  memberHistory: 'member_history',
  /** Who acted for whom (a grid leader for an elderly resident). */
  proxyLog: 'proxy_log',
  /** Children in the 小小梯队, with their guardian's consent. */
  children: 'children',
  /** 双楼长: a building-group leader paired with a member. */
  buildingPairs: 'building_pairs',
  /** 微格分色: sensitive, kept apart from the member record. */
  memberColours: 'member_colours',
  /** Which grid holds a building (`_id` = communityId:building): one building, one grid, even under races. */
  gridBuildings: 'grid_buildings',
  /** The 总格长 of a 居民区 (`_id` = communityId). */
  gridChiefs: 'grid_chiefs',
  /** One entry per roster import: who imported how many, when. */
  rosterImports: 'roster_imports',
  /** The append-only ledger of hours and points (_core/ledger.ts). */
  ledgerEntries: 'ledger_entries',
  /** Each member's cached balance, moved only with its entry. */
  ledgerBalances: 'ledger_balances',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
