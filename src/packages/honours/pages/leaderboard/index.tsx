import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { usePagedList } from '@/hooks/usePagedList';
import { honoursApi } from '@/features/honours/api';
import '@/features/honours/components/honours.scss';
import { shiftMonth } from '@/features/honours/periods';
import { errorText } from '@/services/cloud';
import { periodText } from '@shared/domain/honours';
import { formatHours } from '@shared/rules/hours';
import { LoadMore } from '@/components/LoadMore';

/** 月度服务榜: hours served in a month by members of the 居民区 who chose to join; nobody else appears. */
export default function LeaderboardPage() {
  // undefined: this month by the server's clock.
  const [month, setMonth] = useState<string | undefined>(undefined);
  const fetchPage = useCallback((page: number) => honoursApi.leaderboard(month, page), [month]);
  const list = usePagedList(fetchPage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = list.last?.month ?? month;
  const joined = Boolean(list.last?.joined);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await honoursApi.setDisplay({ onLeaderboard: !joined });
      await list.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageShell
      className={`page-leaderboard${busy || list.loading ? ' is-busy' : ''}`}
      title='月度服务榜'
      loading={list.loading && !list.last && !list.error}
      error={list.last ? null : list.error}
      onRetry={() => void list.reload()}
    >
      <View className='card'>
        <Text className='card__hint'>
          {joined ? '你已加入服务榜，本居民区的成员能看到你每月的服务时长。' : '服务榜只显示自愿加入的成员。加入后，本居民区的成员能看到你每月的服务时长。'}
        </Text>
        {error ? (
          <View className='inline-error' role='alert'>
            {error}
          </View>
        ) : null}
        <Button className={joined ? 'btn-leave-board' : 'btn-join-board'} type={joined ? 'default' : 'primary'} size='large' block loading={busy} disabled={busy || !list.last} onClick={() => void toggle()}>
          {joined ? '退出服务榜' : '加入服务榜'}
        </Button>
      </View>
      {shown ? (
        <View className='month-nav'>
          <View className='link-btn btn-prev-month' role='button' onClick={() => setMonth(shiftMonth(shown, -1))}>
            <Text>‹ 上个月</Text>
          </View>
          <Text className='month-nav__month'>{periodText(shown, shown)}</Text>
          {month ? (
            <View className='link-btn btn-next-month' role='button' onClick={() => setMonth(undefined)}>
              <Text>回到本月</Text>
            </View>
          ) : (
            <Text />
          )}
        </View>
      ) : null}
      <View className='card leaderboard'>
        {list.items.map((row) => (
          <View key={`${row.rank}-${row.name}`} className={`leader-row${row.isMe ? ' leader-row--me' : ''}`}>
            <Text className='leader-row__rank'>{row.rank}</Text>
            <Text className='leader-row__name'>{row.isMe ? `${row.name}（我）` : row.name}</Text>
            <Text className='leader-row__hours'>{formatHours(row.halfHours)}</Text>
          </View>
        ))}
        {list.last && list.items.length === 0 ? <Text className='list-footer leaderboard-empty'>这个月还没有人上榜。</Text> : null}
        <LoadMore list={list} />
      </View>
    </PageShell>
  );
}
