import { tzOffset } from '@date-fns/tz';

/**
 * Time for people: every instant is stored in UTC and shown in the school's zone, in the
 * Polish convention both languages share (26.11.2026, 24-hour 14:05).
 *
 * Calendar dates travel as ISO strings ("2026-12-01") and wall-clock times as "16:00", never
 * as a `Date` at local midnight: a `Date` is an instant, and which day it falls on depends on
 * the zone it is read in. Nothing here reads the machine's zone, so a server in UTC and a
 * laptop in Warsaw give the same answers.
 */

/** The one place the default school zone is written; `schools.time_zone` defaults to it. */
export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

const dateTime = new Map<string, Intl.DateTimeFormat>();
const dateOnly = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, withTime: boolean) {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('pl-PL', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    cache.set(timeZone, f);
  }
  return f;
}

/** "26.11.2026 14:05" in `timeZone`. */
export function formatDateTime(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(dateTime, timeZone, true).format(new Date(value)).replace(',', '');
}

/** "26.11.2026" in `timeZone`. */
export function formatDate(value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(dateOnly, timeZone, false).format(new Date(value));
}

/**
 * "31.05.2014" for a calendar date "2014-05-31" (a birth date, a term's first day). A date has
 * no zone: read as an instant it would land on the next day east of UTC+12 (Auckland in summer).
 */
export function formatCalendarDate(date: string): string {
  const [y, mo, d] = parseDate(date);
  return `${String(d).padStart(2, '0')}.${String(mo).padStart(2, '0')}.${String(y).padStart(4, '0')}`;
}

/** True when `timeZone` is an IANA zone name this runtime knows ("Europe/Warsaw", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const DAY_MS = 86_400_000;

/** Year, month (1–12), day of a real calendar date "YYYY-MM-DD", or a RangeError. */
function parseDate(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) return [y, mo, d];
  }
  throw new RangeError(`Not a calendar date: ${date}`);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Warsaw in summer: 120). */
function offsetAt(timeZone: string, instant: number): number {
  const offset = tzOffset(timeZone, new Date(instant));
  // tzOffset answers NaN for a zone it cannot read; an unknown zone is a bug, not midnight UTC.
  if (!Number.isFinite(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return offset;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * What the clocks in `timeZone` show at `instant`, read by one formatter per zone made once:
 * pages show dozens of times each, and a zoned date object per call cost more than the rest of
 * the formatting. An unknown zone is a RangeError.
 */
function wallClock(instant: Date, timeZone: string): { date: string; time: string; seconds: string; weekday: number } {
  let f = wallClocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    wallClocks.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const { type, value } of f.formatToParts(instant)) p[type] = value;
  return { date: `${p.year.padStart(4, '0')}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, seconds: p.second, weekday: WEEKDAYS[p.weekday] };
}

/** Calendar date "2026-12-01" of `instant` in `timeZone`. */
function dateIn(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

/** Today's calendar date in `timeZone` ("2026-12-01"): at 23:30 UTC on Dec 31 it is already Jan 1 in Warsaw. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateIn(now, timeZone);
}

/**
 * The instant when the clocks in `timeZone` show `date` ("2026-03-29") and `time` ("16:00").
 *
 * Twice a year a wall-clock time is not one instant, and we resolve it as Temporal's
 * "compatible" rule (and most calendars) do:
 * - it does not exist (spring forward, 02:30 on 2026-03-29 in Warsaw): it is read with the
 *   offset from before the change, so it lands as far past the gap as it was into it —
 *   03:30 CEST (01:30 UTC);
 * - it happens twice (fall back, 02:30 on 2026-10-25 in Warsaw): the earlier one,
 *   02:30 CEST (00:30 UTC).
 * `TZDate`'s constructor is not used here because for the repeated hour its choice depends
 * on the machine's own zone.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = parseDate(date);
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`Not a time of day: ${time}`);
  // The wall clock read as if it were UTC; the real instant is this minus the zone's offset.
  const wall = Date.UTC(y, mo - 1, d, Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  // Offsets a day either side cover every transition of a real zone (at most one a day).
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const fits = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wall - offsetAt(timeZone, instant) * 60_000 === instant)
    .sort((a, b) => a - b);
  return new Date(fits.length > 0 ? fits[0] : wall - before * 60_000);
}

/** What the clocks in `timeZone` show at `instant`: date, "HH:mm", and ISO weekday (1 = Monday … 7 = Sunday). */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string; weekday: number } {
  const { date, time, weekday } = wallClock(instant, timeZone);
  return { date, time, weekday };
}

/**
 * `date` moved by `days` calendar days ("2026-03-28" + 1 → "2026-03-29"). Pure calendar
 * arithmetic on a zone-less date, so UTC is only the counting frame: no clock change applies.
 */
export function addCalendarDays(date: string, days: number): string {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday of the week `date` falls in (weeks start on Monday, as in Poland and ISO 8601). */
export function startOfWeekIn(date: string): string {
  const [y, mo, d] = parseDate(date);
  const sinceMonday = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7;
  return addCalendarDays(date, -sinceMonday);
}

/**
 * The same wall-clock time `days` local days later: a weekly 16:00 lesson stays 16:00 after
 * the clocks change (then 168 ± 1 hours pass, not 168). A time that does not exist on the
 * target day is resolved as `zonedToInstant` does.
 */
export function addLocalDays(instant: Date, days: number, timeZone: string): Date {
  const local = wallClock(instant, timeZone);
  const moved = zonedToInstant(addCalendarDays(local.date, days), `${local.time}:${local.seconds}`, timeZone);
  // Keep the milliseconds the wall-clock string cannot carry.
  return new Date(moved.getTime() + (instant.getTime() % 1000 + 1000) % 1000);
}

/** "16:00" (24-hour) in `timeZone`. */
export function formatTime(instant: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return wallClock(new Date(instant), timeZone).time;
}

/** "16:00–17:00" (an en dash, no spaces) in `timeZone`. */
export function formatTimeRange(start: Date | string, end: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return `${formatTime(start, timeZone)}–${formatTime(end, timeZone)}`;
}
