import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorText } from '@/services/cloud';
import { askSubscription } from '@/services/subscribe';

/** One tap allows one of each: the day-before reminder, news of a waiting place, and a cancellation. */
const EVENT_TEMPLATES = ['event-reminder', 'event-promoted', 'event-cancelled'] as const;

/** 提醒我: asks WeChat (in answer to the tap, as it requires) to let us send this event's reminders. */
export function ReminderButton() {
  const [state, setState] = useState<'idle' | 'busy' | 'on' | 'declined'>('idle');
  const [error, setError] = useState<string | null>(null);
  const ask = async () => {
    setState('busy');
    setError(null);
    try {
      const accepted = await askSubscription([...EVENT_TEMPLATES]);
      setState(accepted.length > 0 ? 'on' : 'declined');
    } catch (err) {
      setError(errorText(err));
      setState('idle');
    }
  };
  return (
    <View className='event-reminder'>
      {state === 'on' ? <Text className='event-reminder__on'>好的，活动前一天会通过微信提醒你</Text> : null}
      {state === 'declined' ? <Text className='event-card__meta'>没有开启提醒，需要时可以再点一次</Text> : null}
      {state !== 'on' ? (
        <Button className='btn-remind-me' type='default' size='large' block loading={state === 'busy'} onClick={() => void ask()}>
          活动前一天提醒我
        </Button>
      ) : null}
      {error ? (
        <View className='inline-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
