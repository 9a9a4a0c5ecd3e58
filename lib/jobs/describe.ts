import type { School } from '@/db/schema';
import type { EmailKind } from '@/lib/notifications/kinds';
import type { JobCounts, JobDefinition, JobName } from './types';

/**
 * How the job page and the "run now" answer put a job into words: when it runs for a school,
 * and what a run did. Pure, so the page, the action and the tests share it.
 */

/** When a job runs for a school, in the school's own hours. */
export type JobSchedule =
  | { kind: 'hourly' }
  | { kind: 'daily'; hours: number[] }
  | { kind: 'monthly'; days: number[]; hours: number[] }
  | { kind: 'never' };

/**
 * Reads the schedule off the job's own `isDue` for the school (its billing day, its overdue
 * hour), so the page can never describe a schedule the scheduler does not keep. It asks every
 * hour of a 31-day month: due at every hour is hourly; the same hours on every day is daily;
 * otherwise the days of the month it is due on.
 */
export function scheduleOf(job: Pick<JobDefinition, 'isDue'>, school: School): JobSchedule {
  const dueHours: number[][] = [];
  for (let day = 1; day <= 31; day++) {
    const date = `2027-01-${String(day).padStart(2, '0')}`;
    const hours: number[] = [];
    for (let hour = 0; hour < 24; hour++) if (job.isDue(school, { date, day, hour })) hours.push(hour);
    dueHours.push(hours);
  }
  if (dueHours.every((h) => h.length === 24)) return { kind: 'hourly' };
  const days = dueHours.flatMap((h, i) => (h.length > 0 ? [i + 1] : []));
  if (days.length === 0) return { kind: 'never' };
  const first = dueHours[days[0] - 1];
  if (days.length === 31 && dueHours.every((h) => h.join() === first.join())) return { kind: 'daily', hours: first };
  return { kind: 'monthly', days, hours: [...new Set(days.flatMap((d) => dueHours[d - 1]))].sort((a, b) => a - b) };
}

/** "8:00", as the school's clock shows the hour. */
export function hourLabel(hour: number): string {
  return `${hour}:00`;
}

/** The emails each job sends, so the page can say when the school switched one off. */
export const JOB_EMAIL_KINDS: Record<JobName, readonly EmailKind[]> = {
  'monthly-billing': ['invoice-issued'],
  'overdue-check': ['overdue-notice'],
  'payment-reminders': ['payment-reminder'],
  'makeup-expiry': ['makeup-expiring'],
  'lesson-reminders': ['lesson-reminder', 'lesson-changed', 'cancellation-decided'],
  'message-notices': ['new-messages'],
  'data-retention': [],
};

/**
 * The counts the catalog has words for (`jobs.counts.<name>`). A job that starts reporting a
 * new count still shows it, as "name: n", until it gets its words.
 */
export const WORDED_COUNTS = [
  'issued',
  'alreadyIssued',
  'nothingDue',
  'withoutPayer',
  'lessonsWithoutPrice',
  'markedOverdue',
  'invoices',
  'lessons',
  'credits',
  'expired',
  'warned',
  'emailed',
  'alreadySent',
  'skipped',
  'noEmail',
  'events',
  'swept',
  'people',
  'threads',
  'auditIps',
  'outboxBodies',
  'invoiceBuyers',
] as const;

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "wystawiono 168, wysłano 168": a run's counts in words, in the order the job reported them; "nothing to do" when it reported none. */
export function countsInWords(t: Translate, counts: JobCounts | null | undefined): string {
  const entries = Object.entries(counts ?? {}).filter(([, n]) => typeof n === 'number');
  if (entries.length === 0) return t('counts.none');
  return entries
    .map(([key, n]) => ((WORDED_COUNTS as readonly string[]).includes(key) ? t(`counts.${key}`, { n }) : `${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: ${n}`))
    .join(', ');
}

/** A running row older than this is taken for a run that died (a crash, a deploy): it no longer blocks "run now". */
export const RUN_STALE_MINUTES = 15;
