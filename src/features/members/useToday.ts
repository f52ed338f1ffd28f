import { useDidShow } from '@tarojs/taro';
import { useCloudQuery, type CloudQuery } from '@/hooks/useCloudQuery';
import type { HomeToday } from '@shared/domain/home';
import { membersApi } from './api';

/**
 * 首页's "what matters today" (home.today), refreshed whenever 首页 is shown again (back from reading a notice,
 * approving an application). Quiet: the page stays usable with its entries while the counts load or if they fail.
 */
export function useToday(enabled: boolean): CloudQuery<HomeToday> {
  const today = useCloudQuery(enabled ? membersApi.today : null, { quiet: true });
  useDidShow(() => {
    if (enabled) void today.reload();
  });
  return today;
}
