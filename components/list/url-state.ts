/**
 * A link to the same page with these query parameters (empty ones left out) and an optional
 * fragment: `queryHref({ status: 'approved', page: undefined }, 'decided')` → `?status=approved#decided`.
 * With no parameters left it is `?`, which still clears the current query.
 */
export function queryHref(params: Record<string, string | undefined>, hash?: string): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return `?${q}${hash ? `#${hash}` : ''}`;
}

/** `path` with these query parameters (empty ones left out), and no dangling "?" when there are none. */
export function pathHref(path: string, params: Record<string, string | undefined>, hash?: string): string {
  const href = queryHref(params, hash);
  return path + (href.startsWith('?#') || href === '?' ? href.slice(1) : href);
}

/** A page number from the URL: a whole number from 1 to 10 000, else the first page. */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
