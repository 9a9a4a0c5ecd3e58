import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/**
 * A migrated database made once per test run and copied for every test file: applying the
 * migrations takes seconds per file on PGlite, copying a dump a fraction of that. The copy is
 * named after a hash of the migrations, so a new migration makes a new one.
 */

const root = path.resolve(import.meta.dirname, '..');
const migrationsFolder = path.join(root, 'db/migrations');

export function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The embedded template: a dump of a migrated in-memory PGlite. */
export function pgliteTemplatePath(hash = migrationsHash()): string {
  return path.join(root, '.data/test-templates', `pglite-${hash}.tar`);
}

/** The PostgreSQL template database on the test server. */
export function postgresTemplateName(hash = migrationsHash()): string {
  return `tutorhub_test_tpl_${hash}`;
}

export async function ensurePgliteTemplate(): Promise<string> {
  const file = pgliteTemplatePath();
  if (fs.existsSync(file)) return file;
  const handle = connect({ kind: 'pglite' });
  const client = (handle.db as unknown as { $client: { dumpDataDir(c?: 'none'): Promise<Blob> } }).$client;
  await migrateDatabase(handle);
  const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  await handle.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: another run starting at the same moment never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, dump);
  fs.renameSync(partial, file);
  return file;
}

export async function ensurePostgresTemplate(serverUrl: string): Promise<string> {
  const name = postgresTemplateName();
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) return name;
    // Built under a name of its own and renamed, so a concurrent run never copies a half-migrated one.
    const building = `${name}_${process.pid}`;
    await admin.unsafe(`create database "${building}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const handle = connect({ kind: 'postgres', url: url.toString(), max: 1 });
    await migrateDatabase(handle, url.toString());
    await handle.close();
    try {
      await admin.unsafe(`alter database "${building}" rename to "${name}"`);
    } catch {
      await admin.unsafe(`drop database if exists "${building}" with (force)`); // another run made it first
    }
    // Templates of older migrations are of no further use.
    for (const { datname } of await admin<{ datname: string }[]>`select datname from pg_database where datname ~ '^tutorhub_test_tpl_[0-9a-f]{12}$' and datname <> ${name}`) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
    return name;
  } finally {
    await admin.end();
  }
}
