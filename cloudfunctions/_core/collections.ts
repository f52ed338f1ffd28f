/** Every collection, named in one place. Every document carries its `communityId` except the tenant records. */
export const COLLECTIONS = {
  streets: 'streets',
  communities: 'communities',
  councils: 'councils',
  grids: 'grids',
  members: 'members',
  memberHistory: 'member_history',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
