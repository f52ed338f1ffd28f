import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { PageShell } from '@/components/PageShell';
import { ColourChip } from '@/features/grids/components/ColourChip';
import { RosterRowCard } from '@/features/grids/components/RosterRowCard';
import { useGridsOverview } from '@/features/grids/useGridsOverview';
import { useRoster } from '@/features/grids/useRoster';
import { useMe } from '@/features/members/useMe';
import { GRID_COLOURS } from '@shared/domain/grid';
import { LoadMore } from '@/components/LoadMore';

const ALL = '';

/** 微格名册: a grid leader's residents (or, opened with ?gridId=, any grid for the committee), with colours. */
export default function RosterPage() {
  const params = useRouter().params as Record<string, string | undefined>;
  const overview = useGridsOverview();
  const [gridId, setGridId] = useState<string | null>(params.gridId ?? null);
  const [building, setBuilding] = useState(ALL);
  const roster = useRoster(gridId, building);
  const shown = roster.gridId ?? gridId;
  const grid = overview.data?.grids.find((g) => g.id === shown);
  const me = useMe();
  const leads = me.data?.member.leadsGridIds ?? [];
  const myGrids = overview.data?.grids.filter((g) => leads.includes(g.id)) ?? [];
  const withColours = roster.items.some((r) => r.colour !== undefined);
  const firstLoad = roster.loading && roster.items.length === 0 && !roster.error;

  return (
    <PageShell className={`page-grid-roster${roster.loading || overview.loading ? ' is-busy' : ''}`} title={grid ? `${grid.name}名册` : '微格名册'}>
      {myGrids.length > 1 ? (
        <ChoiceChips
          id='roster-grid'
          single
          options={myGrids.map((g) => ({ value: g.id, label: g.name }))}
          value={shown ? [shown] : []}
          onChange={(next) => {
            setBuilding(ALL);
            setGridId(next[0] ?? null);
          }}
        />
      ) : null}
      {grid ? (
        <View className='card roster-summary'>
          <Text className='card__hint'>楼栋：{grid.buildings.join('、') || '还没有划入楼栋'}</Text>
          <Text className='card__hint'>微格长：{grid.leader?.name ?? '暂无'}</Text>
        </View>
      ) : null}
      {grid && grid.buildings.length > 1 ? (
        <ChoiceChips
          id='roster-building'
          single
          options={[{ value: ALL, label: '全部楼栋' }, ...grid.buildings.map((b) => ({ value: b, label: b }))]}
          value={[building]}
          onChange={(next) => {
            setGridId(shown);
            setBuilding(next[0] ?? ALL);
          }}
        />
      ) : null}
      {withColours ? (
        <View className='chip-row colour-legend'>
          {GRID_COLOURS.map((c) => (
            <ColourChip key={c} colour={c} />
          ))}
        </View>
      ) : null}
      {roster.error ? (
        <View className='list-error' role='alert'>
          <Text className='inline-error'>{roster.error}</Text>
          <View className='link-btn btn-retry-list' role='button' onClick={() => void roster.reload()}>
            <Text>重新加载</Text>
          </View>
        </View>
      ) : null}
      {firstLoad ? <Text className='list-footer'>正在加载…</Text> : null}
      {!roster.loading && !roster.error && roster.items.length === 0 ? (
        <View className='list-footer list-empty'>
          <Text>这里还没有居民</Text>
        </View>
      ) : null}
      {roster.items.map((row) => (
        <RosterRowCard key={row.memberId} row={row} />
      ))}
      <LoadMore list={roster} />
    </PageShell>
  );
}
