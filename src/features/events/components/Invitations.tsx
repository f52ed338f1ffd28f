import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { EVENT_PAGES } from '../api';
import { whenText } from '../format';
import { useInvitations } from '../hooks';

/** 邀请你参加: events an organizer invited the caller to, until they sign up or the event is over. */
export function Invitations() {
  const query = useInvitations();
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <View className='card event-invitations'>
      <View className='card__title'>邀请你参加</View>
      {items.map((i) => (
        <View key={i.event.id} className='event-invitation' data-event-id={i.event.id}>
          <Text className='event-card__title'>{i.event.title}</Text>
          <Text className='event-card__meta'>{i.invitedBy ? `${i.invitedBy}邀请你担任“${i.roleName}”` : `邀请你担任“${i.roleName}”`}</Text>
          <Text className='event-card__meta'>{whenText(i.event.startAt, i.event.endAt)}，{i.event.place}</Text>
          <LinkButton className='btn-open-invitation' url={EVENT_PAGES.detail(i.event.id)}>
            去看看
          </LinkButton>
        </View>
      ))}
    </View>
  );
}
