import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorText } from '@/services/cloud';
import type { EventRoleView, SkillSuggestionView } from '@shared/domain/event';
import { eventsApi } from '../api';

/** For an organizer: members with the skills a role wants, on request (free at the event's time first), to invite. */
export function SkillSuggestions({ eventId, role }: { eventId: string; role: EventRoleView }) {
  const [items, setItems] = useState<SkillSuggestionView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inviting, setInviting] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      setItems((await eventsApi.suggest(eventId, role.key)).items);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const invite = async (memberId: string) => {
    setInviting(memberId);
    setError(null);
    try {
      await eventsApi.invite(eventId, role.key, [memberId]);
      setItems((list) => list?.map((s) => (s.memberId === memberId ? { ...s, invited: true } : s)) ?? null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setInviting(null);
    }
  };
  return (
    <View className='event-suggestions' data-role-key={role.key}>
      <Button className='btn-suggest' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void load()}>
        推荐会{role.skills.join('、')}的成员（{role.name}）
      </Button>
      {error ? <Text className='inline-error'>{error}</Text> : null}
      {items && items.length === 0 ? <Text className='card__hint'>暂时没有找到合适的成员。</Text> : null}
      {items?.map((s) => (
        <View key={s.memberId} className='event-suggestion' data-member-id={s.memberId}>
          <Text>
            {s.name}（{s.building}）会{s.skills.join('、')}
            {s.freeThen === true ? '，这个时间有空' : s.freeThen === false ? '，这个时间可能不方便' : ''}
          </Text>
          {s.invited ? (
            <Text className='event-suggestion__invited'>已邀请</Text>
          ) : (
            <Button className='btn-invite' type='primary' size='small' loading={inviting === s.memberId} disabled={!!inviting} onClick={() => void invite(s.memberId)}>
              邀请
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
