import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { EventRoleView } from '@shared/domain/event';

export interface RoleRowProps {
  role: EventRoleView;
  /** Offer a sign-up button (open, in the audience, not signed up yet). */
  canSignUp: boolean;
  busy: boolean;
  onSignUp: (role: EventRoleView) => void;
}

/** A role of an event: places taken, people waiting, the skills it wants, and the sign-up button. */
export function RoleRow({ role, canSignUp, busy, onSignUp }: RoleRowProps) {
  const full = role.taken >= role.places;
  return (
    <View className='event-role' data-role-key={role.key}>
      <Text className='event-role__name'>{role.name}</Text>
      <Text className='event-role__meta'>
        名额 {role.places}，已报 {role.taken}
        {role.waiting ? `，候补 ${role.waiting} 人` : ''}
      </Text>
      {role.skills.length ? <Text className='event-role__meta'>希望会：{role.skills.join('、')}</Text> : null}
      {canSignUp ? (
        <View className='event-role__actions'>
          <Button className='btn-sign-up' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => onSignUp(role)}>
            {full ? '报名候补' : '报名'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
