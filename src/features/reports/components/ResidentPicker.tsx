import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/ChoiceChips';
import { LoadMore } from '@/components/LoadMore';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { reportsApi } from '../api';

export interface ResidentPickerProps {
  /** The grids whose residents the caller may file for: their own as a grid leader, null for any (the committee). */
  ownGridIds: readonly string[] | null;
  /** The chosen resident's member id, '' for the caller themself. */
  value: string;
  onChange: (memberId: string, resident: { name: string; building: string; room: string } | null) => void;
}

const SELF = 'self';

/**
 * 代居民上报: a grid leader files for a resident of their grid who cannot use the phone (recorded in the proxy log),
 * as events' 代为报名. The caller themself is the first choice; a grid is chosen first when there are several.
 */
export function ResidentPicker({ ownGridIds, value, onChange }: ResidentPickerProps) {
  const overview = useCloudQuery(reportsApi.grids);
  const grids = (overview.data?.grids ?? []).filter((g) => !ownGridIds || ownGridIds.includes(g.id));
  const [chosenGrid, setChosenGrid] = useState('');
  const [forOther, setForOther] = useState(Boolean(value));
  const gridId = chosenGrid || (grids.length === 1 ? grids[0]!.id : '');
  const fetchPage = useCallback((page: number) => reportsApi.gridResidents(gridId, page), [gridId]);
  const residents = usePagedList(forOther && gridId ? fetchPage : null);

  return (
    <View className='report-proxy'>
      <ChoiceChips
        id='report-for'
        single
        options={[
          { value: SELF, label: '我自己遇到的' },
          { value: 'other', label: '替居民上报' },
        ]}
        value={[forOther ? 'other' : SELF]}
        onChange={(v) => {
          const other = v[0] === 'other';
          setForOther(other);
          if (!other) onChange('', null);
        }}
      />
      {forOther ? (
        <>
          {overview.error ? <Text className='inline-error'>{overview.error}</Text> : null}
          {grids.length > 1 ? (
            <>
              <Text className='card__hint'>先选居民住在哪个微格</Text>
              <ChoiceChips id='report-proxy-grid' single options={grids.map((g) => ({ value: g.id, label: g.name }))} value={gridId ? [gridId] : []} onChange={(v) => setChosenGrid(v[0] ?? '')} />
            </>
          ) : null}
          {residents.error ? <Text className='inline-error'>{residents.error}</Text> : null}
          {gridId ? <Text className='card__hint'>替哪位居民上报（会记入代办记录）</Text> : null}
          <ChoiceChips
            id='report-proxy-resident'
            single
            options={residents.items.map((r) => ({ value: r.memberId, label: `${r.name}（${r.building}${r.room}）` }))}
            value={value ? [value] : []}
            onChange={(v) => {
              const r = residents.items.find((x) => x.memberId === v[0]);
              onChange(v[0] ?? '', r ? { name: r.name, building: r.building, room: r.room } : null);
            }}
          />
          <LoadMore list={residents} className='btn-more-residents' label='更多居民' />
        </>
      ) : null}
    </View>
  );
}
