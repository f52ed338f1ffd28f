import { Text, View } from '@tarojs/components';
import type { CommunityOption } from '@shared/domain/community';

export interface CommunityPickerProps {
  items: CommunityOption[];
  loading: boolean;
  error: string | null;
  /** The id being chosen right now (its row shows a busy state; others are disabled). */
  choosing: string | null;
  onChoose: (community: CommunityOption) => void;
  onRetry: () => void;
}

/** The list a newcomer taps to say which 居民区 they live in. */
export function CommunityPicker({ items, loading, error, choosing, onChoose, onRetry }: CommunityPickerProps) {
  return (
    <View className='community-picker'>
      <View className='card__title'>
        <Text>请选择你所在的居民区</Text>
      </View>
      <Text className='card__hint'>选好后，就能加入所在居民区的第二梯队。选择后如需更换，请联系居委会。</Text>
      {loading ? <Text className='card__hint'>正在加载居民区…</Text> : null}
      {error ? (
        <View className='community-picker__error' role='alert'>
          <Text className='inline-error'>{error}</Text>
          <View className='link-btn btn-retry-communities' role='button' onClick={onRetry}>
            <Text>重试</Text>
          </View>
        </View>
      ) : null}
      {!loading && !error && items.length === 0 ? <Text className='card__hint'>暂时没有可选的居民区</Text> : null}
      {items.map((community) => (
        <View
          key={community.id}
          className={`community-option${choosing === community.id ? ' community-option--busy' : ''}`}
          data-community-id={community.id}
          role='button'
          onClick={() => {
            if (!choosing) onChoose(community);
          }}
        >
          <Text className='community-option__name'>{community.name}</Text>
          <Text className='community-option__street'>{community.streetName}</Text>
          {choosing === community.id ? <Text className='community-option__busy'>正在选择…</Text> : null}
        </View>
      ))}
    </View>
  );
}
