import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { HonourSettings, MyHonours } from '@shared/domain/honours';
import { formatHours } from '@shared/rules/hours';

interface MyHonoursCardProps {
  mine: MyHonours;
  busy: boolean;
  onChange: (patch: Partial<HonourSettings>) => void;
}

/** The member's own level, badges and display choices. */
export function MyHonoursCard({ mine, busy, onChange }: MyHonoursCardProps) {
  const { level } = mine;
  return (
    <View className='card my-honours'>
      <View className='card__title'>我的服务</View>
      <Text className='my-honours__hours'>累计服务 {formatHours(mine.halfHours)}</Text>
      <Text className='my-honours__level'>{level.title ?? '还没有星级'}</Text>
      {level.next ? (
        <Text className='card__hint'>
          再服务 {formatHours(level.next.halfHoursToGo)} 就是{level.next.title}
        </Text>
      ) : (
        <Text className='card__hint'>已是最高星级，谢谢你的坚持！</Text>
      )}
      <View className='badge-list'>
        {mine.badges.map((b) => (
          <Text key={b.id} className={`badge${b.earned ? ' badge--earned' : ''}`} data-badge={b.id}>
            {b.earned ? b.label : `${b.label}（${b.hint}）`}
          </Text>
        ))}
      </View>
      <Text className='my-honours__shown'>
        {mine.settings.showOnWall ? '风采展示墙上会展示你的荣誉和里程碑。' : '你选择了不在风采展示墙上展示。'}
      </Text>
      <Button
        className={mine.settings.showOnWall ? 'btn-hide-from-wall' : 'btn-show-on-wall'}
        type='default'
        size='large'
        block
        disabled={busy}
        onClick={() => onChange({ showOnWall: !mine.settings.showOnWall })}
      >
        {mine.settings.showOnWall ? '不在展示墙上展示我' : '在展示墙上展示我'}
      </Button>
    </View>
  );
}
