import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LinkButton } from '@/components/LinkButton';
import { LoadMore } from '@/components/LoadMore';
import { PageShell } from '@/components/PageShell';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { REPORT_PAGES, reportsApi, type ListFilters } from '@/features/reports/api';
import { FiguresCard } from '@/features/reports/components/FiguresCard';
import { MonthSwitch } from '@/features/reports/components/MonthSwitch';
import { RemindMe } from '@/features/reports/components/RemindMe';
import { ReportCard } from '@/features/reports/components/ReportCard';
import { useFigures, useReportList, useReportSettings } from '@/features/reports/hooks';
import '@/features/reports/reports.scss';
import { errorText } from '@/services/cloud';
import { exportText } from '@/services/export-file';
import { REPORT_STATE_LABELS, REPORT_STATES } from '@shared/domain/report';
import { formatShanghai } from '@shared/time';

const ALL = 'all';
const STATE_OPTIONS = [{ value: ALL, label: '全部' }, { value: 'open', label: '未办结' }, ...REPORT_STATES.map((s) => ({ value: s, label: REPORT_STATE_LABELS[s] }))];
const EXPORTED = { downloaded: '已下载', shared: '已发送', copied: '已复制，可粘贴到表格' } as const;

/** 上报管理 (the committee): every report of the 居民区 with filters, the month's figures and their CSV. */
export default function ReportAdminPage() {
  const settings = useReportSettings();
  const gridsQuery = useCloudQuery(reportsApi.grids);
  const [state, setState] = useState(ALL);
  const [category, setCategory] = useState(ALL);
  const [grid, setGrid] = useState(ALL);
  const [overdue, setOverdue] = useState<string[]>([]);
  const filters = useMemo<ListFilters>(
    () => ({
      ...(state !== ALL ? { state: state as ListFilters['state'] } : {}),
      ...(category !== ALL ? { categoryKey: category } : {}),
      ...(grid !== ALL ? { gridId: grid } : {}),
      ...(overdue.length ? { overdue: true } : {}),
    }),
    [state, category, grid, overdue],
  );
  const list = useReportList(filters);
  const thisMonth = formatShanghai(new Date(), 'YYYY-MM');
  const [month, setMonth] = useState(thisMonth);
  const figures = useFigures(month);
  // The CSV is fetched ahead, so the export runs straight from the tap (WeChat shares files only in answer to one).
  const fetchCsv = useCallback(() => reportsApi.exportCsv(month), [month]);
  const csv = useCloudQuery(fetchCsv);
  const now = Date.now();

  const exportCsv = async () => {
    if (!csv.data) return;
    try {
      const result = await exportText(csv.data.fileName, csv.data.csv, 'text/csv');
      void Taro.showToast({ title: EXPORTED[result], icon: 'success', duration: 1500 });
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none', duration: 2500 });
    }
  };

  const categories = [{ value: ALL, label: '全部' }, ...(settings.data?.categories ?? []).map((c) => ({ value: c.key, label: c.name }))];
  const grids = [{ value: ALL, label: '全部' }, ...(gridsQuery.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))];
  return (
    <PageShell className={`page-reports-admin${list.loading || figures.loading ? ' is-busy' : ''}`} title='上报管理'>
      <LinkButton className='btn-report-settings' type='default' url={REPORT_PAGES.settings}>
        类别、时限和公共区域设置
      </LinkButton>
      <RemindMe templates={['report-overdue']} label='有上报超时时微信提醒我' allowed='好的，有上报超时时会通过微信提醒你一次' />
      <MonthSwitch month={month} thisMonth={thisMonth} onChange={setMonth} />
      {figures.error ? <Text className='inline-error'>{figures.error}</Text> : null}
      {figures.data && figures.data.month === month ? <FiguresCard figures={figures.data} title='本月数据' /> : null}
      <Button className='btn-export-reports' type='primary' size='large' block disabled={!csv.data} onClick={() => void exportCsv()}>
        导出本月上报（CSV）
      </Button>
      <View className='card report-filters'>
        <Text className='card__label'>状态</Text>
        <ChoiceChips id='report-filter-state' single options={STATE_OPTIONS} value={[state]} onChange={(v) => setState(v[0] ?? ALL)} />
        <Text className='card__label'>类别</Text>
        <ChoiceChips id='report-filter-category' single options={categories} value={[category]} onChange={(v) => setCategory(v[0] ?? ALL)} />
        <Text className='card__label'>微格</Text>
        <ChoiceChips id='report-filter-grid' single options={grids} value={[grid]} onChange={(v) => setGrid(v[0] ?? ALL)} />
        <ChoiceChips id='report-filter-overdue' options={[{ value: 'overdue', label: '只看超时的' }]} value={overdue} onChange={setOverdue} />
      </View>
      {list.error ? <Text className='inline-error'>{list.error}</Text> : null}
      {list.last && list.items.length === 0 ? <Text className='card__hint'>没有符合条件的上报。</Text> : null}
      {list.items.map((r) => (
        <ReportCard key={r.id} report={r} nowMs={now} />
      ))}
      <LoadMore list={list} />
    </PageShell>
  );
}
