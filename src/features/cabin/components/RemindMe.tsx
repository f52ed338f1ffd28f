import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { askSubscription } from '@/services/subscribe';
import type { TemplateKey } from '@shared/subscriptions';
import { Answer, useAction } from './Answer';

export interface RemindMeProps {
  /** At most three (one WeChat dialog). */
  templates: TemplateKey[];
  label: string;
  /** Said once the person allowed them. */
  allowed: string;
}

/** Offers WeChat reminders in answer to a tap (WeChat asks only then); never asks by itself. */
export function RemindMe({ templates, label, allowed }: RemindMeProps) {
  const [on, setOn] = useState(false);
  const { busy, answer, run } = useAction();
  const ask = () =>
    run('ask', async () => {
      const accepted = await askSubscription(templates);
      setOn(accepted.length > 0);
      return accepted.length > 0 ? allowed : '没有开启提醒，需要时可以再点一次';
    });
  return (
    <View className='cabin-remind-me'>
      {on ? null : (
        <Button className='btn-remind-me' type='default' size='large' block loading={busy === 'ask'} disabled={!!busy} onClick={() => void ask()}>
          {label}
        </Button>
      )}
      <Answer answer={answer} className='remind-me-answer' />
    </View>
  );
}
