import 'server-only';
import { and, eq, gt, inArray } from 'drizzle-orm';
import { jobRuns, schools, users, type JobRun, type School } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable } from '@/lib/db';
import { RUN_STALE_MINUTES, scheduleOf, type JobSchedule } from './describe';
import { JOB_NAMES, JOBS, latestRuns, type JobName } from './index';

/** How many of a job's latest runs the page lists. */
export const RUNS_SHOWN = 5;

export type JobRunView = {
  id: string;
  trigger: JobRun['trigger'];
  /** The admin who pressed "run now", by name; null for the schedule and the command line. */
  triggeredByName: string | null;
  /** `running` older than RUN_STALE_MINUTES is shown as `stalled`: the run died without a word. */
  status: JobRun['status'] | 'stalled';
  counts: Record<string, number> | null;
  error: string | null;
  forTime: Date;
  startedAt: Date;
  finishedAt: Date | null;
};

export type JobOverview = { name: JobName; schedule: JobSchedule; runs: JobRunView[] };

/** The school's settings the job page puts into words beside each job. */
export type JobSettings = Pick<
  School,
  'timeZone' | 'billingDay' | 'paymentTermDays' | 'paymentReminderDays' | 'overdueCheckHour' | 'makeupExpiryNoticeDays' | 'lessonReminderHours' | 'emailKindsOff' | 'auditIpRetentionDays' | 'outboxBodyRetentionDays'
>;

/**
 * Every job of the viewer's school: when it runs (read off the job's own schedule for this
 * school), and its latest runs, newest first, with the name of the admin who started one by
 * hand. Undefined for anyone who may not see the jobs. The school is always the viewer's.
 */
export async function listJobs(viewer: Viewer, now = new Date()): Promise<{ settings: JobSettings; jobs: JobOverview[] } | undefined> {
  if (!can(viewer.role, 'jobs.read')) return undefined;
  const db = getDb();
  const [school] = await db.select().from(schools).where(eq(schools.id, viewer.schoolId));
  if (!school) return undefined;
  const runsByJob = await Promise.all(JOB_NAMES.map((name) => latestRuns(db, school.id, name, RUNS_SHOWN)));
  const starters = [...new Set(runsByJob.flat().flatMap((r) => (r.triggeredBy ? [r.triggeredBy] : [])))];
  const names = new Map(
    starters.length === 0
      ? []
      : (await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.schoolId, school.id), inArray(users.id, starters)))).map((u) => [u.id, u.name]),
  );
  const staleBefore = now.getTime() - RUN_STALE_MINUTES * 60_000;
  return {
    settings: {
      timeZone: school.timeZone,
      billingDay: school.billingDay,
      paymentTermDays: school.paymentTermDays,
      auditIpRetentionDays: school.auditIpRetentionDays,
      outboxBodyRetentionDays: school.outboxBodyRetentionDays,
      paymentReminderDays: school.paymentReminderDays,
      overdueCheckHour: school.overdueCheckHour,
      makeupExpiryNoticeDays: school.makeupExpiryNoticeDays,
      lessonReminderHours: school.lessonReminderHours,
      emailKindsOff: school.emailKindsOff,
    },
    jobs: JOB_NAMES.map((name, i) => ({
      name,
      schedule: scheduleOf(JOBS[name], school),
      runs: runsByJob[i].map((r) => ({
        id: r.id,
        trigger: r.trigger,
        triggeredByName: r.triggeredBy ? (names.get(r.triggeredBy) ?? null) : null,
        status: r.status === 'running' && r.startedAt.getTime() < staleBefore ? 'stalled' : r.status,
        counts: r.counts ?? null,
        error: r.error,
        forTime: r.forTime,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
      })),
    })),
  };
}

/** A run of the job for the school still going (started less than RUN_STALE_MINUTES ago), whoever started it. */
export async function runningRun(db: Queryable, schoolId: string, name: JobName, now = new Date()): Promise<JobRun | undefined> {
  const [row] = await db
    .select()
    .from(jobRuns)
    .where(and(eq(jobRuns.schoolId, schoolId), eq(jobRuns.job, name), eq(jobRuns.status, 'running'), gt(jobRuns.startedAt, new Date(now.getTime() - RUN_STALE_MINUTES * 60_000))))
    .limit(1);
  return row;
}
