import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { EntryRow } from '@/features/ledger/components/EntryRow';
import { MonthSummary } from '@/features/ledger/components/MonthSummary';
import { TotalsCard } from '@/features/ledger/components/TotalsCard';
import { useMyLedger } from '@/features/ledger/useMyLedger';

/** 我的时长与积分: totals, a summary per month, and every entry behind them. */
export default function MyLedgerPage() {
  const { entries, summary } = useMyLedger();
  const totals = entries.last?.totals;
  return (
    <PageShell
      className={`page-my-ledger${entries.loading ? ' is-busy' : ''}`}
      title='我的时长与积分'
      loading={entries.loading && !entries.last}
      error={entries.last ? null : entries.error}
      onRetry={() => void entries.reload()}
    >
      {totals ? <TotalsCard totals={totals} /> : null}
      {summary.data ? <MonthSummary months={summary.data.months} /> : null}
      {summary.error ? (
        <View className='inline-error' role='alert'>
          {summary.error}
        </View>
      ) : null}
      <View className='ledger-entries'>
        <Text className='card__title'>明细</Text>
        {entries.last && entries.items.length === 0 ? (
          <Text className='list-footer list-empty'>还没有记录。参加一次活动，时长和积分就会记在这里。</Text>
        ) : null}
        {entries.items.map((e) => (
          <EntryRow key={e.id} entry={e} />
        ))}
        {entries.error && entries.last ? (
          <View className='inline-error' role='alert'>
            {entries.error}
          </View>
        ) : null}
        {entries.hasMore ? (
          <Button className='btn-load-more' size='large' block disabled={entries.loading} onClick={entries.loadMore}>
            加载更多
          </Button>
        ) : null}
      </View>
    </PageShell>
  );
}
