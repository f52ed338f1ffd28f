import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { cabinApi } from '@/features/cabin/api';
import { OpenBadge } from '@/features/cabin/components/OpenBadge';
import { usePageCabin } from '@/features/cabin/hooks';
import '@/features/cabin/cabin.scss';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { formatFen } from '@shared/domain/cabin';
import { inShanghai } from '@shared/time';

const monthOf = (at: Date) => inShanghai(at).format('YYYY-MM');
const shiftMonth = (month: string, by: number) => monthOf(inShanghai(`${month}-15T12:00:00+08:00`).add(by, 'month').toDate());

function Figure({ label, value, name }: { label: string; value: string | number; name: string }) {
  return (
    <View className={`cabin-figure figure-${name}`}>
      <Text>{label}</Text>
      <Text className='cabin-figure__value'>{value}</Text>
    </View>
  );
}

/** 格子屋月报: a month's loans, most borrowed items, stock used, donations, sale proceeds and duty hours. */
export default function CabinReportPage() {
  const page = usePageCabin((useRouter().params as Record<string, string | undefined>).cabinId);
  const cabin = page.query.data?.cabin ?? null;
  const cabinId = cabin?.id ?? '';
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const fetch = useCallback(() => cabinApi.report(cabinId, month), [cabinId, month]);
  const report = useCloudQuery(cabinId ? fetch : null);
  const r = report.data;
  const [year, mon] = month.split('-');

  return (
    <PageShell
      className={`page-cabin-report${report.loading ? ' is-busy' : ''}`}
      title={`${year}年${Number(mon)}月 格子屋月报`}
      loading={!r && !report.error && !page.error && !page.none}
      error={r ? null : page.none ? '居委还没有开设格子屋' : (report.error ?? page.error)}
      onRetry={cabinId ? () => void report.reload() : undefined}
    >
      {cabin ? <OpenBadge name={cabin.name} state={cabin.openState} /> : null}
      <View className='event-links report-months'>
        <Button className='btn-prev-month' type='default' size='large' block onClick={() => setMonth(shiftMonth(month, -1))}>
          上个月
        </Button>
        {month < monthOf(new Date()) ? (
          <Button className='btn-next-month' type='default' size='large' block onClick={() => setMonth(shiftMonth(month, 1))}>
            下个月
          </Button>
        ) : null}
      </View>
      {r ? (
        <>
          <View className='card report-totals'>
            <Figure name='loans' label='借出' value={`${r.loans} 次`} />
            <Figure name='returns' label='归还' value={`${r.returns} 次`} />
            <Figure name='donations' label='收到捐赠意向' value={`${r.donations.offered} 份（收下 ${r.donations.accepted}，婉谢 ${r.donations.declined}）`} />
            <Figure name='sales' label='义卖' value={`${r.sales.count} 件，共 ${formatFen(r.sales.proceedsFen)}`} />
            <Figure name='duty' label='志愿者值班' value={`${r.dutyHalfHours / 2} 小时`} />
          </View>
          <View className='card report-most-borrowed'>
            <View className='card__title'>借得最多的</View>
            {r.mostBorrowed.length === 0 ? <Text className='card__hint'>这个月还没有借出。</Text> : null}
            {r.mostBorrowed.map((m) => (
              <Figure key={m.itemId} name='borrowed' label={m.name} value={`${m.loans} 次`} />
            ))}
          </View>
          <View className='card report-stock-used'>
            <View className='card__title'>领取的物品</View>
            {r.stockUsed.length === 0 ? <Text className='card__hint'>这个月还没有人领取。</Text> : null}
            {r.stockUsed.map((s) => (
              <Figure key={s.itemId} name='used' label={s.name} value={`${s.taken} ${s.unit}`} />
            ))}
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
