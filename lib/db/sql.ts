import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Sort keys that put names in Polish alphabetical order: each letter with a diacritic is a
 * letter of its own, after its base letter (Lucyna, Łukasz; Zych, Źrebiec, Żak). PGlite has no
 * ICU collations, so instead of `collate "pl-PL-x-icu"` we order by `tutorhub_sort_key`
 * (migration 0007) compared byte-wise, then by the text itself so the order is total.
 */
export function polishOrder(column: AnyColumn | SQL): SQL[] {
  return [sql`tutorhub_sort_key(${column}) collate "C"`, sql`${column}`];
}
