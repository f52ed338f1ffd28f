import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/StatusTag';
import type { ReportSummaryView } from '@shared/domain/report';
import { REPORT_PAGES } from '../api';
import { dueLine, STATE_TONES, stateLabel, whenText } from '../format';

/** A report in a list: category, place, state, and its clock (red and said 超时 when past). Tapping opens it. */
export function ReportCard({ report, nowMs }: { report: ReportSummaryView; nowMs: number }) {
  const due = dueLine(report, nowMs);
  return (
    <View
      className={`card report-card${due?.overdue ? ' report-card--overdue' : ''}`}
      data-report-id={report.id}
      onClick={() => void Taro.navigateTo({ url: REPORT_PAGES.detail(report.id) })}
    >
      <View className='report-card__head'>
        <Text className='report-card__title'>{report.categoryName}</Text>
        <StatusTag label={stateLabel(report.state)} tone={STATE_TONES[report.state]} />
      </View>
      <Text className='report-card__meta'>{report.placeText}</Text>
      {report.excerpt ? <Text className='report-card__meta'>{report.excerpt}</Text> : null}
      <Text className='report-card__meta'>
        {report.number} · {whenText(report.filedAt)} 上报{report.followers > 0 ? ` · ${report.followers}位邻居也遇到了` : ''}
      </Text>
      {due ? <Text className={`report-due${due.overdue ? ' report-due--overdue' : ''}`}>{due.text}</Text> : null}
    </View>
  );
}
