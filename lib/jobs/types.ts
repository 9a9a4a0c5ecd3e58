import type { School } from '@/db/schema';
import type { Database } from '@/lib/db';

export const JOB_NAMES = ['monthly-billing', 'overdue-check', 'payment-reminders', 'makeup-expiry', 'lesson-reminders', 'message-notices', 'data-retention'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export function isJobName(value: string): value is JobName {
  return (JOB_NAMES as readonly string[]).includes(value);
}

/** What a run did, by name ("issued": 12, "emailed": 12), shown on the job page and printed by the CLI. */
export type JobCounts = Record<string, number>;

/** The school's wall clock at the moment a job runs for: its date ("2026-12-25"), day of month and hour. */
export type LocalMoment = { date: string; day: number; hour: number };

/**
 * A scheduled job, for one school at a time. `run` is idempotent: running it again for the
 * same moment (an Inngest retry, a second run by hand) changes nothing and sends nothing.
 */
export type JobDefinition = {
  name: JobName;
  /** Whether the hourly scheduler runs it for the school at this local hour. */
  isDue(school: School, local: LocalMoment): boolean;
  /** Whether a run by hand for every school (no school named) includes the school today: the billing day only for billing. */
  runsOn?(school: School, local: LocalMoment): boolean;
  run(db: Database, school: School, at: Date): Promise<JobCounts>;
};
