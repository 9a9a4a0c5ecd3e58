/**
 * The scheduled jobs, by hand: `npm run jobs -- <job> [--at ISO] [--school <slug>]`.
 *
 *   monthly-billing    issues the month's invoices (and emails them) for every school whose
 *                      billing day it is at that moment; with --school, that school whatever
 *                      its billing day.
 *   overdue-check      marks invoices past their due date overdue and sends one notice each.
 *   payment-reminders  reminds payers of invoices coming due (the school's lead days).
 *   makeup-expiry      expires makeup credits whose time ran out and warns of those about to.
 *   lesson-reminders   reminds students, parents and tutors of tomorrow's lessons.
 *   message-notices    emails each person once about the messages they have not read in the app.
 *
 * --at runs as if it were then (ISO 8601, default now). Every job is safe to run again:
 * nothing is issued or sent twice. Each run is recorded and shown on the admin's job page.
 *
 * Runs on DATABASE_URL, else the embedded database under PGLITE_DIR, which refuses while
 * `npm run dev` holds it (one process per embedded database folder).
 */
import { eq } from 'drizzle-orm';
import { schools } from '@/db/schema';
import { connectConfigured, installDatabase, migrateConfigured } from '@/lib/db/connection';
import { JOB_NAMES, isJobName, runJob } from '@/lib/jobs';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const job = process.argv[2];
  if (!job || !isJobName(job)) {
    console.error(`usage: npm run jobs -- <${JOB_NAMES.join('|')}> [--at 2026-12-25T06:00:00+01:00] [--school <slug>]`);
    process.exit(2);
  }
  const atText = option('at');
  const at = atText ? new Date(atText) : new Date();
  if (Number.isNaN(at.getTime())) {
    console.error(`--at is not a date and time: ${atText} (use ISO 8601, e.g. 2026-12-25T06:00:00+01:00)`);
    process.exit(2);
  }
  const handle = connectConfigured(4);
  installDatabase(handle);
  try {
    await migrateConfigured(handle);
    const slug = option('school');
    let schoolId: string | undefined;
    if (slug) {
      const [school] = await handle.db.select({ id: schools.id }).from(schools).where(eq(schools.slug, slug));
      if (!school) throw new Error(`no school with the slug ${slug}`);
      schoolId = school.id;
    }
    const { runs, failed } = await runJob(handle.db, job, at, { trigger: 'cli', schoolId });
    const names = new Map((await handle.db.select({ id: schools.id, slug: schools.slug }).from(schools)).map((s) => [s.id, s.slug]));
    if (runs.length === 0 && failed.length === 0) console.log(`${job} at ${at.toISOString()}: no school to run for then (billing runs on a school's billing day)`);
    for (const r of runs) {
      const counts = Object.entries(r.counts ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      console.log(`${job} at ${at.toISOString()} ${names.get(r.schoolId)}: ${counts || 'nothing to do'}`);
    }
    for (const f of failed) console.error(`${job} at ${at.toISOString()} ${f.school.slug}: failed: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
