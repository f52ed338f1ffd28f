import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '@/components/PageShell';
import { CABIN_PAGES } from '@/features/cabin/api';
import { OpenBadge } from '@/features/cabin/components/OpenBadge';
import { CabinForm } from '@/features/cabin/components/manage/CabinForm';
import { ManageItems } from '@/features/cabin/components/manage/ManageItems';
import { ManageRules } from '@/features/cabin/components/manage/ManageRules';
import { ManageShifts } from '@/features/cabin/components/manage/ManageShifts';
import { ManageStaff } from '@/features/cabin/components/manage/ManageStaff';
import { usePageCabin } from '@/features/cabin/hooks';
import { Tabs, type TabDef } from '@/features/cabin/components/Tabs';
import '@/features/cabin/cabin.scss';

type Tab = 'items' | 'shifts' | 'cabin' | 'staff' | 'rules';
const KEEPER_TABS: TabDef<Tab>[] = [
  { key: 'items', label: '物品' },
  { key: 'shifts', label: '值班' },
];
/** Hours, people and rules are the committee's. */
const SETUP_TABS: TabDef<Tab>[] = [
  { key: 'cabin', label: '时间' },
  { key: 'staff', label: '人员' },
  { key: 'rules', label: '规则' },
];

/** 开设格子屋: the committee opens a cabin, then manages it. */
function NewCabin() {
  return (
    <PageShell className='page-cabin-manage' title='开设格子屋'>
      <CabinForm cabin={null} onSaved={(saved) => void Taro.redirectTo({ url: CABIN_PAGES.manage(saved.id) })} />
    </PageShell>
  );
}

function ManageCabin({ cabinId }: { cabinId: string | undefined }) {
  const { query, none, error } = usePageCabin(cabinId);
  const cabin = query.data?.cabin ?? null;
  const [tab, setTab] = useState<Tab>('items');
  if (none) return <NewCabin />;
  const tabs = cabin?.canSetup ? [...KEEPER_TABS, ...SETUP_TABS] : KEEPER_TABS;
  const refused = cabin && !cabin.canManage && !cabin.canSetup ? '只有格子屋的管理员能管理物品' : null;
  return (
    <PageShell
      className={`page-cabin-manage${query.loading ? ' is-busy' : ''}`}
      title='格子屋管理'
      loading={!cabin && !error}
      error={refused ?? (cabin ? null : error)}
      onRetry={refused ? undefined : () => void query.reload()}
    >
      {cabin ? (
        <>
          <OpenBadge name={cabin.name} state={cabin.openState} />
          <Tabs tabs={tabs} value={tab} onChange={setTab} />
          {tab === 'items' ? <ManageItems cabinId={cabin.id} sections={cabin.sections} /> : null}
          {tab === 'shifts' ? <ManageShifts cabin={cabin} /> : null}
          {tab === 'cabin' ? <CabinForm cabin={cabin} onSaved={(saved) => query.setData({ cabin: saved })} /> : null}
          {tab === 'staff' ? <ManageStaff cabin={cabin} onSaved={(saved) => query.setData({ cabin: saved })} /> : null}
          {tab === 'rules' ? <ManageRules /> : null}
        </>
      ) : null}
    </PageShell>
  );
}

/**
 * 格子屋管理: keepers manage items and stock and the duty roster; the committee also the opening hours, holidays,
 * sections, keepers and loan rules. With `new=1`, or while the 居民区 has none, the committee opens a cabin.
 */
export default function CabinManagePage() {
  const params = useRouter().params as Record<string, string | undefined>;
  return params.new ? <NewCabin /> : <ManageCabin cabinId={params.cabinId} />;
}
