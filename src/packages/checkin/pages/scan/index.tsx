import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FormField } from '@/components/FormField';
import { PageShell } from '@/components/PageShell';
import { checkinApi } from '@/features/checkin/api';
import { scanMessage } from '@/features/checkin/format';
import type { ScanResult } from '@shared/domain/checkin';
import '@/features/checkin/checkin.scss';
import { CloudCallError, errorText } from '@/services/cloud';
import { CODE_LENGTH, groupedCode, typedCode } from '@shared/rules/checkin-code';
import { formatShanghai } from '@shared/time';

/** Why a typed code was refused, in words a resident can act on (tries left, or when to try again). */
export function typedCodeError(err: unknown): string {
  if (!(err instanceof CloudCallError)) return errorText(err);
  const at = err.fields?.retryAt ? formatShanghai(err.fields.retryAt, 'HH:mm') : '';
  const later = at ? `请在 ${at} 以后再试` : '请过一会儿再试';
  if (err.code === 'CHECKIN.CODE_WRONG') {
    const left = Number(err.fields?.remaining ?? NaN);
    if (left > 0) return `签到码不对，还可以再试 ${left} 次。请对照签到台上的 6 位码再输一次`;
    if (left === 0) return `签到码不对，已经输错 5 次。${later}，或请组织者扫你的「我的签到码」`;
  }
  if (err.code === 'CHECKIN.TOO_MANY_TRIES') return `输错次数太多，${later}，或请组织者扫你的「我的签到码」`;
  return errorText(err);
}

const refusedText = (chars: string[]) =>
  `签到码里没有「${chars.join('」「')}」：它只用不容易看错的字母和数字（没有 0、O、1、I 等），请对照签到台再看一下`;

/**
 * 扫码签到: opened by WeChat from the station's code (the token arrives as `scene`, or `token`) it checks in at once;
 * it can also scan with the camera, or take the 6-character code shown on the station (opened from an event,
 * `eventId`). The station's long token is never typed: in a browser, where there is no camera to count on, the
 * 6-character code comes first; in WeChat it is one tap away, under 输入签到码.
 */
export default function ScanPage() {
  const { params } = useRouter();
  const fromCode = decodeURIComponent(params.scene ?? params.token ?? '');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ ok: boolean; text: string; eventTitle?: string } | null>(null);
  const started = useRef(false);
  const eventId = params.eventId ? decodeURIComponent(params.eventId) : '';
  const inBrowser = Taro.getEnv() === Taro.ENV_TYPE.WEB;
  const [typing, setTyping] = useState(inBrowser);
  const [code, setCode] = useState('');
  const [codeNote, setCodeNote] = useState<string | null>(null);

  const onCodeInput = (value: string) => {
    const typed = typedCode(value);
    setCode(typed.code);
    setCodeNote(typed.refused.length ? refusedText(typed.refused) : null);
    return groupedCode(typed.code);
  };

  const showResult = async (result: ScanResult) => {
    const message = scanMessage(result);
    setAnswer({ ok: true, text: message });
    // The volunteer sees which event the code was for, so a code of the wrong event is noticed at once.
    const eventTitle = result.eventTitle || (await checkinApi.eventTitle(result.eventId).catch(() => ''));
    if (eventTitle) setAnswer({ ok: true, text: message, eventTitle });
  };

  const submitCode = async () => {
    if (code.length !== CODE_LENGTH || !eventId) return;
    setBusy(true);
    setAnswer(null);
    try {
      await showResult(await checkinApi.typeCode(eventId, code));
      setCode('');
    } catch (err) {
      setAnswer({ ok: false, text: typedCodeError(err) });
    } finally {
      setBusy(false);
    }
  };

  const submit = async (text: string) => {
    if (!text.trim()) return;
    setBusy(true);
    setAnswer(null);
    try {
      await showResult(await checkinApi.scan(text.trim(), eventId || undefined));
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
      await submit(scene ? decodeURIComponent(scene[1]!) : res.result);
    } catch (err) {
      setAnswer({ ok: false, text: errorText(err) });
    }
  };

  return (
    <PageShell title={inBrowser ? '签到' : '扫码签到'}>
      {answer ? (
        <View className={`checkin-answer scan-answer ${answer.ok ? 'checkin-answer--ok' : 'checkin-answer--error'}`} role={answer.ok ? 'status' : 'alert'}>
          <Text>{answer.text}</Text>
          {answer.eventTitle ? <Text className='scan-answer__event'>{answer.eventTitle}</Text> : null}
        </View>
      ) : null}
      {typing ? null : (
        <View className='scan-actions'>
          <Button className='btn-scan' type='primary' size='large' block disabled={busy} onClick={scanWithCamera}>
            扫活动现场的签到码
          </Button>
          {eventId ? (
            <Button className='btn-type-code' size='large' block onClick={() => setTyping(true)}>
              输入签到码
            </Button>
          ) : null}
        </View>
      )}
      {/* Opened from a scanned code, with no event to type a code for: the answer above is all there is to say. */}
      {typing && (eventId || !fromCode) ? (
        <View className='card scan-code'>
          {eventId ? (
            <>
              <FormField name='code' label='输入签到码' hint='签到台二维码旁边的 6 位码，字母大小写都可以' error={codeNote}>
                <Input
                  id='input-code'
                  className='input-code'
                  value={groupedCode(code)}
                  onInput={(e) => onCodeInput(e.detail.value)}
                  onConfirm={() => void submitCode()}
                  placeholder='例如 3KX 7PQ'
                  confirmType='done'
                />
              </FormField>
              <Button className='btn-submit-code' type='primary' size='large' block disabled={busy || code.length !== CODE_LENGTH} onClick={() => void submitCode()}>
                签到
              </Button>
            </>
          ) : (
            <Text className='scan-code__from-event'>请先打开要参加的活动，点「扫码签到」，再输入签到台上的 6 位码</Text>
          )}
        </View>
      ) : null}
      {typing ? (
        <View className='scan-camera'>
          <Button className='btn-scan' size='large' block disabled={busy} onClick={scanWithCamera}>
            用摄像头扫码
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
