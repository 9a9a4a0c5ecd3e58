/**
 * Recreates the e2e database named in DATABASE_URL on its server, migrated and seeded with the
 * demo. Several e2e servers start at once (one per shard, and the public one), so the seeded
 * database is built once, as a template named after the migrations, the seed code and the
 * day (the demo term is laid out around today), and each e2e database is a copy of it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/db/seed/demo';
import { env } from '@/lib/env';

const TEMPLATE_LOCK = 0x7475_6532; // any constant: serializes building the template

function templateName(): string {
  const hash = createHash('sha256');
  for (const folder of ['db/migrations', 'db/seed', 'db/schema']) {
    for (const file of fs.readdirSync(folder, { recursive: true }).map(String).sort()) {
      const full = path.join(folder, file);
      if (fs.statSync(full).isFile()) hash.update(full).update(fs.readFileSync(full));
    }
  }
  hash.update(new Date().toISOString().slice(0, 10));
  return `tutorhub_e2e_tpl_${hash.digest('hex').slice(0, 12)}`;
}

async function main() {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const target = new URL(env.DATABASE_URL);
  const name = target.pathname.slice(1);
  if (!/^tutorhub_e2e\w*$/.test(name)) throw new Error(`refusing to recreate "${name}": only tutorhub_e2e* databases`);
  const server = new URL(env.DATABASE_URL);
  server.pathname = '/postgres';
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  try {
    const template = templateName();
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK})`;
    try {
      const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
      if (!exists) {
        for (const { datname } of await admin<{ datname: string }[]>`select datname from pg_database where datname like 'tutorhub\\_e2e\\_tpl\\_%'`) {
          await admin.unsafe(`drop database if exists "${datname}" with (force)`);
        }
        // Built under another name and renamed when complete: a run killed half way leaves no template.
        const building = `${template}_building`;
        await admin.unsafe(`create database "${building}"`);
        const url = new URL(env.DATABASE_URL);
        url.pathname = `/${building}`;
        const handle = connect({ kind: 'postgres', url: url.toString(), max: 2 });
        await migrateDatabase(handle, url.toString());
        await seedDemo(handle.db);
        await handle.close();
        await admin.unsafe(`alter database "${building}" rename to "${template}"`);
      }
    } finally {
      await admin`select pg_advisory_unlock(${TEMPLATE_LOCK})`;
    }
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
