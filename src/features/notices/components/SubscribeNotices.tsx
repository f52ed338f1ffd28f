import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorText } from '@/services/cloud';
import { askSubscription } from '@/services/subscribe';

/**
 * 通知提醒我: one tap allows one message of each kind (a new notice, a reminder to read one). WeChat asks only in
 * answer to a tap, and each allowance is spent by one message, so residents tap again now and then.
 */
export function SubscribeNotices() {
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = async () => {
    setBusy(true);
    try {
      const accepted = await askSubscription(['notice-published', 'notice-remind']);
      setAnswer(accepted.length ? '好的，有新通知时会通过微信提醒你一次' : '没有开启提醒，需要时可以再点一次');
    } catch (err) {
      setAnswer(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='notice-subscribe'>
      {answer ? <Text className='notice-card__meta notice-subscribe__answer'>{answer}</Text> : null}
      <Button className='btn-subscribe-notices' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void ask()}>
        有通知时微信提醒我
      </Button>
    </View>
  );
}
