/** A 居民区 (neighbourhood with its residents' committee): the tenant every record belongs to. */
export interface CommunityOption {
  id: string;
  name: string;
  streetName: string;
}
