import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import { RemindPanel } from '@/features/notices/components/RemindPanel';
import { countsText, STATE_TONES, stateLabel, timeText } from '@/features/notices/format';
import { useReceipts } from '@/features/notices/hooks';
import '@/features/notices/notices.scss';
import { NOTICE_MODES, type ReceiptFilter } from '@shared/domain/notices';
import { LoadMore } from '@/components/LoadMore';

const FILTERS: { value: ReceiptFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'pending', label: '还没回应' },
  { value: 'unread', label: '未读' },
  { value: 'read', label: '已读' },
  { value: 'confirmed', label: '已收到' },
  { value: 'replied', label: '已回复' },
];
const ALL_GROUPS = 'all';
/** The row of reads outside any bound group (a direct share, the notice list). */
const ELSEWHERE = 'elsewhere';

/**
 * 通知回执: reads per bound group, and the targeted residents (the project's own roster: WeChat never says who did
 * not open) with where each stands; remind the unread with one tap.
 */
export default function NoticeReceiptsPage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const noticeId = params.id ?? '';
  const mode = NOTICE_MODES.find((m) => m === params.mode) ?? 'read';
  const [filter, setFilter] = useState<ReceiptFilter>('all');
  const [group, setGroup] = useState(ALL_GROUPS);
  const list = useReceipts(noticeId, filter, group === ALL_GROUPS ? null : group);
  const last = list.last;
  const rows = list.items;
  const bound = (last?.groups ?? []).filter((g) => g.groupId);
  const groupOptions = [{ value: ALL_GROUPS, label: '不分群' }, ...bound.map((g) => ({ value: g.groupId!, label: `在${g.name}打开的` }))];

  return (
    <PageShell
      className={`page-notices-receipts${list.loading ? ' is-busy' : ''}`}
      title='通知回执'
      loading={list.loading && !last && !list.error}
      error={last ? null : list.error}
      onRetry={() => void list.reload()}
    >
      {last ? (
        <>
          <View className='card notice-receipt-summary'>
            <Text className='notice-card__counts'>{countsText(last.counts, mode)}</Text>
            <Text className='notice-card__meta'>共发给 {last.counts.targeted} 位居民</Text>
            <View className='card__title'>各群打开情况</View>
            {last.groups.map((g) => (
              <View key={g.groupId ?? ELSEWHERE} className='notice-row notice-group-count' data-group-id={g.groupId ?? ELSEWHERE}>
                <Text className='notice-row__name'>{g.name}</Text>
                <Text className='notice-row__meta'>{g.read} 人打开</Text>
              </View>
            ))}
          </View>
          <RemindPanel noticeId={noticeId} counts={last.counts} mode={mode} onReminded={() => void list.refreshAfter()} />
          <View className='notice-tabs'>
            <Text className='form-field__hint'>按情况看：</Text>
            <ChoiceChips id='receipt-filter' single options={FILTERS} value={[filter]} onChange={(v) => setFilter(v[0] as ReceiptFilter)} />
            {bound.length > 0 ? (
              <>
                <Text className='form-field__hint'>按群看：</Text>
                <ChoiceChips id='receipt-group' single options={groupOptions} value={[group]} onChange={(v) => setGroup(v[0]!)} />
              </>
            ) : null}
          </View>
        </>
      ) : null}
      {last && rows.length === 0 && !list.loading ? <Text className='card__hint'>这一类暂时没有居民。</Text> : null}
      {rows.length > 0 ? (
        <View className='card notice-receipt-rows'>
          {rows.map((r) => (
            <View key={r.memberId} className={`notice-row receipt-row receipt-row--${r.state}`} data-member-id={r.memberId}>
              <Text className='notice-row__name'>{r.name}</Text> <StatusTag label={stateLabel(r.state)} tone={STATE_TONES[r.state]} />
              <Text className='notice-row__meta'>
                {r.building}
                {r.room}
                {r.readAt ? ` · ${timeText(r.readAt)} 打开` : ''}
                {r.groups.length ? `（${r.groups.join('、')}）` : ''}
              </Text>
              {r.reply ? <Text className='notice-row__meta'>回复：{r.reply}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
      <LoadMore list={list} />
    </PageShell>
  );
}
