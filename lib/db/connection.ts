import { sql } from 'drizzle-orm';
import { connect, queryRows, type Database, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

// Cached on globalThis so dev hot reload keeps one connection (and one PGlite instance).
const g = globalThis as unknown as {
  __tutorhubDb?: DatabaseHandle;
  __tutorhubReady?: Promise<void>;
};

/** The process-wide database handle, opened on first use (never at import: `next build` imports us). */
export function getHandle(): DatabaseHandle {
  g.__tutorhubDb ??= env.DATABASE_URL
    ? connect({ kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS })
    : connect({ kind: 'pglite', dataDir: env.PGLITE_DIR });
  return g.__tutorhubDb;
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
    await migrateDatabase(handle, env.DATABASE_URL);
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
