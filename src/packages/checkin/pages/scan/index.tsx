import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { checkinApi } from '@/features/checkin/api';
import { scanMessage } from '@/features/checkin/format';
import '@/features/checkin/checkin.scss';
import { errorText } from '@/services/cloud';

/**
 * 扫码签到: opened by WeChat from the station's code (the token arrives as `scene`) it checks in at once; it can
 * also scan with the camera, or take the token typed in (the local stack shows it as text).
 */
export default function ScanPage() {
  const { params } = useRouter();
  const fromCode = decodeURIComponent(params.scene ?? params.token ?? '');
  const [token, setToken] = useState(fromCode);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string; eventTitle?: string } | null>(null);
  const started = useRef(false);

  const submit = async (text: string) => {
    if (!text.trim()) return;
    setBusy(true);
    setAnswer(null);
    try {
      const result = await checkinApi.scan(text.trim(), params.eventId);
      const message = scanMessage(result);
      setAnswer({ ok: true, text: message });
      // The volunteer sees which event the code was for, so a code of the wrong event is noticed at once.
      const eventTitle = result.eventTitle || (await checkinApi.eventTitle(result.eventId).catch(() => ''));
      if (eventTitle) setAnswer({ ok: true, text: message, eventTitle });
    } catch (err) {
      setAnswer({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (fromCode && !started.current) {
      started.current = true;
      void submit(fromCode);
    }
    // Once, for the code the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const scanWithCamera = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'wxCode' as 'qrCode'] });
      // A mini-program code read in-app gives its path; the token is its scene.
      const scene = /scene=([^&]+)/.exec(res.path ?? res.result ?? '');
      const text = scene ? decodeURIComponent(scene[1]!) : res.result;
      setToken(text);
      await submit(text);
    } catch (err) {
      setAnswer({ ok: false, text: errorText(err) });
    }
  };

  return (
    <PageShell title='扫码签到'>
      {answer ? (
        <View className={`checkin-answer scan-answer ${answer.ok ? 'checkin-answer--ok' : 'checkin-answer--error'}`} role={answer.ok ? 'status' : 'alert'}>
          <Text>{answer.text}</Text>
          {answer.eventTitle ? <Text className='scan-answer__event'>{answer.eventTitle}</Text> : null}
        </View>
      ) : null}
      <Button className='btn-scan' type='primary' size='large' block disabled={busy} onClick={scanWithCamera}>
        扫活动现场的签到码
      </Button>
      <View className='card'>
        <FormField name='token' label='或输入签到码'>
          <Input id='input-token' className='input-token' value={token} onInput={(e) => setToken(e.detail.value)} placeholder='签到台上显示的一串字' />
        </FormField>
        <Button className='btn-submit-token' size='large' block disabled={busy || !token.trim()} onClick={() => void submit(token)}>
          提交
        </Button>
      </View>
    </PageShell>
  );
}
