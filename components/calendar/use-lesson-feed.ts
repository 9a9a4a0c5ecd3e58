'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LessonEvent } from './feed';
import type { CalendarFilters } from './url-state';

export type FeedRange = { start: string; end: string };

/** The cache key of one window and filter set; every key starts with `calendar-events`. */
export function feedKey(range: FeedRange | null, filters: CalendarFilters) {
  return ['calendar-events', range?.start, range?.end, filters.tutor ?? '', filters.room ?? '', filters.subject ?? '', filters.student ?? ''] as const;
}

/** The session ran out while the calendar was open. */
export class SessionEnded extends Error {}

async function fetchFeed(range: FeedRange, filters: CalendarFilters): Promise<LessonEvent[]> {
  const params = new URLSearchParams({ start: range.start, end: range.end });
  if (filters.tutor) params.set('tutorId', filters.tutor);
  if (filters.room) params.set('roomId', filters.room);
  if (filters.subject) params.set('subjectId', filters.subject);
  if (filters.student) params.set('studentId', filters.student);
  const response = await fetch(`/api/calendar/events?${params}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  // Without a session the proxy answers the sign-in page instead of the feed.
  if (response.redirected && new URL(response.url).pathname === '/login') throw new SessionEnded();
  // The feed's sentence (the session ended, a bad range) is what the calendar shows.
  if (response.status === 401) throw new SessionEnded();
  if (!response.ok) throw new Error(((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? String(response.status));
  return (await response.json()) as LessonEvent[];
}

/** The lessons of the visible window, kept on screen while the next window loads. */
export function useLessonFeed(range: FeedRange | null, filters: CalendarFilters) {
  return useQuery({
    queryKey: feedKey(range, filters),
    queryFn: () => fetchFeed(range!, filters),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
