import { useCallback, useMemo } from 'react';
import { usePagedList } from '@/hooks/usePagedList';
import type { RosterRow } from '@shared/domain/grid';
import { gridsApi, gridsErrorText } from './api';

/** One grid's residents (the caller's first grid when `gridId` is null), 20 a page, with "load more". */
export function useRoster(gridId: string | null, building: string, enabled = true) {
  const fetchPage = useMemo(
    () =>
      enabled
        ? (page: number) => gridsApi.roster({ ...(gridId ? { gridId } : {}), ...(building ? { building } : {}), page })
        : null,
    [gridId, building, enabled],
  );
  const list = usePagedList(fetchPage, { errorText: gridsErrorText });
  const { setItems } = list;

  /** After a change to one row (a colour), show it without refetching. */
  const patchRow = useCallback(
    (memberId: string, patch: Partial<RosterRow>) => {
      setItems((prev) => prev.map((row) => (row.memberId === memberId ? { ...row, ...patch } : row)));
    },
    [setItems],
  );

  return { ...list, gridId: list.last?.gridId ?? gridId, patchRow };
}
