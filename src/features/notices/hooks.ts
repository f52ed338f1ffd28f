import { useCallback } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import type { NoticeSurveyLink, ReceiptFilter } from '@shared/domain/notices';
import { noticesApi } from './api';

/** The caller's notices as a resident, unread first. */
export function useNotices() {
  const fetchPage = useCallback((page: number) => noticesApi.list(page), []);
  return usePagedList(fetchPage);
}

/** Notices the caller wrote (the committee: all of the 居民区), with their counts; `null` fetches nothing. */
export function useManagedNotices(enabled: boolean) {
  const fetchPage = useCallback((page: number) => noticesApi.managed(page), []);
  return usePagedList(enabled ? fetchPage : null);
}

export function useTargets() {
  const fetch = useCallback(() => noticesApi.targets(), []);
  return useCloudQuery(fetch);
}

/**
 * The questionnaires a notice may link to: published ones still taking answers. Not having them (a failed call)
 * leaves the choice empty rather than stopping the writer from sending the notice.
 */
export function useOpenSurveys(): NoticeSurveyLink[] {
  const fetch = useCallback(() => noticesApi.publishedSurveys(), []);
  const { data } = useCloudQuery(fetch);
  const now = Date.now();
  return (data?.items ?? []).filter((s) => new Date(s.closesAt).getTime() > now).map((s) => ({ id: s.id, title: s.title }));
}

export function useReceipts(noticeId: string, filter: ReceiptFilter, groupId: string | null) {
  const fetchPage = useCallback((page: number) => noticesApi.receipts(noticeId, filter, groupId, page), [noticeId, filter, groupId]);
  return usePagedList(noticeId ? fetchPage : null);
}

export function useGroups() {
  const fetchPage = useCallback((page: number) => noticesApi.groups(page), []);
  return usePagedList(fetchPage);
}

export function useRobots() {
  const fetch = useCallback(() => noticesApi.robots(), []);
  return useCloudQuery(fetch);
}
