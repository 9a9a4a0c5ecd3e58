import { isSearchTooLong } from '@/lib/list/filters';

type ListPage = { rows: unknown[]; total: number; page: number; pageSize: number };

/**
 * Loads one page of a list the way a person expects it. A page past the end (a bookmark
 * kept while the list shrank, or a typed `?page=999`) shows the last page rather than "no
 * students yet", which would be untrue. A search longer than the lists accept is not run at
 * all: the page says it is too long (`SearchTooLong`) instead of quietly listing everyone.
 */
export async function loadListPage<F extends { page: number; q?: string }, L extends ListPage>(
  filters: F,
  load: (filters: F) => Promise<L>,
): Promise<{ list: L; searchTooLong: boolean }> {
  if (isSearchTooLong(filters.q)) return { list: { rows: [], total: 0, page: 1, pageSize: 1 } as ListPage as L, searchTooLong: true };
  const list = await load(filters);
  const last = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (list.rows.length === 0 && list.total > 0 && filters.page > last) return { list: await load({ ...filters, page: last }), searchTooLong: false };
  return { list, searchTooLong: false };
}
