import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { connect, type DatabaseHandle } from '@/db/client';
import { installDatabase } from '@/lib/db/connection';
import { ensurePgliteTemplate, ensurePostgresTemplate } from './template';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a database
 * of its own on the real server when TEST_DATABASE_URL is set (created here, dropped after).
 * Both start as a copy of the run's migrated template (test/template.ts). With
 * TEST_DATABASE_POOLER_URL as well (a PgBouncer in transaction mode in front of that server),
 * the database is made directly and the tests then reach it through the pooler, as the app does.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = fs.readFileSync(await ensurePgliteTemplate());
    const handle = connect({ kind: 'pglite', loadDataDir: new Blob([template]) });
    await handle.db.execute(sql`select 1`); // the copy is unpacked on first use: do it before the tests run
    return handle;
  }
  const name = `tutorhub_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    // A run of other migrations (another checkout) on the same server may drop this template
    // as stale between the check and the copy: made again, the copy is tried once more.
    for (let attempt = 1; ; attempt++) {
      const template = await ensurePostgresTemplate(serverUrl);
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (err) {
        if (attempt >= 3 || (err as { code?: string }).code !== '3D000') throw err;
      }
    }
  } finally {
    await admin.end();
  }
  const poolerUrl = process.env.TEST_DATABASE_POOLER_URL;
  const url = new URL(poolerUrl ?? serverUrl);
  url.pathname = `/${name}`;
  const handle = connect({ kind: 'postgres', url: url.toString(), max: 10, pooler: poolerUrl ? 'pgbouncer' : undefined });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/**
 * Registers a fresh database for the current test file and installs it as the app's
 * database, so lib/ code under test uses it. Read `.db` inside tests, not at import time.
 */
export function freshTestDatabase() {
  const state = {} as { handle: DatabaseHandle; db: DatabaseHandle['db'] };
  beforeAll(async () => {
    state.handle = await createTestDatabase();
    state.db = state.handle.db;
    installDatabase(state.handle);
  });
  afterAll(async () => {
    await state.handle?.close();
  });
  return state;
}
