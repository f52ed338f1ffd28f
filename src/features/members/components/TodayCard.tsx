import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TodaySection } from '../today';
import './MeEntries.scss';

/** 首页's "what matters today": one card per role, each line one tap from the page that deals with it. */
export function TodayCards({ sections }: { sections: TodaySection[] }) {
  return (
    <View className='today'>
      {sections.map((section) => (
        <View key={section.key} className={`card today-card today-card--${section.key}`}>
          <View className='card__title'>
            <Text>{section.title}</Text>
          </View>
          {section.items.map((item) => (
            <View
              key={item.key}
              className={`today-row today-${item.key}${item.urgent ? ' today-row--urgent' : ''}`}
              role='link'
              onClick={() => void Taro.navigateTo({ url: item.url })}
            >
              <Text className='today-row__title'>{item.title}</Text>
              <Text className='today-row__detail'>{item.detail} ›</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
