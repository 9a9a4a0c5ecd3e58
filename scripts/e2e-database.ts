/** Recreates the e2e database named in DATABASE_URL on its server, migrated and seeded with the demo. */
import postgres from 'postgres';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/db/seed/demo';
import { env } from '@/lib/env';

async function main() {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const target = new URL(env.DATABASE_URL);
  const name = target.pathname.slice(1);
  if (!/^tutorhub_e2e\w*$/.test(name)) throw new Error(`refusing to recreate "${name}": only tutorhub_e2e* databases`);
  const server = new URL(env.DATABASE_URL);
  server.pathname = '/postgres';
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const handle = connect({ kind: 'postgres', url: env.DATABASE_URL, max: 2 });
  await migrateDatabase(handle, env.DATABASE_URL);
  await seedDemo(handle.db);
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
