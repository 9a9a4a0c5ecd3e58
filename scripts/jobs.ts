/**
 * The scheduled jobs, by hand: `npm run jobs -- <job> [--at ISO] [--school <slug>]`.
 *
 *   monthly-billing   issues the month's invoices for every school whose billing day it is at
 *                     that moment (with --at, as if it were then; with --school, that school
 *                     whatever its billing day). Safe to run again: nothing is issued twice.
 *   makeup-expiry     expires makeup credits whose time ran out by that moment.
 *
 * Runs on DATABASE_URL, else the embedded database under PGLITE_DIR, which refuses while
 * `npm run dev` holds it (one process per embedded database folder).
 */
import { eq } from 'drizzle-orm';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { schools } from '@/db/schema';
import { runMonthlyBilling } from '@/lib/billing/run';
import { expireMakeupCredits } from '@/lib/cancellations/credits';
import { installDatabase } from '@/lib/db/connection';
import { env } from '@/lib/env';

const JOBS = ['monthly-billing', 'makeup-expiry'] as const;
type Job = (typeof JOBS)[number];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const job = process.argv[2] as Job | undefined;
  if (!job || !JOBS.includes(job)) {
    console.error(`usage: npm run jobs -- <${JOBS.join('|')}> [--at 2026-11-25T08:00:00+01:00] [--school <slug>]`);
    process.exit(2);
  }
  const atText = option('at');
  const at = atText ? new Date(atText) : new Date();
  if (Number.isNaN(at.getTime())) {
    console.error(`--at is not a date and time: ${atText} (use ISO 8601, e.g. 2026-11-25T08:00:00+01:00)`);
    process.exit(2);
  }
  const handle = env.DATABASE_URL ? connect({ kind: 'postgres', url: env.DATABASE_URL, max: 4 }) : connect({ kind: 'pglite', dataDir: env.PGLITE_DIR });
  installDatabase(handle);
  try {
    await migrateDatabase(handle, env.DATABASE_URL);
    if (job === 'monthly-billing') {
      const slug = option('school');
      let schoolId: string | undefined;
      if (slug) {
        const [school] = await handle.db.select({ id: schools.id }).from(schools).where(eq(schools.slug, slug));
        if (!school) throw new Error(`no school with the slug ${slug}`);
        schoolId = school.id;
      }
      const results = await runMonthlyBilling(handle.db, at, { schoolId });
      const names = new Map((await handle.db.select({ id: schools.id, slug: schools.slug }).from(schools)).map((s) => [s.id, s.slug]));
      if (results.length === 0) console.log(`monthly-billing at ${at.toISOString()}: no school has its billing day then`);
      for (const r of results) {
        console.log(
          `monthly-billing ${r.period} ${names.get(r.schoolId)}: issued ${r.issued.length}, already issued ${r.existing}, nothing due ${r.held}` +
            (r.noPayer.length ? `, ${r.noPayer.length} student(s) without a payer` : '') +
            (r.missingPrices.length ? `, ${r.missingPrices.reduce((a, m) => a + m.lessons, 0)} lesson(s) left out: no price for the subject` : ''),
        );
      }
    } else {
      const { expired, schools: count } = await expireMakeupCredits(handle.db, at);
      console.log(`makeup-expiry at ${at.toISOString()}: expired ${expired} credit(s) in ${count} school(s)`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
