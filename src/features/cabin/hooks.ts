import { useCallback, useMemo } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { cabinApi, type ItemFilter } from './api';

/** The 居民区's cabins with their open state, and the caller's loan and hold counts (refreshed when shown again). */
export function useCabinHome() {
  return useCloudQuery(cabinApi.home, { quiet: true });
}

/** One cabin with sections, hours, who is on duty and the caller's rights (null id: nothing yet). */
export function useCabin(cabinId: string | null) {
  const fetch = useCallback(() => cabinApi.cabin(cabinId!), [cabinId]);
  return useCloudQuery(cabinId ? fetch : null);
}

/**
 * The cabin a staff page is about: `cabinId` from the link, else the 居民区's first cabin (the 我的 page links without
 * one). `none`: the 居民区 has no cabin yet.
 */
export function usePageCabin(paramId: string | undefined) {
  const home = useCloudQuery(paramId ? null : cabinApi.home);
  const cabinId = paramId || home.data?.cabins[0]?.id || null;
  const query = useCabin(cabinId);
  return { query, none: !paramId && !!home.data && home.data.cabins.length === 0, error: query.error ?? home.error };
}

/** A cabin's items by the filter, 20 a page; a new filter starts again from page 1. */
export function useCabinItems(cabinId: string | null, filter: ItemFilter) {
  const key = JSON.stringify(filter);
  const fetchPage = useMemo(
    () => (cabinId ? (page: number) => cabinApi.items(cabinId, JSON.parse(key) as ItemFilter, page) : null),
    [cabinId, key],
  );
  return usePagedList(fetchPage);
}

export function useItem(itemId: string) {
  const fetch = useCallback(() => cabinApi.item(itemId), [itemId]);
  return useCloudQuery(itemId ? fetch : null);
}

export function useItemHistory(itemId: string) {
  const fetchPage = useCallback((page: number) => cabinApi.history(itemId, page), [itemId]);
  return usePagedList(itemId ? fetchPage : null);
}

export function useMyLoans(status: 'open' | 'returned') {
  const fetchPage = useCallback((page: number) => cabinApi.myLoans(status, page), [status]);
  return usePagedList(fetchPage);
}

export function useMyHolds() {
  return usePagedList(cabinApi.myHolds);
}

export function useMyDonations() {
  return usePagedList(cabinApi.myDonations);
}

/** A cabin's open loans (or only the overdue ones), overdue first. */
export function useCabinLoans(cabinId: string | null, overdueOnly: boolean) {
  const fetchPage = useCallback((page: number) => cabinApi.loans(cabinId!, overdueOnly, page), [cabinId, overdueOnly]);
  return usePagedList(cabinId ? fetchPage : null);
}

export function useDonationOffers(cabinId: string | null) {
  const fetchPage = useCallback((page: number) => cabinApi.donations(cabinId!, 'offered', page), [cabinId]);
  return usePagedList(cabinId ? fetchPage : null);
}

export function useSales(cabinId: string | null) {
  const fetchPage = useCallback((page: number) => cabinApi.sales(cabinId!, page), [cabinId]);
  return usePagedList(cabinId ? fetchPage : null);
}

/** A cabin's duty shifts from a Shanghai day on (undefined: from today). */
export function useShifts(cabinId: string | null, from?: string) {
  const fetchPage = useCallback((page: number) => cabinApi.shifts(cabinId!, page, from), [cabinId, from]);
  return usePagedList(cabinId ? fetchPage : null);
}

export function useLoanRules() {
  return useCloudQuery(cabinApi.rules);
}
