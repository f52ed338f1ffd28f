import { useCallback } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { membersApi } from './api';

export type ReviewTab = 'pending' | 'approved' | 'rejected';

/** The committee's review list of one status, 20 a page, with "load more". */
export function useApplications(status: ReviewTab) {
  const fetchPage = useCallback((page: number) => membersApi.listApplications({ status, page }), [status]);
  const list = usePagedList(fetchPage);
  const { refreshAfter } = list;
  /** After a review: drop the reviewed row at once, then refetch the first page. */
  const refreshAfterReview = useCallback(
    (memberId?: string) => refreshAfter(memberId ? (item) => item.memberId === memberId : undefined),
    [refreshAfter],
  );
  return { ...list, refreshAfter: refreshAfterReview };
}
