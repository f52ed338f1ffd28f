import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorText } from '@/services/cloud';
import { askSubscription } from '@/services/subscribe';
import type { TemplateKey } from '@shared/subscriptions';

export interface RemindMeProps {
  templates: TemplateKey[];
  label: string;
  /** Said once allowed: what they will be told. */
  allowed: string;
}

/**
 * 微信提醒我 for reports: without a tap allowing it WeChat delivers no message, so the handler's "new report" and
 * "overdue" and the reporter's "progress" reach nobody until someone taps this. One tap allows one of each.
 */
export function RemindMe({ templates, label, allowed }: RemindMeProps) {
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = async () => {
    setBusy(true);
    try {
      const accepted = await askSubscription(templates);
      setAnswer(accepted.length ? allowed : '没有开启提醒，需要时可以再点一次');
    } catch (err) {
      setAnswer(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='report-remind'>
      {answer ? <Text className='report-card__meta report-remind__answer'>{answer}</Text> : null}
      <Button className='btn-report-remind' type='default' size='large' block loading={busy} disabled={busy} onClick={() => void ask()}>
        {label}
      </Button>
    </View>
  );
}
