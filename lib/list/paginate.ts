import { isSearchTooLong } from './filters';

/** One page of a list as every list page and export reads it. */
export type ListPage<R> = {
  rows: R[];
  /** Every row the filters match, not only this page's. */
  total: number;
  /** The page shown: the one asked for, or the last one when that was past the end. */
  page: number;
  pageSize: number;
  /** At least 1, so an empty list has one (empty) page. */
  pageCount: number;
  /** The search was longer than the lists accept, so nothing was looked up. */
  searchTooLong: boolean;
};

export function pageCountOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A list with nothing in it: for a viewer who may not read the list at all. */
export function emptyPage<R>(pageSize: number): ListPage<R> {
  return { rows: [], total: 0, page: 1, pageSize, pageCount: 1, searchTooLong: false };
}

/**
 * A rows query that has not run yet: a Drizzle select (ordered, with its filters) is one.
 * Drizzle runs it when awaited, so it can be run for one page and again for another.
 */
export type PageableQuery<R> = PromiseLike<R[]> & { limit(limit: number): { offset(offset: number): PromiseLike<R[]> } };

/**
 * Runs a list query for one page: the page's rows and the count of every match, side by side
 * (one round trip). The count is its own `count(*)` rather than `count(*) over ()` on the rows:
 * a window count makes PostgreSQL compute every matching row's columns (subselects included)
 * before the limit, and an empty page carries no count at all.
 *
 * A page past the end (a bookmark kept while the list shrank, a typed `?page=999`) gives the
 * last page, with `page` saying which; the list page then puts that page in the URL. A
 * search longer than the lists accept is not run: no rows, `searchTooLong` says why, and the
 * CSV export of that view is empty too. With `all` every matching row comes back (the export).
 */
export async function paginate<R>(
  query: PageableQuery<R>,
  count: () => PromiseLike<number>,
  { page, q, pageSize, all = false }: { page: number; q?: string; pageSize: number; all?: boolean },
): Promise<ListPage<R>> {
  if (isSearchTooLong(q)) return { ...emptyPage<R>(pageSize), searchTooLong: true };
  if (all) {
    const rows = await query;
    return { rows: [...rows], total: rows.length, page: 1, pageSize, pageCount: pageCountOf(rows.length, pageSize), searchTooLong: false };
  }
  const slice = async (p: number) => [...(await query.limit(pageSize).offset((p - 1) * pageSize))];
  const [rows, total] = await Promise.all([slice(page), count()]);
  const pageCount = pageCountOf(total, pageSize);
  if (page <= pageCount) return { rows, total, page, pageSize, pageCount, searchTooLong: false };
  return { rows: total > 0 ? await slice(pageCount) : [], total, page: pageCount, pageSize, pageCount, searchTooLong: false };
}
