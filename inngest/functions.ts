import { eq } from 'drizzle-orm';
import { schools } from '@/db/schema';
import { ensureDatabaseReady, getDb } from '@/lib/db';
import { JOB_NAMES, isJobName, runJobForSchool, schoolsFor, type JobName } from '@/lib/jobs';
import { processNotificationEvent } from '@/lib/notifications/process';
import { JOB_DUE, NOTIFICATION_CREATED, inngest } from './client';

/**
 * Inngest's side of the scheduled jobs and the notifications: thin wrappers around the domain
 * functions in lib/jobs and lib/notifications, which also run by hand (`npm run jobs`).
 *
 * Each job has an hourly tick. It asks which schools the job is due for at that hour in each
 * school's own time zone (billing on the billing day at 06:00, the overdue check at the
 * school's hour, lesson reminders every hour) and sends one event per school; a second
 * function runs the job for that one school. So a school whose run fails is retried on its
 * own and never holds the others back, and two runs of the same job for the same school never
 * overlap. The tick's events carry ids made of job, school and hour: Inngest drops a repeated
 * id, and the jobs themselves are idempotent, so a retried tick sends nobody anything twice.
 *
 * The tick fires at minute 0 of every UTC hour. A school whose zone is offset by a half hour
 * (India, South Australia) sees its 08:00 job at 08:30, which is fine for reminders.
 */

/** Every hour, on the hour (UTC); each school's local hour is worked out from it. */
export const HOURLY = 'TZ=UTC 0 * * * *';

/** The hour a tick stands for: its timestamp cut to the whole hour, so a late or retried tick acts for the same moment. */
export function tickHour(ts: number | undefined): string {
  const at = new Date(ts ?? Date.now());
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString();
}

function tick(job: JobName) {
  return inngest.createFunction(
    { id: `tick-${job}`, name: `Tick: ${job}`, triggers: [{ cron: HOURLY }], retries: 3, concurrency: { limit: 1 } },
    async ({ event, step }) => {
      const at = tickHour(event.ts);
      const due = await step.run('schools due', async () => {
        await ensureDatabaseReady();
        const list = await schoolsFor(getDb(), job, new Date(at), { trigger: 'schedule' });
        return list.map((s) => s.id);
      });
      if (due.length > 0) {
        await step.sendEvent(
          'run for each school',
          due.map((schoolId) => ({ id: `${job}:${schoolId}:${at}`, name: JOB_DUE, data: { job, schoolId, at } })),
        );
      }
      return { job, at, schools: due.length };
    },
  );
}

export const ticks = JOB_NAMES.map(tick);

/** One job for one school at one moment (sent by its tick). Retried on failure: the jobs are idempotent. */
export const runSchoolJob = inngest.createFunction(
  {
    id: 'run-school-job',
    name: 'Run a job for one school',
    triggers: [{ event: JOB_DUE }],
    retries: 3,
    // One run of a job per school at a time; different schools and jobs go side by side.
    concurrency: [{ key: 'event.data.schoolId + ":" + event.data.job', limit: 1 }, { limit: 5 }],
  },
  async ({ event, step }) => {
    const { job, schoolId, at } = event.data as { job: string; schoolId: string; at: string };
    if (!isJobName(job)) throw new Error(`unknown job: ${job}`);
    return step.run(`${job} for the school`, async () => {
      await ensureDatabaseReady();
      const db = getDb();
      const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
      if (!school) return { job, skipped: 'no such school' };
      const run = await runJobForSchool(db, job, school, new Date(at), { trigger: 'schedule' });
      return { job, school: school.slug, runId: run.id, counts: run.counts };
    });
  },
);

/** A change people must be told about was committed: send its emails (at most once each, however often this is retried). */
export const sendNotification = inngest.createFunction(
  { id: 'send-notification', name: 'Send a notification', triggers: [{ event: NOTIFICATION_CREATED }], retries: 5, concurrency: { limit: 10 } },
  async ({ event, step }) => {
    const { id } = event.data as { id: string };
    return step.run('send the emails', async () => {
      await ensureDatabaseReady();
      return processNotificationEvent(getDb(), id);
    });
  },
);

/** Everything `/api/inngest` serves. */
export const functions = [...ticks, runSchoolJob, sendNotification];
