import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { CallButton } from '@/components/CallButton';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { StatusTag } from '@/components/StatusTag';
import '@/features/notices/notices.scss';
import { REPORT_PAGES } from '@/features/reports/api';
import { ConfirmForm } from '@/features/reports/components/ConfirmForm';
import { HelpersCard } from '@/features/reports/components/HelpersCard';
import { AcceptPanel, HandOverPanel, MergePanel, ResolvePanel, WaitPanel } from '@/features/reports/components/ReportActions';
import { RemindMe } from '@/features/reports/components/RemindMe';
import { Timeline } from '@/features/reports/components/Timeline';
import type { ChangeContext } from '@/features/reports/components/useChange';
import { VisitForm } from '@/features/reports/components/VisitForm';
import { dueLine, STATE_TONES, stateLabel, whenText } from '@/features/reports/format';
import { useReport } from '@/features/reports/hooks';
import '@/features/reports/reports.scss';
import { OPEN_REPORT_STATES } from '@shared/domain/report';
import { imageSrc } from '@/services/upload';

/**
 * 上报详情: the report, its clock (超时 said in words and red), who holds it, the timeline, and what the caller may do
 * now (the view's `can`). A change someone else made first is said in a toast and the report reloaded.
 */
export default function ReportDetailPage() {
  const reportId = (useRouter().params as Record<string, string | undefined>).id ?? '';
  const query = useReport(reportId);
  const report = query.data?.report ?? null;
  const due = report ? dueLine(report, Date.now()) : null;
  const ctx: ChangeContext | null = report
    ? { report, onReport: (next) => query.setData({ report: next }), onStale: () => void query.reload() }
    : null;
  const handler = !!report && (report.can.visit || report.can.resolve);

  return (
    <PageShell
      className={`page-reports-detail${query.loading ? ' is-busy' : ''}`}
      title={report ? `${report.categoryName}` : '上报详情'}
      loading={query.loading && !report}
      error={report ? null : query.error}
      onRetry={() => void query.reload()}
    >
      {report && ctx ? (
        <>
          <View className={`card report-info${due?.overdue ? ' report-card--overdue' : ''}`}>
            <View className='report-card__head'>
              <Text className='report-card__title'>{report.placeText}</Text>
              <StatusTag className='report-state' label={stateLabel(report.state)} tone={STATE_TONES[report.state]} />
            </View>
            {due ? <Text className={`report-due${due.overdue ? ' report-due--overdue' : ''}`}>{due.text}</Text> : null}
            <Text className='report-text'>{report.text}</Text>
            {report.photos.length ? (
              <View className='report-photos'>
                {report.photos.map((p) => (
                  <Image key={p} className='report-photos__img' src={imageSrc(p)} mode='aspectFill' />
                ))}
              </View>
            ) : null}
            <Text className='report-card__meta'>
              编号 {report.number} · {whenText(report.filedAt)} 上报{report.proxy ? '（网格长代为上报）' : ''}
            </Text>
            <Text className='report-card__meta'>现在由 {report.assignee.name} 处理</Text>
            {report.followers > 0 ? <Text className='report-card__meta'>还有{report.followers}位邻居也遇到了</Text> : null}
            {report.waitingReason ? <Text className='report-card__meta report-waiting'>等待原因：{report.waitingReason}</Text> : null}
            {report.rating ? (
              <Text className='report-card__meta report-rating'>
                居民评价：{'★'.repeat(report.rating.stars)}
                {report.rating.comment ? ` ${report.rating.comment}` : ''}
              </Text>
            ) : null}
          </View>
          {report.reporter ? (
            <View className='card report-reporter'>
              <Text className='card__label'>上报居民</Text>
              <Text className='report-card__meta'>
                {report.reporter.name}（{report.reporter.building}
                {report.reporter.room}）
              </Text>
              {report.reporter.phone ? <CallButton className='btn-call-reporter' numberFor={async () => report.reporter!.phone} /> : null}
            </View>
          ) : null}
          {report.mergedInto ? (
            <LinkButton className='btn-report-merged-into' type='default' url={REPORT_PAGES.detail(report.mergedInto)}>
              看合并后的那条上报
            </LinkButton>
          ) : null}
          <View key={report.version} className='report-actions'>
            {report.can.accept ? <AcceptPanel {...ctx} /> : null}
            {report.can.confirm ? <ConfirmForm {...ctx} /> : null}
            {report.can.resolve ? <ResolvePanel {...ctx} /> : null}
            {report.can.visit ? <VisitForm {...ctx} /> : null}
            {report.can.wait || report.can.resume ? <WaitPanel {...ctx} /> : null}
            {report.can.handOver ? <HandOverPanel {...ctx} /> : null}
            {report.can.merge ? <MergePanel {...ctx} /> : null}
          </View>
          {handler ? <HelpersCard reportId={report.id} /> : null}
          {!handler && (OPEN_REPORT_STATES as readonly string[]).includes(report.state) ? (
            <RemindMe templates={['report-progress']} label='处理有进展时微信提醒我' allowed='好的，处理有进展时会通过微信提醒你一次' />
          ) : null}
          <Timeline steps={report.steps} />
        </>
      ) : null}
    </PageShell>
  );
}
