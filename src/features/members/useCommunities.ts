import { useCloudQuery } from '@/hooks/useCloudQuery';
import type { CommunityOption } from '@shared/domain/community';
import { membersApi } from './api';

const NONE: CommunityOption[] = [];

/** The 居民区 a newcomer may choose from; loads only while `enabled`. */
export function useCommunities(enabled: boolean) {
  const { data, loading, error, reload } = useCloudQuery(enabled ? membersApi.listCommunities : null);
  return { items: data?.items ?? NONE, loading, error, reload };
}
