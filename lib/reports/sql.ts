import { sql, type SQL } from 'drizzle-orm';

/**
 * The outer order of a grouped report: the totals row last, then rows in Polish alphabetical
 * order of their label ("Nowak Anna" before "Łukasik Jan" is wrong; tutorhub_sort_key puts Ł
 * after L, migration 0007), months ("2026-11") in calendar order by the same rule.
 */
export const labelOrder: SQL = sql`k.total, tutorhub_sort_key(coalesce(k.label, '')) collate "C", k.label, k.key`;

/** An optional `and column = id` for an id filter. */
export function andEquals(column: SQL, id: string | undefined): SQL {
  return id ? sql`and ${column} = ${id}` : sql``;
}
