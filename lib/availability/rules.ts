import { addCalendarDays, instantToZoned } from '@/lib/time';

/**
 * Working hours and time off, as pure rules. Hours are school wall-clock times ("14:00"),
 * so a Tuesday 14:00–20:00 stays 14:00–20:00 on the days the clocks change; time off is whole
 * calendar days in the school's zone.
 */

/** One interval of the working week: ISO weekday (1 = Monday … 7 = Sunday), "HH:MM" to "HH:MM". */
export type WeeklyInterval = { weekday: number; start: string; end: string };

/** Whole days off, `firstDay` to `lastDay` inclusive ("2026-12-24"). */
export type TimeOffSpan = { firstDay: string; lastDay: string };

/** Why a lesson does not fit the tutor's availability, with the facts for a sentence. */
export type AvailabilityProblem =
  | { reason: 'outside_hours'; weekday: number; hours: { start: string; end: string }[] }
  | { reason: 'time_off'; firstDay: string; lastDay: string };

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "14:30" → 870. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** "14:30:00" (PostgreSQL `time`) or "14:30" → "14:30". */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}

/** The day's intervals sorted, with touching or overlapping ones joined (08–12 and 12–16 are 08–16). */
export function hoursOn(weekly: WeeklyInterval[], weekday: number): { start: string; end: string }[] {
  const day = weekly
    .filter((i) => i.weekday === weekday)
    .map((i) => ({ start: hhmm(i.start), end: hhmm(i.end) }))
    .sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  const merged: { start: string; end: string }[] = [];
  for (const i of day) {
    const last = merged.at(-1);
    if (last && minutesOf(i.start) <= minutesOf(last.end)) {
      if (minutesOf(i.end) > minutesOf(last.end)) last.end = i.end;
    } else merged.push({ ...i });
  }
  return merged;
}

/**
 * Whether a lesson `[start, end)` fits a tutor's week and time off, judged on the wall clock
 * of `timeZone`. Undefined when it fits; otherwise the first reason it does not.
 *
 * - Time off wins: a lesson touching any day off is refused, whatever the hours say.
 * - A tutor with no weekly hours at all is not restricted by hours.
 * - A lesson must lie inside one interval of its weekday (an interval ending at 20:00 holds
 *   a lesson ending at 20:00). A lesson running past midnight is never inside: working
 *   hours end by 23:59.
 */
export function outsideAvailability(
  lesson: { start: Date; end: Date },
  weekly: WeeklyInterval[],
  timeOff: TimeOffSpan[],
  timeZone: string,
): AvailabilityProblem | undefined {
  const from = instantToZoned(lesson.start, timeZone);
  // The last moment the lesson takes: a lesson ending at midnight does not touch the next day.
  const lastDay = instantToZoned(new Date(lesson.end.getTime() - 1), timeZone).date;
  for (let day = from.date; day <= lastDay; day = addCalendarDays(day, 1)) {
    const off = timeOff.find((o) => o.firstDay <= day && day <= o.lastDay);
    if (off) return { reason: 'time_off', firstDay: off.firstDay, lastDay: off.lastDay };
  }
  if (weekly.length === 0) return undefined;

  const hours = hoursOn(weekly, from.weekday);
  const to = instantToZoned(lesson.end, timeZone);
  const problem = { reason: 'outside_hours' as const, weekday: from.weekday, hours };
  if (to.date !== from.date) return problem;
  const startMin = minutesOf(from.time);
  // A lesson ending a few seconds past a minute takes that minute too (seconds are not shown).
  const endMin = minutesOf(to.time) + (lesson.end.getTime() % 60_000 === 0 ? 0 : 1);
  const inside = hours.some((h) => minutesOf(h.start) <= startMin && endMin <= minutesOf(h.end));
  return inside ? undefined : problem;
}

/**
 * Intervals a person entered for one week: each from before to, none overlapping another of
 * its weekday. Answers the index of the first wrong interval and why, or undefined.
 */
export function weekProblem(intervals: WeeklyInterval[]): { index: number; problem: 'endBeforeStart' | 'overlap' } | undefined {
  for (const [index, i] of intervals.entries()) {
    if (minutesOf(i.end) <= minutesOf(i.start)) return { index, problem: 'endBeforeStart' };
  }
  for (const [index, i] of intervals.entries()) {
    const clash = intervals.some(
      (o, j) => j < index && o.weekday === i.weekday && minutesOf(o.start) < minutesOf(i.end) && minutesOf(i.start) < minutesOf(o.end),
    );
    if (clash) return { index, problem: 'overlap' };
  }
  return undefined;
}
