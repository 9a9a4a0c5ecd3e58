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
 * How many rows match in all, told by one page of them where it can be: a page with fewer rows
 * than fit is the last one, and an empty first page means none. Only a full page (or an empty
 * one past the first) needs `count`. Most lists a family or a tutor sees fit on their first
 * page, so they cost one query, not two.
 */
export async function totalOf(rowsOnPage: number, page: number, pageSize: number, count: () => PromiseLike<number>): Promise<number> {
  if (rowsOnPage > 0 && rowsOnPage < pageSize) return (page - 1) * pageSize + rowsOnPage;
  if (rowsOnPage === 0 && page === 1) return 0;
  return count();
}

/**
 * Runs a list query for one page: the page's rows, then the count of every match when the page
 * does not tell it (`totalOf`). The count is its own `count(*)` rather than
 * `count(*) over ()` on the rows: a window count makes PostgreSQL compute every matching row's
 * columns (subselects included) before the limit, and an empty page carries no count at all.
 *
 * A page past the end (a bookmark kept while the list shrank, a typed `?page=999`) gives the
 * last page, with `page` saying which; the list page then puts that page in the URL. A
 * search longer than the lists accept is not run: no rows, `searchTooLong` says why, and the
 * CSV export of that view is empty too. With `all` every matching row comes back (the export).
 */
export async function paginate<R>(
  query: PageableQuery<R>,
  count: () => PromiseLike<number>,
  { page, q, pageSize, all = false, alwaysCount = false }: { page: number; q?: string; pageSize: number; all?: boolean; /** `count` also gathers something the caller needs (totals): run it every time, beside the rows. */ alwaysCount?: boolean },
): Promise<ListPage<R>> {
  if (isSearchTooLong(q)) return { ...emptyPage<R>(pageSize), searchTooLong: true };
  if (all) {
    const rows = await query;
    return { rows: [...rows], total: rows.length, page: 1, pageSize, pageCount: pageCountOf(rows.length, pageSize), searchTooLong: false };
  }
  const slice = async (p: number) => [...(await query.limit(pageSize).offset((p - 1) * pageSize))];
  const [rows, counted] = await Promise.all([slice(page), alwaysCount ? count() : undefined]);
  const total = counted ?? (await totalOf(rows.length, page, pageSize, count));
  const pageCount = pageCountOf(total, pageSize);
  if (page <= pageCount) return { rows, total, page, pageSize, pageCount, searchTooLong: false };
  return { rows: total > 0 ? await slice(pageCount) : [], total, page: pageCount, pageSize, pageCount, searchTooLong: false };
}
