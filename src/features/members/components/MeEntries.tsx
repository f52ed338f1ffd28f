import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeEntry, MeEntryGroup } from '../entries';
import './MeEntries.scss';

/** A list of entries by group, one large row each (class `entry-<key>`); used by 首页 and 我的. */
export function MeEntries({ groups }: { groups: MeEntryGroup[] }) {
  return (
    <View className='me-entries'>
      {groups.map((group) => (
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
              <Text className='entry-row__title'>
                {entry.title}
                {entry.badge ? <Text className='entry-badge'>{entry.badge}</Text> : null}
              </Text>
              <Text className='entry-row__hint'>{entry.hint} ›</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The elder-friendly home's big buttons: an icon and a word each, two to a row. */
export function ElderTiles({ entries }: { entries: MeEntry[] }) {
  return (
    <View className='elder-tiles'>
      {entries.map((entry) => (
        <View
          key={entry.key}
          className={`elder-tile entry-${entry.key}`}
          role='button'
          onClick={() => void Taro.navigateTo({ url: entry.url })}
        >
          <Text className='elder-tile__icon'>{ELDER_ICONS[entry.key] ?? '•'}</Text>
          <Text className='elder-tile__title'>
            {ELDER_TITLES[entry.key] ?? entry.title}
            {entry.badge ? <Text className='entry-badge'>{entry.badge}</Text> : null}
          </Text>
        </View>
      ))}
    </View>
  );
}

const ELDER_ICONS: Record<string, string> = { events: '📅', notices: '📢', cabin: '🏠', points: '⭐' };
const ELDER_TITLES: Record<string, string> = { events: '活动', notices: '通知', cabin: '格子屋', points: '我的积分' };
