import { addCalendarDays, instantToZoned, todayIn, zonedToInstant } from '@/lib/time';

/**
 * Cancellation and makeup rules, pure. The school's settings (`schools.cancellation_notice_hours`,
 * `makeup_credit_days`, `makeup_cap_per_term`) come in as arguments.
 */

const HOUR_MS = 3_600_000;

/**
 * A cancellation is late when it is asked for with less than `noticeHours` before the lesson
 * starts. The notice is elapsed time (24 h before a Monday 16:00 lesson is Sunday 16:00, even
 * across a clock change that night it is 24 real hours), judged when the request is made, not
 * when it is decided: a parent who asked in time is not punished by a slow office.
 */
export function isLateCancellation(lessonStart: Date, requestedAt: Date, noticeHours: number): boolean {
  return lessonStart.getTime() - requestedAt.getTime() < noticeHours * HOUR_MS;
}

/**
 * When a makeup credit earned at `approvedAt` stops being usable: it is good through the whole
 * local day `days` days after approval (approved on 1 December with 30 days → usable through
 * 31 December), so this is the midnight that ends that day in the school's zone — the first
 * instant it is no longer usable (exclusive).
 */
export function creditExpiry(approvedAt: Date, days: number, timeZone: string): Date {
  const { date } = instantToZoned(approvedAt, timeZone);
  return zonedToInstant(addCalendarDays(date, days + 1), '00:00', timeZone);
}

/** The last local calendar day a credit expiring at `expiresAt` can be used ("2026-12-31"). */
export function lastUsableDay(expiresAt: Date, timeZone: string): string {
  return instantToZoned(new Date(expiresAt.getTime() - 1), timeZone).date;
}

/**
 * Whole local days a credit expiring at `expiresAt` is still usable after today, in the
 * school's zone: 0 on its last day, 1 the day before; negative once it ran out. Counted in
 * calendar days, so a clock change in between does not shift it.
 */
export function creditDaysLeft(expiresAt: Date, timeZone: string, now: Date = new Date()): number {
  const last = lastUsableDay(expiresAt, timeZone);
  const today = todayIn(timeZone, now);
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type CreditLike = { id: string; status: 'open' | 'used' | 'expired'; createdAt: Date; expiresAt: Date };

/**
 * The credit a makeup booking uses: the oldest open one still usable at `at` (by when it was
 * earned, then by id so the choice is stable), or undefined when there is none.
 */
export function pickCredit<T extends CreditLike>(credits: readonly T[], at: Date): T | undefined {
  return credits
    .filter((c) => c.status === 'open' && c.expiresAt.getTime() > at.getTime())
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0];
}

/**
 * The term `at` falls in, in the school's zone: the school year has two halves, September to
 * January and February to August (the summer belongs to the second half, so a cap never resets
 * in July). Returned as the instants that start and end it ([start, end)).
 */
export function termOf(at: Date, timeZone: string): { start: Date; end: Date } {
  const { date } = instantToZoned(at, timeZone);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const [from, to] =
    month >= 9 ? [`${year}-09-01`, `${year + 1}-02-01`] : month === 1 ? [`${year - 1}-09-01`, `${year}-02-01`] : [`${year}-02-01`, `${year}-09-01`];
  return { start: zonedToInstant(from, '00:00', timeZone), end: zonedToInstant(to, '00:00', timeZone) };
}

/** Whether a student who already earned `earnedThisTerm` credits this term may earn another; no cap (null) means always. */
export function withinCap(earnedThisTerm: number, capPerTerm: number | null): boolean {
  return capPerTerm === null || earnedThisTerm < capPerTerm;
}

/**
 * What an approved cancellation gives: a makeup credit when it was asked in time and the cap
 * allows, otherwise none — `late` (chargeable when the school charges late cancellations) or
 * `cap` (in time, but the term's makeups are used up).
 */
export function approvalOutcome(input: { late: boolean; earnedThisTerm: number; capPerTerm: number | null }): 'credit' | 'late' | 'cap' {
  if (input.late) return 'late';
  return withinCap(input.earnedThisTerm, input.capPerTerm) ? 'credit' : 'cap';
}
