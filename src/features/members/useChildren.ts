import { useCloudQuery } from '@/hooks/useCloudQuery';
import type { ChildView } from '@shared/domain/member';
import { membersApi } from './api';

const NONE: ChildView[] = [];

/** The caller's children in the 小小梯队. */
export function useChildren() {
  const { data, loading, error, reload } = useCloudQuery(membersApi.listChildren);
  return { items: data?.items ?? NONE, loading, error, reload };
}
