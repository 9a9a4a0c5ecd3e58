import postgres from 'postgres';
import { connect, type DatabaseHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/** `--engine pglite|postgres` from the command line (default postgres). */
export const benchEngine = process.argv.includes('--engine') ? process.argv[process.argv.indexOf('--engine') + 1] : 'postgres';

/**
 * A fresh, migrated database for one benchmark run: in-memory PGlite, or a database of its own
 * on the server at BENCH_DATABASE_URL (created here, dropped by `close`).
 */
export async function openBenchDatabase(engine = benchEngine): Promise<DatabaseHandle> {
  if (engine === 'pglite') {
    const handle = connect({ kind: 'pglite' });
    await migrateDatabase(handle);
    return handle;
  }
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tutorhub_bench_${Date.now()}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const handle = connect({ kind: 'postgres', url: url.toString(), max: 4 });
  await migrateDatabase(handle, url.toString());
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const dropper = postgres(server, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
