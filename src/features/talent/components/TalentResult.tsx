import { Text, View } from '@tarojs/components';
import type { TalentCard } from '@shared/domain/talent';
import './TalentResult.scss';

/** One member in the results: only what they chose to show this viewer; a kept field says so plainly. */
export function TalentResult({ card, councilName }: { card: TalentCard; councilName: (id: string) => string | undefined }) {
  const councils = card.councilIds.map(councilName).filter(Boolean);
  const line = (cls: string, label: string, list: string[] | undefined) => (
    <Text className={`talent-card__line talent-card__${cls}`}>
      {label}：{list === undefined ? '未公开' : list.length ? list.join('、') : '未填写'}
    </Text>
  );
  return (
    <View className='card talent-card' data-member-id={card.memberId}>
      <View className='card__row'>
        <Text className='talent-card__name'>{card.name}</Text>
        <Text className='talent-card__building'>{card.building}</Text>
      </View>
      {line('skills', '技能', card.skills)}
      {line('interests', '兴趣', card.interests)}
      {line('availability', '有空', card.availability)}
      {councils.length ? <Text className='talent-card__line talent-card__councils'>分会：{councils.join('、')}</Text> : null}
      {card.phone ? <Text className='talent-card__line talent-card__phone'>手机：{card.phone}</Text> : null}
    </View>
  );
}
