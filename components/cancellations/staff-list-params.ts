import { z } from 'zod';
import { decidedStatuses } from '@/lib/cancellations/queries';

const page = z.coerce.number().int().min(1).max(10_000).default(1).catch(1);

/**
 * The staff cancellations page's state in the URL, so a view can be bookmarked: which decided
 * requests (`status`, all by default) and their `page`, and the page of open credits
 * (`credits`). Anything malformed falls back to the default instead of failing.
 */
export const staffListParams = z.object({
  status: z.enum(decidedStatuses).optional().catch(undefined),
  page,
  credits: page,
});

export type StaffListParams = z.output<typeof staffListParams>;

/** The state as URL parameters, defaults left out (for the filter links and pagination). */
export function staffParams(p: StaffListParams): Record<string, string | undefined> {
  return { status: p.status, page: p.page > 1 ? String(p.page) : undefined, credits: p.credits > 1 ? String(p.credits) : undefined };
}

/** Decided requests a page, and open credits a page. */
export const DECIDED_PAGE_SIZE = 20;
export const CREDITS_PAGE_SIZE = 25;
