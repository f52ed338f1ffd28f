import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { checkinApi } from '@/features/checkin/api';
import { QrMatrix } from '@/features/checkin/components/QrMatrix';
import { useRotating } from '@/features/checkin/useRotating';
import '@/features/checkin/checkin.scss';

/** 我的签到码: the volunteer's personal code for one event, for the organizer to scan; it changes every 30 seconds. */
export default function PassPage() {
  const eventId = useRouter().params.eventId ?? '';
  const fetch = useCallback(() => checkinApi.pass(eventId), [eventId]);
  const pass = useRotating(eventId ? fetch : null);
  const data = pass.data;
  return (
    <PageShell title='我的签到码' loading={pass.loading && !data} error={pass.error} onRetry={pass.reload}>
      {data ? (
        <View className='card checkin-code'>
          <QrMatrix text={data.token} className='pass-code' />
          <Text className='checkin-code__hint'>请把这个码给组织者扫一扫，二维码每30秒更新</Text>
          <Text className='checkin-code__token pass-token'>{data.token}</Text>
          {data.signedUp ? null : <Text className='checkin-code__hint pass-not-signed-up'>你还没有报名此活动</Text>}
        </View>
      ) : null}
    </PageShell>
  );
}
