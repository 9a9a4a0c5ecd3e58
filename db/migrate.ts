import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { connect, type DatabaseHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 7_310_442_019;

/**
 * Applies the committed migrations. On PostgreSQL a dedicated connection holds an advisory
 * lock, so replicas starting together migrate one at a time.
 */
export async function migrateDatabase(handle: DatabaseHandle, url?: string): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!url) throw new Error('migrateDatabase needs the PostgreSQL URL for its own connection');
  const own = connect({ kind: 'postgres', url, max: 1, statementTimeoutMs: 5 * 60_000 });
  try {
    await own.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await migratePostgres(own.db as unknown as PostgresJsDatabase, { migrationsFolder });
    await own.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  } finally {
    await own.close();
  }
}
