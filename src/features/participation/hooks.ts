import { useCallback } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { participationApi, type ProjectFilters, type ProposalFilters } from './api';

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
