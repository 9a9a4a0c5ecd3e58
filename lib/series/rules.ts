import Holidays from 'date-holidays';
import * as rrule from 'rrule';
import type { Weekday } from 'rrule';
import { addCalendarDays, instantToZoned, startOfWeekIn, zonedToInstant } from '@/lib/time';

/**
 * The rule of a weekly lesson series, without the database: which calendar dates it falls
 * on, which it skips (a public holiday or a school closure, each with its name), and the
 * instants of each lesson in the school's zone.
 *
 * Dates are zone-less calendar dates ("2026-11-10"); the weekly rule runs on them as a
 * floating wall clock (rrule in UTC as a mere counting frame), and only then is each date
 * joined with the wall-clock time in the school's zone. So a Tuesday 16:00 lesson stays 16:00
 * in Warsaw after the clocks change: 168 ± 1 hours pass between two lessons, not 168.
 */

/** Longest series a person can plan in one go (a school year with margin); the database checks the same. */
export const MAX_SERIES_DAYS = 400;

export type Holiday = { date: string; name: string };
export type Closure = { firstDay: string; lastDay: string; name: string };
export type SkippedDate = { date: string; reason: 'holiday' | 'closure'; name: string };

// rrule gives bundlers ES modules but Node (the seed and job commands) CommonJS, whose named
// exports Node cannot see: take RRule from the module or from its CommonJS default.
const { RRule } = ((rrule as { default?: typeof rrule }).default ?? rrule) as typeof rrule;

const rruleDay: Record<number, Weekday> = { 1: RRule.MO, 2: RRule.TU, 3: RRule.WE, 4: RRule.TH, 5: RRule.FR, 6: RRule.SA, 7: RRule.SU };

const holidayCache = new Map<string, Holiday[]>();

/**
 * Polish public holidays (days free from work by law) of `year`, from the maintained
 * `date-holidays` data rather than a list typed here: it follows changes in the law, such as
 * Christmas Eve, a public holiday from 2025 on. Observances, school-only days (Maundy
 * Thursday) and optional days are not included. Names in Polish, or English with `language: 'en'`.
 */
export function polishHolidays(year: number, language: 'pl' | 'en' = 'pl'): Holiday[] {
  const key = `${year}:${language}`;
  let list = holidayCache.get(key);
  if (!list) {
    const hd = new Holidays('PL', { languages: [language] });
    list = hd
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    holidayCache.set(key, list);
  }
  return list;
}

/** Public holidays from `firstDate` to `lastDate` inclusive, by date. */
export function holidaysBetween(firstDate: string, lastDate: string, language: 'pl' | 'en' = 'pl'): Map<string, string> {
  const out = new Map<string, string>();
  for (let year = Number(firstDate.slice(0, 4)); year <= Number(lastDate.slice(0, 4)); year++) {
    for (const h of polishHolidays(year, language)) {
      if (h.date >= firstDate && h.date <= lastDate && !out.has(h.date)) out.set(h.date, h.name);
    }
  }
  return out;
}

/** Days between two calendar dates (`b` − `a`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The dates of a weekly series from `firstDate` to `lastDate` inclusive on `weekdays`
 * (ISO: 1 = Monday … 7 = Sunday), minus public holidays and school closures. Each skipped
 * date says why; a date that is both a holiday and inside a closure names the holiday.
 */
export function seriesDates(input: {
  firstDate: string;
  lastDate: string;
  weekdays: readonly number[];
  holidays?: ReadonlyMap<string, string>;
  closures?: readonly Closure[];
}): { dates: string[]; skipped: SkippedDate[] } {
  const { firstDate, lastDate } = input;
  if (lastDate < firstDate || input.weekdays.length === 0) return { dates: [], skipped: [] };
  if (daysBetween(firstDate, lastDate) > MAX_SERIES_DAYS) throw new RangeError(`A series spans at most ${MAX_SERIES_DAYS} days`);
  const rule = new RRule({
    freq: RRule.WEEKLY,
    byweekday: [...new Set(input.weekdays)].map((d) => rruleDay[d]),
    dtstart: new Date(`${firstDate}T00:00:00Z`),
    until: new Date(`${lastDate}T00:00:00Z`),
    wkst: RRule.MO,
    tzid: 'UTC',
  });
  const dates: string[] = [];
  const skipped: SkippedDate[] = [];
  for (const day of rule.all()) {
    const date = day.toISOString().slice(0, 10);
    const holiday = input.holidays?.get(date);
    const closure = input.closures?.find((c) => c.firstDay <= date && date <= c.lastDay);
    if (holiday) skipped.push({ date, reason: 'holiday', name: holiday });
    else if (closure) skipped.push({ date, reason: 'closure', name: closure.name });
    else dates.push(date);
  }
  return { dates, skipped };
}

export type Occurrence = { date: string; start: Date; end: Date };

/**
 * Each date at the wall-clock `startTime` in `timeZone`, lasting `durationMinutes`. A time
 * that does not exist on a spring-forward day lands past the gap (lib/time's rule).
 */
export function occurrences(series: { dates: readonly string[]; startTime: string; durationMinutes: number }, timeZone: string): Occurrence[] {
  return series.dates.map((date) => {
    const start = zonedToInstant(date, series.startTime, timeZone);
    return { date, start, end: new Date(start.getTime() + series.durationMinutes * 60_000) };
  });
}

/** The school year a date belongs to: 1 September to 26 June (the first day of the summer break is a holiday from lessons). */
export function schoolYearOf(today: string): { firstDate: string; lastDate: string } {
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= '07-01' ? year : year - 1;
  return { firstDate: `${start}-09-01`, lastDate: `${start + 1}-06-25` };
}

/** The next date on or after `date` that falls on ISO `weekday`. */
export function nextWeekday(date: string, weekday: number): string {
  const current = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addCalendarDays(date, (weekday - current + 7) % 7);
}

/**
 * What a series changed "from this lesson on" means for its people: each old lesson that has
 * a replacement in the same week (school zone) was moved there; the rest were cancelled.
 * Within a week the lessons pair up in time order (Tuesday → Thursday; with two a week, the
 * first to the first). New lessons beyond the old ones (a second weekday added) pair with
 * nothing: they are new, not changed.
 */
export function pairReplacedLessons<T extends { during: { start: Date } }>(old: readonly T[], replacements: readonly T[], timeZone: string): { moved: [T, T][]; cancelled: T[] } {
  const weekOf = (l: T) => startOfWeekIn(instantToZoned(l.during.start, timeZone).date);
  const byStart = (a: T, b: T) => a.during.start.getTime() - b.during.start.getTime();
  const waiting = new Map<string, T[]>();
  for (const l of [...replacements].sort(byStart)) waiting.set(weekOf(l), [...(waiting.get(weekOf(l)) ?? []), l]);
  const moved: [T, T][] = [];
  const cancelled: T[] = [];
  for (const l of [...old].sort(byStart)) {
    const next = waiting.get(weekOf(l))?.shift();
    if (next) moved.push([l, next]);
    else cancelled.push(l);
  }
  return { moved, cancelled };
}
