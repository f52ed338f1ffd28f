import { useState } from 'react';
import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChoiceChips } from '@/components/ChoiceChips';
import { ITEM_KIND_LABELS, ITEM_KINDS, type ItemKind, type SectionView } from '@shared/domain/cabin';
import type { ItemFilter } from '../api';

const ALL = 'all';
const NOW = 'now';

/** Search words, section, kind and "只看现在可借"; the list reloads from page 1 on each change. */
export function ItemFilters({ sections, value, onChange }: { sections: SectionView[]; value: ItemFilter; onChange: (next: ItemFilter) => void }) {
  const [words, setWords] = useState(value.query ?? '');
  return (
    <View className='card cabin-search'>
      <Input
        id='cabin-search'
        className='cabin-input'
        value={words}
        maxlength={20}
        placeholder='搜一搜：雨伞、图书…'
        confirmType='search'
        onInput={(e) => setWords(e.detail.value)}
        onConfirm={() => onChange({ ...value, query: words.trim() })}
      />
      <Button className='btn-cabin-search' type='primary' size='large' block onClick={() => onChange({ ...value, query: words.trim() })}>
        搜索
      </Button>
      <ChoiceChips
        id='cabin-section'
        single
        options={[{ value: ALL, label: '全部区域' }, ...sections.map((s) => ({ value: s.key, label: s.name }))]}
        value={[value.sectionKey ?? ALL]}
        onChange={([key]) => onChange({ ...value, sectionKey: key === ALL ? undefined : key })}
      />
      <ChoiceChips
        id='cabin-kind'
        single
        options={[{ value: ALL, label: '全部类别' }, ...ITEM_KINDS.map((k) => ({ value: k, label: ITEM_KIND_LABELS[k] }))]}
        value={[value.kind ?? ALL]}
        onChange={([kind]) => onChange({ ...value, kind: kind === ALL ? undefined : (kind as ItemKind) })}
      />
      {/* The function applies the shelf rule (borrowableNow): only what works this minute, its section open. */}
      <ChoiceChips
        id='cabin-available'
        options={[{ value: NOW, label: '只看现在可借' }]}
        value={value.borrowableNow ? [NOW] : []}
        onChange={(next) => onChange({ ...value, borrowableNow: next.includes(NOW) })}
      />
    </View>
  );
}
