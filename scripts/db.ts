/**
 * Database chores: `npm run db:migrate | db:seed | db:reset`.
 * Works on the configured database: DATABASE_URL, else the embedded one under PGLITE_DIR
 * (which must not be open in `npm run dev` at the same time; the lock file says so).
 */
import { sql } from 'drizzle-orm';
import { seedDemo } from '@/db/seed/demo';
import { connectConfigured, migrateConfigured } from '@/lib/db/connection';

async function main(command: string | undefined) {
  if (!command || !['migrate', 'seed', 'reset'].includes(command)) {
    console.error('usage: tsx scripts/db.ts migrate|seed|reset');
    process.exit(2);
  }
  const handle = connectConfigured(1);
  try {
    if (command === 'reset') {
      // Dropping the schema also drops the append-only audit trail, by design of a reset.
      await handle.db.execute(sql`drop schema if exists drizzle cascade`);
      await handle.db.execute(sql`drop schema public cascade`);
      await handle.db.execute(sql`create schema public`);
      console.log(`reset ${handle.label}`);
    }
    await migrateConfigured(handle);
    console.log(`migrated ${handle.label}`);
    if (command !== 'migrate') {
      await seedDemo(handle.db);
      console.log('seeded the demo schools (Na Piątkę, Sowa); existing schools are left as they are');
    }
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
