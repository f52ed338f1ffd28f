import { useMemo, useState } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { ledgerApi } from './api';

/** Members of the 居民区 with their balances, by name prefix, 20 a page. */
export function useLedgerMembers() {
  const [name, setName] = useState('');
  const fetchPage = useMemo(() => (page: number) => ledgerApi.members(name, page), [name]);
  return { ...usePagedList(fetchPage), search: setName };
}

/** One member's totals and entries (null: no member chosen). */
export function useMemberLedger(memberId: string | null) {
  const fetchPage = useMemo(() => (memberId ? (page: number) => ledgerApi.memberLedger(memberId, page) : null), [memberId]);
  return usePagedList(fetchPage);
}

/** The 居民区's point rules. */
export function usePointRules() {
  return useCloudQuery(ledgerApi.rules);
}
