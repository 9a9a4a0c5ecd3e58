import { z } from 'zod';

/**
 * The filters every list reads from its URL (so a view can be bookmarked and shared): the
 * search box, the page and, for sortable lists, the column and direction. Each list extends
 * these with its own filters. Anything malformed falls back to the default instead of failing:
 * a hand-edited or stale URL still shows a list.
 */

/** The longest search the lists accept; a longer one is answered with a message, not ignored. */
export const SEARCH_MAX = 100;

/**
 * A list's search box. A search longer than `SEARCH_MAX` is kept (not dropped, which would
 * quietly list everyone) so the list can refuse it and the page can say it is too long.
 */
export const searchQuery = z.string().trim().optional().catch(undefined);

/**
 * Longer than the lists accept, counted in characters (code points) as zod's `max` and
 * PostgreSQL's `length()` count them, so 100 emoji are 100, not 200.
 */
export const isSearchTooLong = (q: string | undefined) => [...(q ?? '')].length > SEARCH_MAX;

/** A page number: a whole number from 1 to 10 000, else the first page. */
export const pageParam = z.coerce.number().int().min(1).max(10_000).default(1).catch(1);

/** The base of every list's filters: search and page. */
export const listFilters = z.object({ q: searchQuery, page: pageParam });

export type SortDirection = 'asc' | 'desc';

/** The base of a sortable list's filters: search, page, a column of `sorts` and a direction. */
export function sortedListFilters<const S extends readonly [string, ...string[]]>(sorts: S, defaults: { sort: S[number]; dir: SortDirection }) {
  return listFilters.extend({
    sort: z.enum(sorts).default(defaults.sort).catch(defaults.sort),
    dir: z.enum(['asc', 'desc']).default(defaults.dir).catch(defaults.dir),
  });
}

type Filters = Record<string, unknown>;
type FilterSchema = { parse(input: unknown): Filters };

const defaultsOf = new WeakMap<FilterSchema, Filters>();

/** The filters of an empty query string: what a list shows when nothing is chosen. */
function defaults(schema: FilterSchema): Filters {
  let d = defaultsOf.get(schema);
  if (!d) defaultsOf.set(schema, (d = schema.parse({})));
  return d;
}

const show = (v: unknown): string | undefined => (v == null || v === '' ? undefined : String(v));

/**
 * The view as URL parameters with defaults left out (so links stay short and "clear" is the
 * bare path), for sort links, pagination and the export. The page is left to the pagination;
 * sort and direction come last.
 */
export function listParams(schema: FilterSchema, filters: object): Record<string, string | undefined> {
  const d = defaults(schema);
  const out: Record<string, string | undefined> = {};
  const keys = Object.keys(filters).filter((k) => k !== 'page' && k !== 'sort' && k !== 'dir');
  for (const k of [...keys, 'sort', 'dir']) {
    const v = show((filters as Filters)[k]);
    out[k] = v === show(d[k]) ? undefined : v;
  }
  return out;
}

/** True when any filter narrows the list (sorting and paging do not): the empty state then says "nothing matches". */
export function isFiltered(schema: FilterSchema, filters: object): boolean {
  const params = listParams(schema, filters);
  return Object.entries(params).some(([k, v]) => k !== 'sort' && k !== 'dir' && v !== undefined);
}

/** The filters of a request's query string (a CSV export takes the page's own). */
export function filtersFromUrl<S extends { parse(input: unknown): unknown }>(schema: S, url: string): ReturnType<S['parse']> {
  return schema.parse(Object.fromEntries(new URL(url).searchParams)) as ReturnType<S['parse']>;
}
