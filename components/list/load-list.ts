import { redirect } from 'next/navigation';
import { pathHref } from './url-state';

/**
 * Loads a list page's rows and applies the one rule for a page past the end: the query gives
 * the last page (`lib/list/paginate`), and the page redirects to its URL. A bookmark kept while
 * the list shrank, or a typed `?page=999`, lands on the last page with an address that says so,
 * so reloading, sharing the link and "Previous" all agree with what is on the screen. An empty
 * list's page 5 lands on the bare list. A page with two paged lists names this one's `param`
 * (and the `hash` of its section).
 */
export async function loadList<L extends { page: number }>(
  requestedPage: number,
  load: () => Promise<L>,
  { path, params, param = 'page', hash }: { path: string; params: Record<string, string | undefined>; param?: string; hash?: string },
): Promise<L> {
  const list = await load();
  if (list.page !== requestedPage) redirect(pathHref(path, { ...params, [param]: list.page > 1 ? String(list.page) : undefined }, hash));
  return list;
}
