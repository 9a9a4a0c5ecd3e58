import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Words of a search box, trimmed, at most five (enough for a name and an email). */
export function searchWords(q: string | undefined): string[] {
  return cleanSearch(q).split(/\s+/).filter(Boolean).slice(0, 5);
}

/**
 * A search box as plain text: control characters (a NUL byte makes PostgreSQL refuse the
 * whole query) become spaces.
 */
export function cleanSearch(q: string | undefined): string {
   
  return (q ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}

/**
 * Every word must appear in the folded search column (lower case, no Polish letters), so
 * "lukasz zolnierz" and "Żołnierz Ł" both find "Łukasz Żołnierz". The column is a generated
 * `search_text` with a trigram index, so this stays an index scan as the school grows.
 */
export function foldedSearch(column: AnyColumn, q: string | undefined): SQL | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`${column} like '%' || tutorhub_fold(${escapeLike(w)}) || '%'`));
}

/** LIKE treats % and _ as wildcards; a person typing them means the characters. */
export function escapeLike(value: string): string {
  return cleanSearch(value).replace(/[\\%_]/g, (c) => `\\${c}`);
}
