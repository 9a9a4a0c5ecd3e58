import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A name's place in Polish order, as lib/db/sql.ts#polishOrder sorts lists by it: an index on
 * it lets a list page read only its own rows.
 */
export const sortKey = (column: AnyPgColumn): SQL => sql`tutorhub_sort_key(${column}) collate "C"`;
