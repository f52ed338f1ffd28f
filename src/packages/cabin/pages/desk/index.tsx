import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/PageShell';
import { OpenBadge } from '@/features/cabin/components/OpenBadge';
import { DeskDonations } from '@/features/cabin/components/desk/DeskDonations';
import { DeskLend } from '@/features/cabin/components/desk/DeskLend';
import { DeskOverdue } from '@/features/cabin/components/desk/DeskOverdue';
import { DeskReturns } from '@/features/cabin/components/desk/DeskReturns';
import { DeskSales } from '@/features/cabin/components/desk/DeskSales';
import { DeskStock } from '@/features/cabin/components/desk/DeskStock';
import { usePageCabin } from '@/features/cabin/hooks';
import { Tabs, type TabDef } from '@/features/cabin/components/Tabs';
import '@/features/cabin/cabin.scss';

type Tab = 'lend' | 'returns' | 'overdue' | 'sales' | 'donations' | 'stock';
const DESK_TABS: TabDef<Tab>[] = [
  { key: 'lend', label: '借出' },
  { key: 'returns', label: '归还' },
  { key: 'overdue', label: '逾期' },
];
/** Sales, donations and stock are the keepers' (duty volunteers lend and take back). */
const KEEPER_TABS: TabDef<Tab>[] = [
  { key: 'sales', label: '义卖' },
  { key: 'donations', label: '捐赠' },
  { key: 'stock', label: '库存' },
];

/** 格子屋值守台: lend and take back, overdue loans with reminders; keepers also sales, donations and low stock. */
export default function CabinDeskPage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const { query, none, error } = usePageCabin(params.cabinId);
  const cabin = query.data?.cabin ?? null;
  // 首页's 居委工作台 opens the desk straight at what waits (?tab=overdue, ?tab=donations).
  const [tab, setTab] = useState<Tab>(() => ([...DESK_TABS, ...KEEPER_TABS].find((t) => t.key === params.tab)?.key ?? 'lend'));
  const tabs = cabin?.canManage ? [...DESK_TABS, ...KEEPER_TABS] : DESK_TABS;
  const refused = cabin && !cabin.canDesk ? '只有格子屋的管理员和值班志愿者能使用值守台' : null;

  return (
    <PageShell
      className={`page-cabin-desk${query.loading ? ' is-busy' : ''}`}
      title='格子屋值守台'
      loading={!cabin && !error && !none}
      error={refused ?? (cabin ? null : none ? '居委还没有开设格子屋' : error)}
      onRetry={refused || none ? undefined : () => void query.reload()}
    >
      {cabin ? (
        <>
          <OpenBadge name={cabin.name} state={cabin.openState} />
          <Tabs tabs={tabs} value={tab} onChange={setTab} />
          {tab === 'lend' ? <DeskLend cabinId={cabin.id} /> : null}
          {tab === 'returns' ? <DeskReturns cabinId={cabin.id} /> : null}
          {tab === 'overdue' ? <DeskOverdue cabinId={cabin.id} /> : null}
          {tab === 'sales' ? <DeskSales cabinId={cabin.id} /> : null}
          {tab === 'donations' ? <DeskDonations cabinId={cabin.id} sections={cabin.sections} /> : null}
          {tab === 'stock' ? <DeskStock cabinId={cabin.id} /> : null}
        </>
      ) : null}
    </PageShell>
  );
}
