import { useDidShow } from '@tarojs/taro';
import { useCloudQuery, type CloudQuery } from '@/hooks/useCloudQuery';
import type { OutputOf } from '@shared/catalogue';
import { membersApi } from './api';

export type MeData = OutputOf<'members', 'me'>;

export type MeState = CloudQuery<MeData>;

/** The caller's own record and 居民区; loads on mount and refreshes whenever the page is shown again. */
export function useMe(): MeState {
  const me = useCloudQuery(membersApi.me, { quiet: true });

  // Coming back from the profile or apply page: show what changed there.
  useDidShow(() => {
    void me.reload();
  });

  return me;
}
