import { useCallback, useEffect, useState } from 'react';
import type { OutputOf } from '@shared/catalogue';
import { errorText, membersApi } from './api';

export type MemberDetail = OutputOf<'members', 'memberDetail'>;

/** One member's record and history (the committee's 成员详情). */
export function useMemberDetail(memberId: string) {
  const [data, setData] = useState<MemberDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await membersApi.memberDetail(memberId));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [memberId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error, reload };
}
