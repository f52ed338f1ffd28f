import { Text, View } from '@tarojs/components';
import type { CouncilDetail, CouncilMemberView } from '@shared/domain/council';
import { logLine } from '../schedule';
import './councils.scss';

/** 会长, 副会长, 秘书长 ... as set by the committee. */
export function PositionsList({ council }: { council: CouncilDetail }) {
  return (
    <View className='card council-positions'>
      <View className='card__title'>职务</View>
      {council.positions.length === 0 ? <Text className='card__hint'>还没有设职务</Text> : null}
      {council.positions.map((p) => (
        <Text key={`${p.title}-${p.memberId}`} className={`position-row${p.inCouncil ? '' : ' position-row--left'}`}>
          {p.title}：{p.name}
          {p.inCouncil ? '' : '（已不在本分会）'}
        </Text>
      ))}
    </View>
  );
}

/** Every set, skip and swap of the rotation: who, when, why. */
export function RotationLog({ council }: { council: CouncilDetail }) {
  if (council.rotationLog.length === 0) return null;
  return (
    <View className='card rotation-log'>
      <View className='card__title'>轮值调整记录</View>
      {council.rotationLog.map((e) => (
        <Text key={e.key} className={`rotation-log__line rotation-log__line--${e.kind}`}>
          {logLine(council, e)}
        </Text>
      ))}
    </View>
  );
}

/** The members list (committee and the council's current chair). */
export function MemberList({ items }: { items: CouncilMemberView[] }) {
  return (
    <>
      {items.map((m) => (
        <View key={m.memberId} className='council-member' data-member-id={m.memberId}>
          <Text className='council-member__name'>{m.name}</Text>
          <Text className='council-member__meta'>
            {' '}
            {m.building}
            {m.titles.length ? ` · ${m.titles.join('、')}` : ''}
          </Text>
        </View>
      ))}
    </>
  );
}
