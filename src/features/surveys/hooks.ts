import { useCallback, useMemo } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { isCommittee, isGridLeader } from '@/features/members/entries';
import { useMe } from '@/features/members/useMe';
import { surveysApi, type SurveyListFilters } from './api';
import type { AudienceChoice } from './format';

export function useSurveyList(filters: SurveyListFilters) {
  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback((page: number) => surveysApi.list(page, filters), [key]);
  return usePagedList(fetchPage);
}

export function useSurvey(surveyId: string) {
  const fetch = useCallback(() => surveysApi.get(surveyId), [surveyId]);
  return useCloudQuery(surveyId ? fetch : null);
}

/**
 * The audiences the caller may ask (the function checks again): the committee any of its 居民区, a grid leader
 * their grids, a council's chair now their council. Empty for everyone else: they ask nobody.
 */
export function useAudienceChoices(): { choices: AudienceChoice[]; loading: boolean } {
  const me = useMe();
  const member = me.data?.member ?? null;
  const grids = useCloudQuery(member?.communityId ? surveysApi.grids : null);
  const councils = useCloudQuery(member?.communityId ? surveysApi.councils : null);
  const choices = useMemo(() => {
    if (!member) return [];
    const committee = isCommittee(member);
    const out: AudienceChoice[] = committee
      ? [
          { value: 'community', label: '全居民区', audience: { kind: 'community' } },
          { value: 'members', label: '仅梯队成员', audience: { kind: 'members' } },
        ]
      : [];
    for (const g of grids.data?.grids ?? []) {
      if (committee || (isGridLeader(member) && member.leadsGridIds.includes(g.id))) out.push({ value: `grid:${g.id}`, label: g.name, audience: { kind: 'grids', gridIds: [g.id] } });
    }
    for (const c of councils.data?.items ?? []) {
      if (c.active && (committee || c.current?.memberId === member.id)) out.push({ value: `council:${c.id}`, label: c.name, audience: { kind: 'council', councilId: c.id } });
    }
    return out;
  }, [member, grids.data, councils.data]);
  return { choices, loading: me.loading || grids.loading || councils.loading };
}
