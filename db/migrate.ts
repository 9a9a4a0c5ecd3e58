import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { connect, queryRows, type DatabaseHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any constant works; it only has to be the same for every replica.
const MIGRATION_LOCK_KEY = 7_310_442_019;

/**
 * Applies the committed migrations. On PostgreSQL a dedicated connection holds an advisory
 * lock, so replicas starting together migrate one at a time. That lock belongs to a session:
 * `url` must reach PostgreSQL directly, never through a transaction pooler, which could take
 * and release it on different server connections and leave it held on one of them.
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

export type RoleTimeouts = { statementTimeoutMs: number; idleInTransactionMs: number };

/**
 * Stores the app's timeouts (and JIT off, see db/client.ts) as its role's defaults in this database. Behind a transaction
 * pooler they cannot travel as startup parameters (PgBouncer refuses them) nor as a session
 * `SET` (it would stay on a server connection other clients then share); a role default is
 * applied by PostgreSQL to every server connection the pooler opens. Run it over the direct
 * connection, as the role the pooler signs in with. Server connections already open keep the
 * previous value until the pooler replaces them.
 */
export async function storeRoleTimeouts(url: string, timeouts: RoleTimeouts): Promise<void> {
  const own = connect({ kind: 'postgres', url, max: 1 });
  try {
    const [{ name }] = await queryRows<{ name: string }>(own.db, sql`select current_database() as name`);
    const database = sql.identifier(name);
    // ALTER ROLE takes no bind parameters: the values are integers checked here.
    const ms = (value: number) => {
      if (!Number.isInteger(value) || value < 0) throw new Error(`not a timeout in milliseconds: ${value}`);
      return sql.raw(String(value));
    };
    await own.db.execute(sql`alter role current_user in database ${database} set statement_timeout = ${ms(timeouts.statementTimeoutMs)}`);
    await own.db.execute(sql`alter role current_user in database ${database} set idle_in_transaction_session_timeout = ${ms(timeouts.idleInTransactionMs)}`);
    await own.db.execute(sql`alter role current_user in database ${database} set jit = off`);
  } finally {
    await own.close();
  }
}
