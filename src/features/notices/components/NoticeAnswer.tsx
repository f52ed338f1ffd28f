import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { errorText } from '@/services/cloud';
import type { MyReceiptView, NoticeView } from '@shared/domain/notices';
import { noticesApi } from '../api';
import { timeText } from '../format';

/** What the notice asks of the resident: tap 收到, or pick one answer; once done, what they answered. */
export function NoticeAnswer({ notice, onAnswered }: { notice: NoticeView; onAnswered: (mine: MyReceiptView) => void }) {
  const [choice, setChoice] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = notice.mine;
  if (!mine || notice.mode === 'read') return null;

  const run = async (work: () => Promise<{ mine: MyReceiptView }>) => {
    setBusy(true);
    setError(null);
    try {
      onAnswered((await work()).mine);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (mine.state === 'confirmed') {
    body = <Text className='notice-mine'>你已点“收到”{mine.confirmedAt ? `（${timeText(mine.confirmedAt)}）` : ''}</Text>;
  } else if (mine.state === 'replied') {
    body = <Text className='notice-mine'>你的回复：{mine.reply}</Text>;
  } else if (notice.expired) {
    body = <Text className='card__hint'>这条通知已经过期，不用再回复了。</Text>;
  } else if (notice.mode === 'confirm') {
    body = (
      <Button className='btn-confirm-notice' type='primary' size='large' block loading={busy} disabled={busy} onClick={() => void run(() => noticesApi.confirm(notice.id))}>
        收到
      </Button>
    );
  } else {
    body = (
      <>
        <Text className='notice-card__title'>{notice.question?.text}</Text>
        <ChoiceChips id='notice-reply' single options={notice.question?.options ?? []} value={choice} onChange={setChoice} />
        <Button
          className='btn-reply-notice'
          type='primary'
          size='large'
          block
          loading={busy}
          disabled={busy || !choice[0]}
          onClick={() => void run(() => noticesApi.reply(notice.id, choice[0]!))}
        >
          提交回复
        </Button>
      </>
    );
  }
  return (
    <View className='card notice-answer'>
      {body}
      {error ? (
        <View className='inline-error notice-answer-error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
