import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { jobRuns, schools, type JobRun, type School } from '@/db/schema';
import type { Database } from '@/lib/db';
import { log } from '@/lib/log';
import { instantToZoned } from '@/lib/time';
import { dataRetention } from './data-retention';
import { lessonReminders } from './lesson-reminders';
import { makeupExpiry } from './makeup-expiry';
import { messageNotices } from './message-notices';
import { monthlyBilling } from './monthly-billing';
import { overdueCheck } from './overdue-check';
import { paymentReminders } from './payment-reminders';
import type { JobCounts, JobDefinition, JobName, LocalMoment } from './types';

export { JOB_NAMES, isJobName, type JobName, type JobCounts } from './types';

export const JOBS: Record<JobName, JobDefinition> = {
  'monthly-billing': monthlyBilling,
  'overdue-check': overdueCheck,
  'payment-reminders': paymentReminders,
  'makeup-expiry': makeupExpiry,
  'lesson-reminders': lessonReminders,
  'message-notices': messageNotices,
  'data-retention': dataRetention,
};

/** The school's wall clock at `at`. */
export function localMoment(school: Pick<School, 'timeZone'>, at: Date): LocalMoment {
  const { date, time } = instantToZoned(at, school.timeZone);
  return { date, day: Number(date.slice(8, 10)), hour: Number(time.slice(0, 2)) };
}

export type JobTrigger = 'schedule' | 'manual' | 'cli';

export type RunOptions = {
  trigger: JobTrigger;
  /** One school, whatever its schedule (the admin's "run now", `--school`). */
  schoolId?: string;
  /** The admin who pressed "run now". */
  triggeredBy?: string | null;
};

/**
 * The schools a run includes: one named school; for the scheduler, those whose local hour
 * (and day) it is; by hand, every school (billing: those whose billing day it is).
 */
export async function schoolsFor(db: Database, name: JobName, at: Date, options: Pick<RunOptions, 'trigger' | 'schoolId'>): Promise<School[]> {
  const job = JOBS[name];
  const all = await db.select().from(schools).where(options.schoolId ? eq(schools.id, options.schoolId) : undefined).orderBy(schools.slug);
  if (options.schoolId) return all;
  return all.filter((s) => {
    const local = localMoment(s, at);
    return options.trigger === 'schedule' ? job.isDue(s, local) : (job.runsOn?.(s, local) ?? true);
  });
}

/**
 * Runs a job for one school and keeps the record: a `job_runs` row that says running, then
 * succeeded with the counts or failed with the reason. A failure is recorded and thrown
 * again, so Inngest retries it (safe: every job is idempotent).
 */
export async function runJobForSchool(db: Database, name: JobName, school: School, at: Date, options: RunOptions): Promise<JobRun> {
  const [started] = await db
    .insert(jobRuns)
    .values({ schoolId: school.id, job: name, forTime: at, trigger: options.trigger, triggeredBy: options.triggeredBy ?? null })
    .returning();
  try {
    const counts: JobCounts = await JOBS[name].run(db, school, at);
    const [done] = await db.update(jobRuns).set({ status: 'succeeded', counts, finishedAt: new Date() }).where(eq(jobRuns.id, started.id)).returning();
    log.info('job finished', { job: name, school: school.slug, at: at.toISOString(), counts });
    return done;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await db.update(jobRuns).set({ status: 'failed', error: reason.slice(0, 1000), finishedAt: new Date() }).where(eq(jobRuns.id, started.id));
    log.error('job failed', { job: name, school: school.slug, at: at.toISOString(), reason });
    throw err;
  }
}

/** Runs a job for every school it includes (see `schoolsFor`); one school's failure does not stop the others. */
export async function runJob(db: Database, name: JobName, at: Date, options: RunOptions): Promise<{ runs: JobRun[]; failed: { school: School; error: unknown }[] }> {
  const runs: JobRun[] = [];
  const failed: { school: School; error: unknown }[] = [];
  for (const school of await schoolsFor(db, name, at, options)) {
    try {
      runs.push(await runJobForSchool(db, name, school, at, options));
    } catch (error) {
      failed.push({ school, error });
    }
  }
  return { runs, failed };
}

/** The latest runs of a job in a school, newest first. */
export async function latestRuns(db: Database, schoolId: string, name: JobName, limit = 10): Promise<JobRun[]> {
  return db.select().from(jobRuns).where(and(eq(jobRuns.schoolId, schoolId), eq(jobRuns.job, name))).orderBy(desc(jobRuns.startedAt)).limit(limit);
}
