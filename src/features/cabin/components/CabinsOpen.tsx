import { View } from '@tarojs/components';
import { useCabinHome } from '../hooks';
import { OpenBadge } from './OpenBadge';

/** Every cabin of the 居民区 with "开放中 / 几点开门", for the pages that are not about one cabin's shelves. */
export function CabinsOpen({ only }: { only?: string | null }) {
  const cabins = useCabinHome().data?.cabins ?? [];
  return (
    <View className='cabins-open'>
      {cabins
        .filter((c) => !only || c.id === only)
        .map((c) => (
          <OpenBadge key={c.id} name={c.name} state={c.openState} />
        ))}
    </View>
  );
}
