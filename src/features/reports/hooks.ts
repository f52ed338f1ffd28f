import { useCallback, useMemo } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { normalizeBuilding } from '@shared/domain/grid';
import { reportsApi, type ListFilters } from './api';

/** The 居民区's categories, public spots and the caller's own building. */
export function useReportSettings() {
  const fetch = useCallback(() => reportsApi.settings(), []);
  return useCloudQuery(fetch);
}

/** The buildings of the 居民区 (from its grids), in number order: the places a resident may pick. */
export function useBuildings(): string[] {
  const fetch = useCallback(() => reportsApi.grids(), []);
  const query = useCloudQuery(fetch);
  return useMemo(() => {
    const all = new Set((query.data?.grids ?? []).flatMap((g) => g.buildings.map(normalizeBuilding)));
    return [...all].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  }, [query.data]);
}

export function useMyReports() {
  const fetchPage = useCallback((page: number) => reportsApi.mine(page), []);
  return usePagedList(fetchPage);
}

/** 待处理: the caller's open reports, next due first; `enabled` false fetches nothing. */
export function useQueue(enabled = true) {
  const fetchPage = useCallback((page: number) => reportsApi.queue(page), []);
  return usePagedList(enabled ? fetchPage : null);
}

export function useReport(reportId: string) {
  const fetch = useCallback(() => reportsApi.get(reportId), [reportId]);
  return useCloudQuery(reportId ? fetch : null);
}

/** The committee's list; a new filter starts again from page 1. */
export function useReportList(filters: ListFilters) {
  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback((page: number) => reportsApi.list(page, filters), [key]);
  return usePagedList(fetchPage);
}

export function useFigures(month: string) {
  const fetch = useCallback(() => reportsApi.figures(month), [month]);
  return useCloudQuery(fetch);
}
