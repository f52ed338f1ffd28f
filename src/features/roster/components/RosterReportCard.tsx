import { Text, View } from '@tarojs/components';
import { ROSTER_FIELD_LABELS, type RosterReport } from '@shared/domain/roster';

export interface RosterReportCardProps {
  report: RosterReport;
}

/** What the check found: the totals, then every bad row with its line, column and reason. */
export function RosterReportCard({ report }: RosterReportCardProps) {
  const hidden = report.bad > 0 ? report.issues.length < report.bad : false;
  return (
    <View className='card roster-report'>
      <View className='card__title'>
        <Text>检查结果</Text>
      </View>
      <View className='roster-report__totals'>
        <Text className='roster-report__line roster-report__rows'>名册共 {report.rows} 行</Text>
        <Text className='roster-report__line roster-report__new'>可以新导入 {report.toCreate} 人</Text>
        {report.alreadyImported > 0 ? (
          <Text className='roster-report__line roster-report__imported'>已导入过 {report.alreadyImported} 人（不会重复导入）</Text>
        ) : null}
        {report.alreadyRegistered > 0 ? (
          <Text className='roster-report__line roster-report__registered'>
            已在小程序登记 {report.alreadyRegistered} 人（保留本人登记的信息）
          </Text>
        ) : null}
        <Text className={`roster-report__line roster-report__bad${report.bad ? ' roster-report__bad--some' : ''}`}>
          {report.bad ? `有问题 ${report.bad} 行` : '没有发现问题'}
        </Text>
        {report.ignoredColumns.length ? (
          <Text className='roster-report__line roster-report__ignored'>这些栏目不会导入：{report.ignoredColumns.join('、')}</Text>
        ) : null}
      </View>
      {report.issues.length ? (
        <View className='roster-issues' role='list'>
          {report.issues.map((issue, i) => (
            <View key={`${issue.row}-${issue.field ?? 'row'}-${i}`} className='roster-issue' role='listitem' data-row={issue.row}>
              <Text className='roster-issue__where'>
                第{issue.row}行{issue.field ? ` · ${ROSTER_FIELD_LABELS[issue.field]}` : ''}
              </Text>
              <Text className='roster-issue__reason'>{issue.message}</Text>
            </View>
          ))}
          {hidden ? <Text className='roster-issues__more'>问题较多，只列出前 {report.issues.length} 条</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
