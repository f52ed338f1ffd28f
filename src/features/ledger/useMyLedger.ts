import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { ledgerApi } from './api';

/** The caller's entries 20 a page (each page carries the current totals) and their monthly summary. */
export function useMyLedger() {
  const entries = usePagedList(ledgerApi.myLedger);
  const summary = useCloudQuery(ledgerApi.mySummary);
  return { entries, summary };
}
