import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { PagedList } from '@/hooks/usePagedList';
import type { Page } from '@shared/result';
import { LoadMore } from '@/components/LoadMore';

/** A paged list's rows with its error, its empty line and "加载更多". */
export function Paged<P extends Page<unknown>>({ list, empty, children }: { list: PagedList<P>; empty: string; children: ReactNode }) {
  return (
    <>
      {list.error ? (
        <View className='inline-error list-error' role='alert'>
          {list.error}
        </View>
      ) : null}
      {list.last && list.items.length === 0 ? <Text className='card__hint cabin-empty'>{empty}</Text> : null}
      {children}
      <LoadMore list={list} />
    </>
  );
}
