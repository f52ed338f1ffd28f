import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { LinkButton } from '@/components/LinkButton';
import { PageShell } from '@/components/PageShell';
import { CABIN_PAGES, type ItemFilter } from '@/features/cabin/api';
import { CabinPicker } from '@/features/cabin/components/CabinPicker';
import { ItemCard } from '@/features/cabin/components/ItemCard';
import { ItemFilters } from '@/features/cabin/components/ItemFilters';
import { OpenBadge } from '@/features/cabin/components/OpenBadge';
import { Paged } from '@/features/cabin/components/Paged';
import { useCabin, useCabinHome, useCabinItems } from '@/features/cabin/hooks';
import '@/features/cabin/cabin.scss';
import { parseCabinScene } from '@shared/domain/cabin';
import { shelfState } from '@shared/rules/cabin-shelf';

/** Scans an item's label at the cabin and opens it (weapp; in a browser the label's link opens the item page). */
async function scanItemLabel() {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'wxCode' as 'qrCode'] });
    const scene = /scene=([^&]+)/.exec(res.path ?? '')?.[1] ?? res.result;
    const found = parseCabinScene(scene);
    if (found && 'itemId' in found) void Taro.navigateTo({ url: CABIN_PAGES.item(found.itemId) });
    else void Taro.showToast({ title: '这不是格子屋的物品码', icon: 'none' });
  } catch {
    // Closing the camera is not an error.
  }
}

/** 爱心格子屋: the 居民区's cabins, open now or when they open, by section; browse and search the items. */
export default function CabinHomePage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const shelf = params.scene ? parseCabinScene(params.scene) : null;
  const fromShelf = shelf && 'sectionKey' in shelf ? shelf : null;
  const home = useCabinHome();
  const [cabinId, setCabinId] = useState<string | null>(params.cabinId ?? fromShelf?.cabinId ?? null);
  const [filter, setFilter] = useState<ItemFilter>({ sectionKey: fromShelf?.sectionKey });
  const cabins = home.data?.cabins ?? [];
  const chosen = cabinId ?? cabins[0]?.id ?? null;
  const cabin = useCabin(chosen).data?.cabin ?? null;
  const items = useCabinItems(chosen, filter);

  // Back from an item, a borrow or a donation: counts and shelves may have moved.
  useDidShow(() => {
    void home.reload();
  });

  // 只看现在可借 at a closed cabin: say when it opens and what works meanwhile (the shelf rule's words).
  const meanwhile = cabin && !cabin.openState.open ? shelfState('loanable', true, cabin.openState) : null;
  const emptyText = filter.borrowableNow && meanwhile
    ? `格子屋现在没开门（${cabin!.openState.label}）。${meanwhile.chance === 'reserve' ? `关掉“只看现在可借”，能借的物品${meanwhile.label}。` : ''}`
    : filter.borrowableNow
      ? '现在没有可以马上借的物品，关掉“只看现在可借”看看能预约的。'
      : '没有找到符合条件的物品，换个条件试试。';

  const choose = (id: string) => {
    setCabinId(id);
    setFilter({});
  };

  return (
    <PageShell
      className={`page-cabin-home${home.loading || items.loading ? ' is-busy' : ''}`}
      title='爱心格子屋'
      loading={home.loading && !home.data}
      error={home.data ? null : home.error}
      onRetry={() => void home.reload()}
    >
      {home.data && cabins.length === 0 ? <Text className='card__hint cabin-none'>居委还没有开设格子屋，开设后这里就能看到。</Text> : null}
      <CabinPicker cabins={cabins} value={chosen} onChange={choose} />
      {cabin ? (
        <View className='cabin-status'>
          <OpenBadge name={cabin.name} state={cabin.openState} className='cabin-open--main' />
          <Text className='card__hint'>地点：{cabin.place}</Text>
          {cabin.onDuty.length > 0 ? <Text className='card__hint cabin-on-duty'>现在值班：{cabin.onDuty.map((p) => p.name).join('、')}</Text> : null}
          {/* Sections on the cabin's own hours say nothing new; those with their own (the paper rack) are shown. */}
          {cabin.sections.filter((s) => s.hours).map((s) => (
            <OpenBadge key={s.key} name={s.name} state={s.openState} className='cabin-open--section' />
          ))}
        </View>
      ) : null}
      {home.data ? (
        <View className='cabin-links'>
          <LinkButton className='btn-cabin-mine' type='default' url={CABIN_PAGES.mine}>
            我的借用{home.data.myOpenLoans ? `（${home.data.myOpenLoans}件${home.data.myOverdue ? `，${home.data.myOverdue}件逾期` : ''}）` : ''}
          </LinkButton>
          {chosen ? (
            <LinkButton className='btn-cabin-donate' type='default' url={CABIN_PAGES.donate(chosen)}>
              我要捐赠
            </LinkButton>
          ) : null}
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn-cabin-scan' type='primary' size='large' block onClick={() => void scanItemLabel()}>
              扫物品码借用
            </Button>
          ) : null}
          {chosen && cabin?.canDesk ? (
            <LinkButton className='btn-cabin-desk' url={CABIN_PAGES.desk(chosen)}>
              值守台
            </LinkButton>
          ) : null}
          {chosen && cabin?.canManage ? (
            <LinkButton className='btn-cabin-manage' type='default' url={CABIN_PAGES.manage(chosen)}>
              物品和开放时间管理
            </LinkButton>
          ) : null}
          {home.data.canSetup ? (
            <LinkButton className='btn-cabin-new' type='default' url={CABIN_PAGES.newCabin}>
              开设一个格子屋
            </LinkButton>
          ) : null}
          {chosen && cabin?.canManage ? (
            <LinkButton className='btn-cabin-report' type='default' url={CABIN_PAGES.report(chosen)}>
              月度报告
            </LinkButton>
          ) : null}
        </View>
      ) : null}
      {cabin ? <ItemFilters key={chosen ?? ''} sections={cabin.sections} value={filter} onChange={setFilter} /> : null}
      {chosen ? (
        <Paged list={items} empty={emptyText}>
          {items.items.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
        </Paged>
      ) : null}
    </PageShell>
  );
}
