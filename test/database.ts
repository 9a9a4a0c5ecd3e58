import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { connect, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { installDatabase } from '@/lib/db/connection';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a database
 * of its own on the real server when TEST_DATABASE_URL is set (created here, dropped after).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = connect({ kind: 'pglite' });
    await migrateDatabase(handle);
    return handle;
  }
  const name = `tutorhub_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = connect({ kind: 'postgres', url: url.toString(), max: 10 });
  await migrateDatabase(handle, url.toString());
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
