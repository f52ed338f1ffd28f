import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MemberView } from '@shared/domain/member';
import { meEntryGroups } from '../entries';
import './MeEntries.scss';

/** The 我的 page's list of entries by role, one large row each (class `entry-<key>`). */
export function MeEntries({ member }: { member: MemberView }) {
  return (
    <View className='me-entries'>
      {meEntryGroups(member).map((group) => (
        <View key={group.key} className={`card entry-group entry-group--${group.key}`}>
          <View className='card__title'>
            <Text>{group.title}</Text>
          </View>
          {group.entries.map((entry) => (
            <View
              key={entry.key}
              className={`entry-row entry-${entry.key}`}
              role='button'
              onClick={() => void Taro.navigateTo({ url: entry.url })}
            >
              <Text className='entry-row__title'>{entry.title}</Text>
              <Text className='entry-row__hint'>{entry.hint} ›</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
