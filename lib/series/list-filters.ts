import { z } from 'zod';
import { searchQuery } from '@/lib/records/fields';

/**
 * The series list's filters from the URL (so a view can be bookmarked and shared): a search
 * by a student's name, tutor, subject, weekday (ISO 1 = Monday … 7 = Sunday) and the page.
 * Anything malformed falls back to "no filter" instead of failing.
 */
export const seriesListFilters = z.object({
  q: searchQuery,
  tutorId: z.uuid().optional().catch(undefined),
  subjectId: z.uuid().optional().catch(undefined),
  weekday: z.coerce.number().int().min(1).max(7).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type SeriesListFilters = z.output<typeof seriesListFilters>;

export const SERIES_PAGE_SIZE = 50;

/** The filters as URL parameters (defaults left out), for pagination and "clear". */
export function seriesFilterParams(f: SeriesListFilters): Record<string, string | undefined> {
  return { q: f.q || undefined, tutorId: f.tutorId, subjectId: f.subjectId, weekday: f.weekday ? String(f.weekday) : undefined };
}

export const hasSeriesFilters = (f: SeriesListFilters) => Boolean(f.q || f.tutorId || f.subjectId || f.weekday);
