import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { checkinApi } from '@/features/checkin/api';
import { Counts } from '@/features/checkin/components/Counts';
import { scanMessage } from '@/features/checkin/format';
import { usePolling } from '@/features/checkin/usePolling';
import { useRotating } from '@/features/checkin/useRotating';
import '@/features/checkin/checkin.scss';
import { errorText } from '@/services/cloud';
import type { AttendanceCounts, ScanKind } from '@shared/domain/checkin';
import { spacedCode } from '@shared/rules/checkin-code';
import { formatShanghai } from '@shared/time';

/** The count is asked for every 4 s, apart from the code (30 s), while the page is shown. */
export const COUNT_POLL_MS = 4_000;

/**
 * 签到台: the organizer's phone shows the event's code (it changes every 30 seconds) with its 6-character short code
 * for phones without a camera, and the live count (polled every few seconds, apart from the code); the organizer or
 * a scanner can also scan a volunteer's personal code. Opened before check-in opens, it says when it opens.
 */
export default function StationPage() {
  const eventId = useRouter().params.eventId ?? '';
  const [kind, setKind] = useState<ScanKind>('in');
  const fetch = useCallback(() => checkinApi.station(eventId, kind), [eventId, kind]);
  const station = useRotating(eventId ? fetch : null);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  // The polled count, fresher than the one that came with the code; a new code brings a fresh one too.
  const [live, setLive] = useState<AttendanceCounts | null>(null);
  useEffect(() => setLive(null), [station.data]);
  const refreshCounts = useCallback(async () => setLive((await checkinApi.counts(eventId)).counts), [eventId]);
  usePolling(eventId && station.data ? refreshCounts : null, COUNT_POLL_MS);

  const [passText, setPassText] = useState('');

  const submitPass = async (passToken: string) => {
    setAnswer(null);
    try {
      const done = await checkinApi.scanPass(eventId, kind, passToken.trim());
      setAnswer({ ok: true, text: scanMessage(done, true) });
      void refreshCounts().catch(() => undefined);
    } catch (err) {
      setAnswer({ ok: false, text: errorText(err) });
    }
  };

  const scanPass = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      await submitPass(result);
    } catch (err) {
      setAnswer({ ok: false, text: errorText(err) });
    }
  };

  const data = station.data;
  return (
    <PageShell title={data?.title ?? '签到台'} loading={station.loading && !data} error={station.error} onRetry={station.reload}>
      <View className='card'>
        <View className='checkin-kinds'>
          <Button className='btn-kind-in' type={kind === 'in' ? 'primary' : 'default'} size='large' onClick={() => setKind('in')}>
            签到码
          </Button>
          <Button className='btn-kind-out' type={kind === 'out' ? 'primary' : 'default'} size='large' onClick={() => setKind('out')}>
            签退码
          </Button>
        </View>
        {data?.state === 'not_open' ? (
          <View className='checkin-code station-waiting'>
            <Text className='checkin-code__waiting'>签到还没开始</Text>
            <Text className='checkin-code__hint station-opens'>
              {formatShanghai(data.opensAt, 'M月D日 HH:mm')} 开始签到，到时这里会自动出现签到码
            </Text>
          </View>
        ) : null}
        {data?.state === 'open' ? (
          // The long token is not shown (the 6-character code is what people read and type); it stays on the QR's
          // box as data-token, for tests that need what the QR carries.
          <View className='checkin-code station-qr' data-token={data.token}>
            {data.image ? <Image className='checkin-code__image' src={data.image} mode='aspectFit' /> : null}
            <Text className='checkin-code__hint'>请志愿者用微信扫码{kind === 'in' ? '签到' : '签退'}，二维码每30秒更新</Text>
            <View className='checkin-short'>
              <Text className='checkin-short__code station-short-code' aria-label={data.shortCode.split('').join(' ')}>
                {spacedCode(data.shortCode)}
              </Text>
              <Text className='checkin-short__hint'>没有摄像头？在签到页输入这 6 位码{kind === 'in' ? '签到' : '签退'}</Text>
            </View>
          </View>
        ) : null}
      </View>
      {data ? (
        <View className='card'>
          <Counts counts={live ?? data.counts} />
        </View>
      ) : null}
      <Button className='btn-scan-pass' type='primary' size='large' block onClick={scanPass}>
        扫志愿者的个人码
      </Button>
      <View className='card'>
        <FormField name='pass' label='或输入志愿者个人码下方的文字'>
          <Input id='input-pass' className='input-pass' value={passText} onInput={(e) => setPassText(e.detail.value)} />
        </FormField>
        <Button className='btn-submit-pass' size='large' block disabled={!passText.trim()} onClick={() => void submitPass(passText)}>
          {kind === 'in' ? '为TA签到' : '为TA签退'}
        </Button>
      </View>
      {answer ? (
        <View className={`checkin-answer station-answer ${answer.ok ? 'checkin-answer--ok' : 'checkin-answer--error'}`} role={answer.ok ? 'status' : 'alert'}>
          <Text>{answer.text}</Text>
        </View>
      ) : null}
      <Button
        className='btn-review'
        size='large'
        block
        onClick={() => void Taro.navigateTo({ url: `/packages/checkin/pages/review/index?eventId=${encodeURIComponent(eventId)}` })}
      >
        活动结束后：核对时长
      </Button>
    </PageShell>
  );
}
