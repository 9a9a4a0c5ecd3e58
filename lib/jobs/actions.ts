'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { schools } from '@/db/schema';
import { action } from '@/lib/action';
import { hit, reset } from '@/lib/auth/rate-limit';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { countsInWords, RUN_STALE_MINUTES } from './describe';
import { JOB_NAMES, runJobForSchool } from './index';
import { runningRun } from './queries';

const runJobNowSchema = z.object({ job: z.enum(JOB_NAMES, { message: 'jobs.run.unknownJob' }) });

/**
 * "Run now" on the job page: runs one job for the admin's own school at this moment, whatever
 * its schedule (billing issues the month's invoices even when it is not the billing day; the
 * confirm dialog says so). The run is recorded in job_runs as `manual` with the admin's id,
 * and audited as `job.run` before it starts.
 *
 * One run of a job per school at a time: a run still going (from the schedule, the command
 * line or another click, started less than RUN_STALE_MINUTES ago) is answered with a clear
 * refusal. Two clicks arriving together are told apart by an atomic claim in rate_limits (one
 * upsert, so it holds across replicas); a claim whose run died expires with the same window.
 *
 * A job that fails is recorded as failed and answered with its reason, never a 500.
 */
export const runJobNowAction = action(runJobNowSchema, { permission: 'jobs.run' }, async ({ job }, ctx) => {
  const t = await getTranslations('jobs');
  const db = getDb();
  const now = new Date();
  const [school] = await db.select().from(schools).where(eq(schools.id, ctx.viewer.schoolId));
  if (!school) throw new AppError('NOT_FOUND');
  const jobName = t(`names.${job}`);
  const busy = () => new AppError('CONFLICT', t('run.busy', { job: jobName }), undefined, 'job_running');

  const claim = `job-run:${school.id}:${job}`;
  if ((await hit(claim, { max: 1, windowSeconds: RUN_STALE_MINUTES * 60 }, now)).limited) throw busy();
  try {
    if (await runningRun(db, school.id, job, now)) throw busy();
    await ctx.mutate((_tx, audit) => audit({ action: 'job.run', entityType: 'job', entityId: job, after: { job, at: now.toISOString() } }));
    let run;
    try {
      run = await runJobForSchool(db, job, school, now, { trigger: 'manual', schoolId: school.id, triggeredBy: ctx.viewer.userId });
    } catch (err) {
      // runJobForSchool has recorded the failure with its reason; the page shows it too.
      revalidatePath('/admin/jobs');
      const reason = err instanceof Error ? err.message : String(err);
      throw new AppError('INTERNAL', t('run.failed', { job: jobName, error: reason.slice(0, 300) }), undefined, 'job_failed');
    }
    revalidatePath('/admin/jobs');
    const counts = run.counts ?? {};
    return { runId: run.id, counts, message: t('run.done', { job: jobName, counts: countsInWords(t, counts) }) };
  } finally {
    await reset(claim);
  }
});
