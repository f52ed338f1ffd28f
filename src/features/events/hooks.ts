import { useCallback, useMemo } from 'react';
import { useCloudQuery } from '@/hooks/useCloudQuery';
import { usePagedList } from '@/hooks/usePagedList';
import { eventsApi } from './api';

/** Upcoming events the caller may join, soonest first. */
export function useEvents() {
  const fetchPage = useCallback((page: number) => eventsApi.list(page), []);
  return usePagedList(fetchPage);
}

export function useMyEvents() {
  const fetchPage = useCallback((page: number) => eventsApi.mine(page), []);
  return usePagedList(fetchPage);
}

export function useEvent(eventId: string) {
  const fetch = useCallback(() => eventsApi.get(eventId), [eventId]);
  return useCloudQuery(eventId ? fetch : null);
}

/** The organizer's list of who signed up, in arrival order. */
export function useSignups(eventId: string | null) {
  const fetchPage = useCallback((page: number) => eventsApi.signups(eventId!, page), [eventId]);
  return usePagedList(eventId ? fetchPage : null);
}

/** Invitations from organizers to events still to come that the caller has not signed up for. */
export function useInvitations() {
  const fetch = useCallback(() => eventsApi.invitations(), []);
  return useCloudQuery(fetch);
}

/** The active sub-councils as choices, loaded only once a sub-council audience is chosen. */
export function useCouncilOptions(wanted: boolean): { value: string; label: string }[] {
  const fetch = useCallback(() => eventsApi.councils(), []);
  const query = useCloudQuery(wanted ? fetch : null);
  return useMemo(() => (query.data?.items ?? []).filter((c) => c.active && c.kind !== 'main').map((c) => ({ value: c.id, label: c.name })), [query.data]);
}
