import { Text, View } from '@tarojs/components';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { RemindMe } from '@/features/reports/components/RemindMe';
import { ReportCard } from '@/features/reports/components/ReportCard';
import { dueLine } from '@/features/reports/format';
import { useQueue } from '@/features/reports/hooks';
import '@/features/reports/reports.scss';

/** 待处理: the open reports the caller handles, next due first; overdue ones red and said 超时, with the counts. */
export default function ReportQueuePage() {
  const list = useQueue();
  const now = Date.now();
  const overdue = list.items.filter((r) => dueLine(r, now)?.overdue).length;
  const waitingResponse = list.items.filter((r) => r.state === 'submitted').length;
  return (
    <PageShell
      className={`page-reports-queue${list.loading ? ' is-busy' : ''}`}
      title='待处理'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      {list.last ? (
        <View className='card report-counts'>
          <Text className='report-counts__item'>
            共 {list.items.length}
            {list.hasMore ? '+' : ''} 条
          </Text>
          <Text className='report-counts__item'>待响应 {waitingResponse}</Text>
          <Text className={`report-counts__item${overdue ? ' report-due--overdue' : ''}`}>超时 {overdue}</Text>
        </View>
      ) : null}
      <RemindMe templates={['report-assigned', 'report-overdue']} label='有新上报时微信提醒我' allowed='好的，有新上报或超时时会通过微信提醒你一次' />
      {list.last && list.items.length === 0 ? <Text className='card__hint'>眼下没有要处理的上报。</Text> : null}
      {list.items.map((r) => (
        <ReportCard key={r.id} report={r} nowMs={now} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
