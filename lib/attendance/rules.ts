import { addCalendarDays, instantToZoned, todayIn, zonedToInstant } from '@/lib/time';

export const attendanceStatuses = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceMark = (typeof attendanceStatuses)[number];

/** Marks that count as "came": a late student still had the lesson. */
export const ATTENDED: readonly AttendanceMark[] = ['present', 'late'];

/**
 * Attendance can be taken once a lesson has started, or at any time on its own day (a tutor
 * who knows a student is ill may mark them excused in the morning), in the school's zone.
 * A lesson on a later day cannot be marked: nobody has come or stayed away yet.
 */
export function canMarkAt(start: Date, now: Date, timeZone: string): boolean {
  return start.getTime() <= now.getTime() || instantToZoned(start, timeZone).date <= todayIn(timeZone, now);
}

/** A lesson is completed when every one of its students has a mark. A lesson without students never completes by marking. */
export function isFullyMarked(students: number, marked: number): boolean {
  return students > 0 && marked >= students;
}

export type AttendanceCounts = { present: number; late: number; absent: number; excused: number };

/** Present and late over every mark, or null while nothing is marked (no rate is not a 0 % rate). */
export function attendanceRateOf(counts: AttendanceCounts): number | null {
  const marked = counts.present + counts.late + counts.absent + counts.excused;
  return marked === 0 ? null : (counts.present + counts.late) / marked;
}

/** "87 %" (Polish spacing; English uses the same), or an em dash when there is no rate. */
export function formatRate(rate: number | null): string {
  return rate == null ? '—' : `${Math.round(rate * 100)} %`;
}

/** A calendar month "2026-12". */
export function isMonth(value: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The month `today` falls in. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month before or after ("2026-01" − 1 → "2025-12"). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month as instants `[from, to)`: from its first midnight to the next month's, in the school's zone. */
export function monthSpan(month: string, timeZone: string): { from: Date; to: Date } {
  return { from: zonedToInstant(`${month}-01`, '00:00', timeZone), to: zonedToInstant(`${addMonths(month, 1)}-01`, '00:00', timeZone) };
}

/** A local day `date` as instants `[from, to)` (23 or 25 hours long on the days the clocks change). */
export function daySpan(date: string, timeZone: string): { from: Date; to: Date } {
  return { from: zonedToInstant(date, '00:00', timeZone), to: zonedToInstant(addCalendarDays(date, 1), '00:00', timeZone) };
}
