import { Text, View } from '@tarojs/components';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { REPORT_PAGES } from '@/features/reports/api';
import { ReportCard } from '@/features/reports/components/ReportCard';
import { useMyReports, useQueue } from '@/features/reports/hooks';
import '@/features/reports/reports.scss';

/**
 * 我的上报: the reports the caller filed or joined, newest first, each with its state and clock. Whoever handles
 * reports (a building pair, the 总格长, whose roles the app does not list) finds 待处理 here when theirs is not empty.
 */
export default function MyReportsPage() {
  const list = useMyReports();
  const queue = useQueue();
  const now = Date.now();
  return (
    <PageShell
      className={`page-reports-mine${list.loading ? ' is-busy' : ''}`}
      title='我的上报'
      loading={list.loading && list.items.length === 0 && !list.error}
      error={list.items.length === 0 ? list.error : null}
      onRetry={() => void list.reload()}
    >
      <View className='report-links'>
        <LinkButton className='btn-new-report' url={REPORT_PAGES.new}>
          一键上报
        </LinkButton>
        {queue.items.length ? (
          <LinkButton className='btn-open-queue' type='default' url={REPORT_PAGES.queue}>
            {`待处理（${queue.items.length}${queue.hasMore ? '+' : ''}）`}
          </LinkButton>
        ) : null}
      </View>
      {list.last && list.items.length === 0 ? <Text className='card__hint'>你还没有上报过问题。遇到楼道堆物、漏水、设施坏了，点上面的“一键上报”。</Text> : null}
      {list.items.map((r) => (
        <ReportCard key={r.id} report={r} nowMs={now} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
