/**
 * The databases the load test runs against, on the PostgreSQL server at BENCH_DATABASE_URL
 * (default: the local one):
 *
 *   npm run bench:load:seed -- demo    # tutorhub_load_demo: the demo school as a newcomer gets it
 *   npm run bench:load:seed -- 10x     # tutorhub_load_10x: Na Piątkę ten times larger
 *                                      # (2,200 students, 120 tutors, 60 rooms, their term and invoices)
 *
 * Each run drops and re-creates its database, migrates and seeds it (the demo in ~1 min,
 * ten times the demo in several). Then start the production server on it and run
 * `bench/load.ts` (see there).
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemo } from '@/db/seed/demo';

const SIZES = { demo: 1, '10x': 10 } as const;

async function main(size: string | undefined) {
  if (size !== 'demo' && size !== '10x') {
    console.error('usage: npm run bench:load:seed -- demo|10x');
    process.exit(2);
  }
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tutorhub_load_${size}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;

  const started = performance.now();
  const handle = connect({ kind: 'postgres', url: url.toString(), max: 4 });
  try {
    await migrateDatabase(handle, url.toString());
    await seedDemo(handle.db, { scale: SIZES[size] });
    // Statistics for every table, invoices and payments included, as autovacuum would have
    // after a day: without them the planner guesses, and the load test would measure that.
    await handle.db.execute(sql`vacuum analyze`);
  } finally {
    await handle.close();
  }
  console.log(`seeded ${name} in ${((performance.now() - started) / 1000).toFixed(0)} s: DATABASE_URL=${url}`);
}

main(process.argv[2]).catch((err) => {
  console.error(err);
  process.exit(1);
});
