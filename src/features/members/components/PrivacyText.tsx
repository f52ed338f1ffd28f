import { Text, View } from '@tarojs/components';
import './members.scss';
import { PRIVACY_SECTIONS, PRIVACY_VERSION } from '@shared/privacy';

/** The privacy text residents accept, section by section, in large type. */
export function PrivacyText() {
  return (
    <View className='privacy-text'>
      {PRIVACY_SECTIONS.map((section) => (
        <View key={section.title} className='card privacy-section'>
          <View className='card__title'>
            <Text>{section.title}</Text>
          </View>
          <Text className='privacy-section__body'>{section.body}</Text>
        </View>
      ))}
      <Text className='card__hint privacy-version'>版本：{PRIVACY_VERSION}</Text>
    </View>
  );
}
