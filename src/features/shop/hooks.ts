import { useCallback } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import type { RedemptionStatus } from '@shared/domain/shop';
import { shopApi } from './api';

/** The shelf of the caller's 居民区 (retired rewards too for the committee), with the caller's points. */
export function useRewards(includeRetired = false) {
  const fetchPage = useCallback((page: number) => shopApi.list(page, includeRetired), [includeRetired]);
  return usePagedList(fetchPage);
}

export function useMyRedemptions() {
  const fetchPage = useCallback((page: number) => shopApi.mine(page), []);
  return usePagedList(fetchPage);
}

/** Every redemption of the 居民区, optionally of one status (the committee). */
export function useRedemptions(status: RedemptionStatus | null) {
  const fetchPage = useCallback((page: number) => shopApi.redemptions(page, status ?? undefined), [status]);
  return usePagedList(fetchPage);
}

export function useMovements(rewardId: string | null) {
  const fetchPage = useCallback((page: number) => shopApi.movements(rewardId!, page), [rewardId]);
  return usePagedList(rewardId ? fetchPage : null);
}
