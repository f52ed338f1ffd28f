import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { gridsApi, gridsErrorText, newRequestId } from '@/features/grids/api';
import { confirmFirst } from '@/services/confirm';
import { CloudCallError } from '@/services/cloud';
import { FormField } from '@/components/FormField';
import { useFormErrors } from '@/hooks/useFormErrors';
import { GridAdminCard } from '@/features/grids/components/GridAdminCard';
import { GridResidents, type ResidentAction } from '@/features/grids/components/GridResidents';
import { useGridsOverview } from '@/features/grids/useGridsOverview';
import type { BuildingPairView, GridColour, RosterRow } from '@shared/domain/grid';

const DONE: Record<ResidentAction, string> = {
  leader: '已设为微格长',
  chief: '已设为总格长',
  groupLeader: '已设为楼组长',
  partner: '已设为结对成员',
};

/** 微格管理: the committee's grids, buildings, leaders, the 总格长, colours and 双楼长 pairs. */
export default function GridsAdminPage() {
  const overview = useGridsOverview();
  const [pairs, setPairs] = useState<BuildingPairView[]>([]);
  const [openGrid, setOpenGrid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);

  const loadPairs = useCallback(async () => {
    try {
      setPairs((await gridsApi.listPairs()).items);
    } catch (err) {
      setMessage(gridsErrorText(err));
    }
  }, []);

  useEffect(() => {
    void loadPairs();
  }, [loadPairs]);

  const newGrid = useFormErrors({ fields: ['gridName'], fieldOf: () => 'gridName' });

  /** A change that takes someone off a post: asked first, naming them. */
  const runConfirmed = async (title: string, content: string, confirmText: string, change: () => Promise<unknown>, done: string) => {
    if (await confirmFirst({ title, content, confirmText })) await run(change, done);
  };

  /** Runs one change; answers whether it went through (a refusal is shown above the list). */
  const run = async (change: () => Promise<unknown>, done: string, refresh = true): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      await change();
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      if (refresh) await Promise.all([overview.reload(), loadPairs()]);
      return true;
    } catch (err) {
      // Said above the list and in a toast: the person may be far down the page at the card they changed.
      const text = gridsErrorText(err);
      setMessage(text);
      void Taro.showToast({ title: text, icon: 'none', duration: 2500 });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onAction = (row: RosterRow, action: ResidentAction, gridId: string) => {
    const change = {
      leader: () => gridsApi.assignLeader({ gridId, memberId: row.memberId }),
      chief: () => gridsApi.setChief(row.memberId),
      groupLeader: () => gridsApi.setPairMember({ memberId: row.memberId, role: 'groupLeader' }),
      partner: () => gridsApi.setPairMember({ memberId: row.memberId, role: 'partner' }),
    }[action];
    void run(change, DONE[action]);
  };

  const onColour = (row: RosterRow, colour: GridColour | null) =>
    run(() => gridsApi.setColour({ memberId: row.memberId, colour }), colour ? '已标记分色' : '已清除分色', false);

  const create = async () => {
    setBusy(true);
    newGrid.reset();
    try {
      await gridsApi.createGrid({ requestId, name: newName });
      void Taro.showToast({ title: '已新建微格', icon: 'success', duration: 1500 });
      setNewName('');
      setRequestId(newRequestId());
      await Promise.all([overview.reload(), loadPairs()]);
    } catch (err) {
      // Any refusal of a new grid is about its name: said under it, with a toast.
      newGrid.fail(err, err instanceof CloudCallError && err.fields ? {} : { name: gridsErrorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const data = overview.data;
  return (
    <PageShell
      className={`page-admin-grids${busy || overview.loading ? ' is-busy' : ''}`}
      title='微格管理'
      loading={overview.loading && !data}
      error={data ? null : overview.error}
      onRetry={overview.reload}
    >
      {message ? (
        <View className='inline-error grids-error' role='alert'>
          {message}
        </View>
      ) : null}
      {data ? (
        <>
          <View className='card chief-card'>
            <View className='card__row'>
              <Text className='card__label'>总格长</Text>
              <Text className='card__value chief-name'>{data.chief ? data.chief.name : '暂无'}</Text>
            </View>
            {data.chief ? (
              <View className='link-btn btn-clear-chief' role='button' onClick={() => !busy && void runConfirmed('清除总格长', `${data.chief?.name ?? '现在的总格长'}将不再担任总格长。确定吗？`, '清除', () => gridsApi.setChief(null), '已清除总格长')}>
                <Text>清除总格长</Text>
              </View>
            ) : (
              <Text className='card__hint'>在下面的居民名单里点“设为总格长”。</Text>
            )}
          </View>
          {data.grids.map((grid) => (
            <View key={grid.id}>
              <GridAdminCard
                // Remount with fresh values after a change.
                key={`${grid.name}|${grid.buildings.join()}`}
                grid={grid}
                busy={busy}
                open={openGrid === grid.id}
                onRename={(name) => void run(() => gridsApi.renameGrid({ gridId: grid.id, name }), '已改名')}
                onSetBuildings={(buildings) => void run(() => gridsApi.setBuildings({ gridId: grid.id, buildings }), '楼栋已保存')}
                onClearLeader={() =>
                  void runConfirmed('微格长卸任', `${grid.leader?.name ?? '现在的微格长'}将不再担任${grid.name}的微格长。确定吗？`, '卸任', () => gridsApi.assignLeader({ gridId: grid.id, memberId: null }), '微格长已卸任')
                }
                onToggleResidents={() => setOpenGrid(openGrid === grid.id ? null : grid.id)}
              />
              {openGrid === grid.id ? (
                <GridResidents grid={grid} busy={busy} onColour={onColour} onAction={(row, action) => onAction(row, action, grid.id)} />
              ) : null}
            </View>
          ))}
          <View className='card new-grid'>
            <Text className='card__title'>新建微格</Text>
            <FormField label='微格名称' name='gridName' error={newGrid.errors.gridName}>
              <Input id='new-grid-name' className='text-input' value={newName} maxlength={20} placeholder='例如：第四微格' onInput={(e) => (setNewName(e.detail.value), newGrid.clear('gridName'))} />
            </FormField>
            <Button className='btn-create-grid' type='primary' size='large' block disabled={busy} onClick={() => void create()}>
              新建
            </Button>
          </View>
          <View className='card pairs-card'>
            <Text className='card__title'>双楼长结对</Text>
            {pairs.length === 0 ? <Text className='card__hint'>还没有结对。在居民名单里点“设为楼组长”或“设为结对成员”。</Text> : null}
            {pairs.map((p) => (
              <View key={p.building} className='card__row pair-row' data-building={p.building}>
                <Text>
                  {p.building}：楼组长 {p.groupLeader?.name ?? '暂无'} ＋ 结对成员 {p.partner?.name ?? '暂无'}
                </Text>
                <View className='link-btn btn-clear-pair' role='button' onClick={() => !busy && void runConfirmed('解除结对', `${p.building}的楼组长和结对成员将不再结对。确定吗？`, '解除', () => gridsApi.clearPair(p.building), '已解除结对')}>
                  <Text>解除</Text>
                </View>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
