import { useCallback } from 'react';
import type { ChoiceOption } from '@/components/ChoiceChips';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { dayText } from './format';
import { participationApi, type ProjectFilters, type ProposalFilters, type StreetProjectFilters } from './api';

/** The 居民区's threshold, window, answer time and categories. */
export function useParticipationSettings() {
  const fetch = useCallback(() => participationApi.settings(), []);
  return useCloudQuery(fetch);
}

/** The 居民区's proposals; a new filter starts again from page 1; null fetches nothing. */
export function useProposals(filters: ProposalFilters | null) {
  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback((page: number) => participationApi.proposals(page, filters ?? {}), [key]);
  return usePagedList(filters ? fetchPage : null);
}

export function useProposal(proposalId: string) {
  const fetch = useCallback(() => participationApi.proposal(proposalId), [proposalId]);
  return useCloudQuery(proposalId ? fetch : null);
}

export function useComments(proposalId: string) {
  const fetchPage = useCallback((page: number) => participationApi.comments(proposalId, page), [proposalId]);
  return usePagedList(proposalId ? fetchPage : null);
}

export function useProjects(filters: ProjectFilters) {
  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback((page: number) => participationApi.projects(page, filters), [key]);
  return usePagedList(fetchPage);
}

export function useProject(projectId: string) {
  const fetch = useCallback(() => participationApi.project(projectId), [projectId]);
  return useCloudQuery(projectId ? fetch : null);
}

export function useTimeline(projectId: string) {
  const fetchPage = useCallback((page: number) => participationApi.timeline(projectId, page), [projectId]);
  return usePagedList(projectId ? fetchPage : null);
}

/** The 街道's projects of every 居民区; a new filter starts again from page 1. */
export function useStreetProjects(filters: StreetProjectFilters) {
  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetchPage = useCallback((page: number) => participationApi.streetProjects(page, filters), [key]);
  return usePagedList(fetchPage);
}

/**
 * The events a project may link: the 居民区's upcoming ones, and those already linked (a past drive keeps its
 * title, read one by one; one that cannot be read is still listed, so unticking it stays possible).
 */
export function useLinkableEvents(linked: readonly string[]): { options: ChoiceOption[]; loading: boolean; error: string | null } {
  const key = linked.join('|');
  const fetch = useCallback(async () => {
    const upcoming = (await participationApi.events()).items.map((e) => ({ value: e.id, label: `${e.title}（${dayText(e.startAt)}）` }));
    const missing = key ? key.split('|').filter((id) => !upcoming.some((o) => o.value === id)) : [];
    const past = await Promise.all(
      missing.map((id) =>
        participationApi.event(id).then(
          ({ event }) => ({ value: id, label: `${event.title}（${dayText(event.startAt)}）` }),
          () => ({ value: id, label: '已关联的活动' }),
        ),
      ),
    );
    return [...past, ...upcoming];
  }, [key]);
  const query = useCloudQuery(fetch);
  return { options: query.data ?? [], loading: query.loading, error: query.error };
}
