import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorText } from '@/services/cloud';
import type { NoticeCounts, NoticeMode, RemindResult } from '@shared/domain/notices';
import { newRequestId, noticesApi } from '../api';

/** What the notice asks that a reader may not have done yet: the tap "收到" or a reply. */
const ASKED: Partial<Record<NoticeMode, string>> = { confirm: '点“收到”', reply: '回复' };

/**
 * Who a reminder reaches, in plain words with the counts: the unread, and for a notice that asks more, those who
 * read it but did not do it. The writer and whoever reminds are never reminded (the function leaves them out).
 */
export function remindAudience(counts: NoticeCounts, mode: NoticeMode): { label: string; total: number } {
  const unread = counts.targeted - counts.read;
  const asked = ASKED[mode];
  if (!asked) return { label: `未读的邻居 ${unread} 人`, total: unread };
  const readNotDone = counts.read - (mode === 'confirm' ? counts.confirmed : counts.replied);
  return { label: `未读的邻居 ${unread} 人，和已读未${asked}的邻居 ${readNotDone} 人`, total: unread + readNotDone };
}

/**
 * 一键提醒: one round of reminders (a doubled tap is the same round), after a confirmation saying who is reminded;
 * then who got a subscribe message, who a WeCom @, and who to call or visit.
 */
export function RemindPanel({ noticeId, counts, mode, onReminded }: { noticeId: string; counts: NoticeCounts; mode: NoticeMode; onReminded: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RemindResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const audience = remindAudience(counts, mode);
  const remind = async () => {
    const { confirm } = await Taro.showModal({
      title: '提醒邻居',
      content: `将提醒${audience.label}（不会提醒你自己）。有订阅的发微信提醒，其余在企业微信群里@或请你电话告知。`,
      confirmText: '提醒',
      cancelText: '先不提醒',
    });
    if (!confirm) return;
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
      <Text className='notice-row__meta remind-audience'>会提醒：{audience.label}</Text>
      <Button className='btn-remind-unread' type='primary' size='large' block loading={busy} disabled={busy || audience.total === 0} onClick={() => void remind()}>
        {audience.total === 0 ? '大家都已回应' : `一键提醒（${audience.total} 人）`}
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
