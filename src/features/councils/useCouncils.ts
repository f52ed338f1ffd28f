import { useCallback } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { councilsApi } from './api';

/** The councils of the caller's 居民区 (retired ones too for the committee), with the server's clock. */
export function useCouncils(includeRetired = false) {
  const fetchPage = useCallback((page: number) => councilsApi.list({ page, includeRetired }), [includeRetired]);
  const list = usePagedList(fetchPage);
  return { ...list, now: list.last?.now ?? null, canJoin: Boolean(list.last?.canJoin) };
}

/** A council's members, when the caller may see them. */
export function useCouncilMembers(councilId: string | null) {
  const fetchPage = useCallback((page: number) => councilsApi.members(councilId!, page), [councilId]);
  return usePagedList(councilId ? fetchPage : null);
}
