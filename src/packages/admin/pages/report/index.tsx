import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { ledgerApi } from '@/features/ledger/api';
import { ReportTable } from '@/features/ledger/components/ReportTable';
import { exportText } from '@/services/export-file';
import { monthLabel, reportCsv, shiftMonth } from '@/features/ledger/format';
import { formatHours } from '@shared/rules/hours';
import { formatShanghai } from '@shared/time';
import '@/features/ledger/ledger.scss';

const EXPORTED = { downloaded: '已下载', shared: '已发送', copied: '已复制，可粘贴到表格' } as const;

/** 月度报表: hours and points of a month by council and by grid, and its CSV export. */
export default function ReportPage() {
  const thisMonth = formatShanghai(new Date(), 'YYYY-MM');
  const [month, setMonth] = useState(thisMonth);
  const fetch = useMemo(() => () => ledgerApi.report(month), [month]);
  const { data, loading, error, reload } = useCloudQuery(fetch);

  const exportCsv = async () => {
    if (!data) return;
    const result = await exportText(`积分月报-${data.month}.csv`, reportCsv(data), 'text/csv');
    void Taro.showToast({ title: EXPORTED[result], icon: 'success', duration: 1500 });
  };

  return (
    <PageShell className={`page-admin-report${loading ? ' is-busy' : ''}`} title='月度报表' error={data ? null : error} onRetry={() => void reload()}>
      <View className='card month-picker'>
        <View className='link-btn btn-prev-month' role='button' onClick={() => setMonth(shiftMonth(month, -1))}>
          <Text>‹ 上个月</Text>
        </View>
        <Text className='month-picker__label'>{monthLabel(month)}</Text>
        {month < thisMonth ? (
          <View className='link-btn btn-next-month' role='button' onClick={() => setMonth(shiftMonth(month, 1))}>
            <Text>下个月 ›</Text>
          </View>
        ) : (
          <Text className='card__hint'>本月</Text>
        )}
      </View>
      {loading && !data ? <Text className='list-footer page-loading'>正在加载，请稍候…</Text> : null}
      {data && data.month === month ? (
        <View>
          <View className='card report-total'>
            <Text className='card__title'>合计</Text>
            <Text className='report-total__line'>
              {data.total.members} 位成员 · {formatHours(data.total.halfHours)} · {data.total.points} 积分
            </Text>
          </View>
          <ReportTable name='council' title='按分会' rows={data.byCouncil} note='同时加入几个分会的成员，在每个分会都计入一次。' />
          <ReportTable name='grid' title='按微格' rows={data.byGrid} />
          <Button className='btn-export' type='primary' size='large' block onClick={() => void exportCsv()}>
            导出表格（CSV）
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
