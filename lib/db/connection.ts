import { sql } from 'drizzle-orm';
import { connect, IDLE_IN_TRANSACTION_TIMEOUT_MS, queryRows, type Database, type DatabaseHandle } from '@/db/client';
import { migrateDatabase, storeRoleTimeouts } from '@/db/migrate';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

// Cached on globalThis so dev hot reload keeps one connection (and one PGlite instance).
const g = globalThis as unknown as {
  __tutorhubDb?: DatabaseHandle;
  __tutorhubReady?: Promise<void>;
};

/** The process-wide database handle, opened on first use (never at import: `next build` imports us). */
export function getHandle(): DatabaseHandle {
  g.__tutorhubDb ??= connectConfigured(env.DB_POOL_SIZE);
  return g.__tutorhubDb;
}

/** A connection to the configured database (DATABASE_URL, through its pooler if one is set, else the embedded one). */
export function connectConfigured(max: number): DatabaseHandle {
  if (!env.DATABASE_URL) return connect({ kind: 'pglite', dataDir: env.PGLITE_DIR });
  const pooler = env.DATABASE_POOLER === 'pgbouncer' ? 'pgbouncer' : undefined;
  return connect({ kind: 'postgres', url: env.DATABASE_URL, max, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS, pooler });
}

/**
 * Migrates the configured database. Behind a pooler the migrations run over
 * DATABASE_DIRECT_URL (their advisory lock belongs to one session), and the timeouts the
 * pooled connections cannot send are stored on the role.
 */
export async function migrateConfigured(handle: DatabaseHandle): Promise<void> {
  if (env.DATABASE_POOLER !== 'pgbouncer') return migrateDatabase(handle, env.DATABASE_URL);
  const direct = env.DATABASE_DIRECT_URL;
  if (!direct) throw new Error('DATABASE_POOLER=pgbouncer needs DATABASE_DIRECT_URL: the same database without the pooler, for migrations');
  await migrateDatabase(handle, direct);
  await storeRoleTimeouts(direct, { statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS, idleInTransactionMs: IDLE_IN_TRANSACTION_TIMEOUT_MS });
}

export function getDb(): Database {
  return getHandle().db;
}

/** Tests and scripts put their own database in place of the configured one. */
export function installDatabase(handle: DatabaseHandle) {
  g.__tutorhubDb = handle;
  g.__tutorhubReady = Promise.resolve();
}

/**
 * Migrates, and seeds the demo schools into an empty embedded database, once per process.
 * A failure is logged in one line and retried on the next call, so an unreachable database
 * makes /api/health answer 503 instead of crash-looping the server.
 */
export function ensureDatabaseReady(): Promise<void> {
  g.__tutorhubReady ??= prepare().catch((err) => {
    g.__tutorhubReady = undefined;
    throw err;
  });
  return g.__tutorhubReady;
}

async function prepare() {
  const handle = getHandle();
  const started = Date.now();
  try {
    await migrateConfigured(handle);
  } catch (err) {
    log.error('database migration failed', { db: handle.label, error: String((err as Error).message ?? err) });
    throw err;
  }
  if (handle.kind === 'pglite' && env.SEED_DEMO === 'auto' && (await isEmpty(handle.db))) {
    const { seedDemo } = await import('@/db/seed/demo');
    await seedDemo(handle.db);
    log.info('empty embedded database: seeded the demo schools');
  }
  log.info('database ready', { db: handle.label, ms: Date.now() - started });
}

async function isEmpty(db: Database) {
  const [row] = await queryRows<{ hasSchools: boolean }>(db, sql`select exists (select 1 from schools) as "hasSchools"`);
  return !row?.hasSchools;
}
