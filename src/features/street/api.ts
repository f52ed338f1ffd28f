import { callCloud } from '@/services/cloud';

export const streetApi = {
  viewCounts: () => callCloud('street', 'viewCounts', {}),
};
