import { Text, View } from '@tarojs/components';
import type { OpenState } from '@shared/domain/cabin';

export interface OpenBadgeProps {
  name: string;
  state: OpenState;
  className?: string;
}

/** "开放中，10:00 关门" / "明天 9:00 开门" next to a cabin's or section's name; the words carry the meaning. */
export function OpenBadge({ name, state, className }: OpenBadgeProps) {
  return (
    <View className={['cabin-open', state.open ? 'cabin-open--open' : 'cabin-open--closed', className].filter(Boolean).join(' ')}>
      <Text className='cabin-open__name'>{name}</Text>
      <Text className='cabin-open__label'>{state.label}</Text>
    </View>
  );
}
