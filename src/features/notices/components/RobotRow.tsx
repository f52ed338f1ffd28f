import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { CloudCallError, errorText } from '@/services/cloud';
import type { RobotView } from '@shared/domain/notices';
import { noticesApi } from '../api';
import { timeText } from '../format';

/** One grid's WeCom robot: only its masked key is ever shown; a new webhook replaces it. */
export function RobotRow({ robot, onChanged }: { robot: RobotView; onChanged: (next: RobotView) => void }) {
  const [webhook, setWebhook] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<{ robot: RobotView }>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged((await work()).robot);
      setWebhook('');
    } catch (err) {
      const message = (err instanceof CloudCallError && err.fields?.webhook) || errorText(err);
      setError(message);
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: '删除机器人', content: `删除后，发给${robot.gridName}的通知不再自动推送到企业微信群。确定吗？`, confirmText: '删除', cancelText: '再想想' });
    if (confirm) await run(() => noticesApi.removeRobot(robot.gridId));
  };

  return (
    <View className='notice-row notice-robot-row' data-grid-id={robot.gridId}>
      <Text className='notice-row__name'>{robot.gridName}</Text>
      <Text className='notice-row__meta robot-key'>{robot.maskedKey ? `已设置：${robot.maskedKey}` : '还没有机器人'}</Text>
      {robot.setByName && robot.setAt ? (
        <Text className='notice-row__meta'>
          {robot.setByName} 于 {timeText(robot.setAt)} 设置
        </Text>
      ) : null}
      {robot.lastError ? <Text className='notice-row__meta robot-last-error'>最近一次推送失败：{robot.lastError}</Text> : null}
      <FormField label={robot.maskedKey ? '换一个 Webhook 地址' : 'Webhook 地址'} name='webhook'>
        <Input className='text-input robot-webhook-input' value={webhook} password placeholder='粘贴群机器人的地址' onInput={(e) => setWebhook(e.detail.value)} />
      </FormField>
      <View className='notice-row__actions'>
        <Button className='btn-set-robot' type='primary' size='large' block disabled={busy || !webhook.trim()} onClick={() => void run(() => noticesApi.setRobot(robot.gridId, webhook))}>
          {robot.maskedKey ? '更换' : '保存'}
        </Button>
        {robot.maskedKey ? (
          <Button className='btn-remove-robot' type='danger' fill='outline' size='large' block disabled={busy} onClick={() => void remove()}>
            删除
          </Button>
        ) : null}
      </View>
      {error ? (
        <View className='inline-error notice-robot-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
