import { useMemo } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import type { OutputOf } from '@shared/catalogue';
import { membersApi } from './api';

export type MemberDetail = OutputOf<'members', 'memberDetail'>;

/** One member's record and history (the committee's 成员详情). */
export function useMemberDetail(memberId: string) {
  const fetch = useMemo(() => () => membersApi.memberDetail(memberId), [memberId]);
  const { data, loading, error, reload } = useCloudQuery(fetch);
  return { data, loading, error, reload };
}
