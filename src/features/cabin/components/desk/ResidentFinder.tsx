import { useCallback, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { usePagedList } from '@/hooks/usePagedList';
import type { ResidentMatch } from '@shared/domain/cabin';
import { cabinApi } from '../../api';
import { Paged } from '../Paged';

/** Finds a resident of the 居民区 by the start of their name or their whole phone number, to lend to. */
export function ResidentFinder({ cabinId, value, onChange }: { cabinId: string; value: ResidentMatch | null; onChange: (who: ResidentMatch) => void }) {
  const [words, setWords] = useState('');
  const [query, setQuery] = useState('');
  const fetchPage = useCallback((page: number) => cabinApi.residents(cabinId, query, page), [cabinId, query]);
  const found = usePagedList(query ? fetchPage : null);
  return (
    <View className='resident-finder'>
      <View className='cabin-search'>
        <Input id='resident-search' className='cabin-input' value={words} maxlength={20} placeholder='居民姓名或手机号' onInput={(e) => setWords(e.detail.value)} onConfirm={() => setQuery(words.trim())} />
        <Button className='btn-resident-search' type='default' size='large' block disabled={!words.trim()} onClick={() => setQuery(words.trim())}>
          找居民
        </Button>
      </View>
      {query ? (
        <Paged list={found} empty='没有找到这位居民，可以试试手机号。'>
          {found.items.map((r) => (
            <View key={r.memberId} className={`cabin-row resident-match${value?.memberId === r.memberId ? ' resident-match--on' : ''}`} data-member-id={r.memberId} onClick={() => onChange(r)}>
              <Text className='cabin-row__title'>
                {value?.memberId === r.memberId ? '✓ ' : ''}
                {r.name}
              </Text>
              <Text className='cabin-row__meta'>
                {r.building} · 手机尾号 {r.phoneTail}
              </Text>
            </View>
          ))}
        </Paged>
      ) : null}
    </View>
  );
}
