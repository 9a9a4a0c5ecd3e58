import { sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { schools } from './schools';

/**
 * One run of a scheduled job for one school: when it was meant for, when it started and
 * finished, what it did (counts) or why it failed. The admin's job page reads these, so the
 * owner sees that billing ran on the 25th.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    /** monthly-billing, overdue-check, payment-reminders, makeup-expiry, lesson-reminders. */
    job: text().notNull(),
    /** The moment the run acts as of (the cron tick, or --at). */
    forTime: timestamp({ withTimezone: true }).notNull(),
    /** schedule (Inngest), manual (an admin pressed "run now"), cli (npm run jobs). */
    trigger: text({ enum: ['schedule', 'manual', 'cli'] }).notNull(),
    triggeredBy: uuid(),
    status: text({ enum: ['running', 'succeeded', 'failed'] }).notNull().default('running'),
    counts: jsonb().$type<Record<string, number>>(),
    error: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('job_runs_school_job_started_idx').on(t.schoolId, t.job, t.startedAt),
    foreignKey({ name: 'job_runs_triggered_by_same_school_fk', columns: [t.schoolId, t.triggeredBy], foreignColumns: [users.schoolId, users.id] }),
    check('job_runs_finished', sql`(${t.status} = 'running') = (${t.finishedAt} is null)`),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;

/**
 * Something happened that people must be told about (a lesson moved or cancelled, a
 * cancellation decided), written in the same transaction as the change. An Inngest event
 * carries its id to be sent at once; the hourly sweep sends whatever is still unprocessed, so
 * a missed event (no Inngest server reachable) is late, never lost.
 */
export const notificationEvents = pgTable(
  'notification_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    /** lesson-changed (its payload says moved or cancelled), cancellation-decided. */
    kind: text().notNull(),
    /** The lesson or the cancellation request it is about. */
    entityId: uuid().notNull(),
    /** The facts the message needs that the database will not hold later (the old time). */
    payload: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notification_events_pending_idx').on(t.createdAt).where(sql`${t.processedAt} is null`)],
);

export type NotificationEvent = typeof notificationEvents.$inferSelect;
