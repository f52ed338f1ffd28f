import { useCallback } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import { membersApi } from './api';

/** 代办记录 of the 居民区 (the committee's view), newest first, 20 a page. */
export function useProxyLog(enabled: boolean) {
  const fetchPage = useCallback((page: number) => membersApi.listProxyLog({ page }), []);
  return usePagedList(enabled ? fetchPage : null);
}
