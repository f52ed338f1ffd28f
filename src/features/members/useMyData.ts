import { useCloudQuery } from '@/hooks/useCloudQuery';
import { membersApi } from './api';

/** Everything stored about the caller (我的数据 and the privacy page's "accepted on"). */
export function useMyData() {
  const { data, loading, error, reload } = useCloudQuery(membersApi.myData);
  return { data, loading, error, reload };
}
