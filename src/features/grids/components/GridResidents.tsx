import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { GRID_COLOUR_LABELS, GRID_COLOURS, type GridColour, type GridView, type RosterRow } from '@shared/domain/grid';
import { useRoster } from '../useRoster';
import { RosterRowCard } from './RosterRowCard';

export type ResidentAction = 'leader' | 'chief' | 'groupLeader' | 'partner';

const ACTIONS: { key: ResidentAction; label: string }[] = [
  { key: 'leader', label: '设为微格长' },
  { key: 'chief', label: '设为总格长' },
  { key: 'groupLeader', label: '设为楼组长' },
  { key: 'partner', label: '设为结对成员' },
];

const ALL = '';

export interface GridResidentsProps {
  grid: GridView;
  busy: boolean;
  onColour: (row: RosterRow, colour: GridColour | null) => Promise<boolean>;
  onAction: (row: RosterRow, action: ResidentAction) => void;
}

/** A grid's residents for the committee: colour each one and make them leader, chief or one half of a pair. */
export function GridResidents({ grid, busy, onColour, onAction }: GridResidentsProps) {
  const [building, setBuilding] = useState(ALL);
  const roster = useRoster(grid.id, building);

  const colour = async (row: RosterRow, next: GridColour | null) => {
    if (await onColour(row, next)) roster.patchRow(row.memberId, { colour: next });
  };

  return (
    <View className={`grid-residents${roster.loading ? ' is-loading' : ''}`} data-grid-id={grid.id}>
      {grid.buildings.length > 1 ? (
        <ChoiceChips
          id={`residents-building-${grid.id}`}
          single
          options={[{ value: ALL, label: '全部楼栋' }, ...grid.buildings.map((b) => ({ value: b, label: b }))]}
          value={[building]}
          onChange={(next) => setBuilding(next[0] ?? ALL)}
        />
      ) : null}
      {roster.error ? <Text className='inline-error'>{roster.error}</Text> : null}
      {!roster.loading && roster.items.length === 0 ? <Text className='list-footer'>这里还没有居民</Text> : null}
      {roster.items.map((row) => (
        <RosterRowCard key={row.memberId} row={row}>
          {GRID_COLOURS.map((c) => (
            <View
              key={c}
              className={`tag-chip btn-colour btn-colour--${c}${row.colour === c ? ' tag-chip--on' : ''}`}
              role='button'
              aria-pressed={row.colour === c}
              onClick={() => !busy && void colour(row, row.colour === c ? null : c)}
            >
              <Text>{GRID_COLOUR_LABELS[c]}</Text>
            </View>
          ))}
          {ACTIONS.map((a) => (
            <View key={a.key} className={`tag-chip btn-resident btn-resident--${a.key}`} role='button' onClick={() => !busy && onAction(row, a.key)}>
              <Text>{a.label}</Text>
            </View>
          ))}
        </RosterRowCard>
      ))}
      {roster.hasMore ? (
        <View className='link-btn btn-more-residents' role='button' onClick={roster.loadMore}>
          <Text>加载更多</Text>
        </View>
      ) : null}
    </View>
  );
}
