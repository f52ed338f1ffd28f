import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorText } from '@/services/cloud';
import type { RemindResult } from '@shared/domain/notices';
import { newRequestId, noticesApi } from '../api';

/**
 * 一键提醒未读: one round of reminders (a doubled tap is the same round); then who got a subscribe message, who a
 * WeCom @, and who to call or visit.
 */
export function RemindPanel({ noticeId, onReminded }: { noticeId: string; onReminded: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RemindResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remind = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await noticesApi.remind(noticeId, requestId));
      setRequestId(newRequestId());
      onReminded();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const names = (list: { name: string }[]) => list.map((r) => r.name).join('、');
  return (
    <View className='card notice-remind'>
      <Button className='btn-remind-unread' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void remind()}>
        一键提醒未读
      </Button>
      {error ? (
        <View className='inline-error notice-remind-error' role='alert'>
          {error}
        </View>
      ) : null}
      {result ? (
        <View className='notice-remind__result'>
          <Text className='notice-ok'>第 {result.round} 轮提醒已发出。</Text>
          <Text className='notice-row__meta remind-subscribed'>
            微信提醒（{result.subscribed.length} 人）：{result.subscribed.length ? names(result.subscribed) : '没有人开通提醒'}
          </Text>
          <Text className='notice-row__meta remind-wecom'>
            企业微信群里@（{result.wecom.length} 人）：{result.wecom.length ? names(result.wecom) : '无'}
          </Text>
          <Text className='notice-row__meta'>请打电话或上门告知（{result.rest.length} 人）：</Text>
          {result.rest.map((r) => (
            <View key={r.memberId} className='notice-row remind-rest' data-member-id={r.memberId}>
              <Text className='notice-row__name'>{r.name}</Text>
              <Text className='notice-row__meta'>
                {r.building}
                {r.room} · {r.phone || '没有留电话'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
