import { z } from 'zod';
import { listFilters } from '@/lib/list/filters';

/**
 * The series list's filters from the URL (so a view can be bookmarked and shared): a search
 * by a student's name, tutor, subject, weekday (ISO 1 = Monday … 7 = Sunday) and the page.
 * Anything malformed falls back to "no filter" instead of failing.
 */
export const seriesListFilters = listFilters.extend({
  tutorId: z.uuid().optional().catch(undefined),
  subjectId: z.uuid().optional().catch(undefined),
  weekday: z.coerce.number().int().min(1).max(7).optional().catch(undefined),
});

export type SeriesListFilters = z.output<typeof seriesListFilters>;

export const SERIES_PAGE_SIZE = 50;
