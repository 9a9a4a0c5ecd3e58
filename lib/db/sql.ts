import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * A sort key that puts Polish names where a Polish reader looks for them (Łukasz among the
 * L's, Żaneta among the Z's, not after Z). PGlite has no ICU collations, so instead of
 * `collate "pl-PL-x-icu"` we sort on the unaccented lower-case text, then the text itself.
 */
export function polishOrder(column: AnyColumn | SQL): SQL[] {
  return [sql`lower(unaccent(${column}))`, sql`${column}`];
}
