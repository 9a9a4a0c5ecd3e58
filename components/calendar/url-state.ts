/**
 * The calendar's view in the URL, so a view can be bookmarked and shared:
 * `?date=2026-11-30&view=week&tutor=<id>&room=<id>&subject=<id>&student=<id>&cancelled=1`.
 * Pure: read by the server page, written by the client calendar.
 */
import type { Role } from '@/db/schema';

export const calendarViews = ['week', 'day', 'month', 'list'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** FullCalendar's view names for ours. */
export const fcViewOf: Record<CalendarView, string> = { week: 'timeGridWeek', day: 'timeGridDay', month: 'dayGridMonth', list: 'listWeek' };
export const viewOfFc = Object.fromEntries(Object.entries(fcViewOf).map(([k, v]) => [v, k])) as Record<string, CalendarView>;

export type CalendarFilters = { tutor?: string; room?: string; subject?: string; student?: string };

export type CalendarState = CalendarFilters & {
  /** A calendar date in the school's zone ("2026-11-30"): the calendar opens on it. */
  date: string;
  /** Null when the URL does not say: `wideView` on a computer (see there), list on a phone. */
  view: CalendarView | null;
  cancelled: boolean;
};

export type CalendarChoices = {
  tutors: { id: string; name: string; color: string }[];
  rooms: { id: string; name: string; capacity: number }[];
  subjects: { id: string; name: string; minutes: number }[];
  students: { id: string; name: string }[];
};

/** Above this many active tutors, the office's calendar opens on a day rather than a week. */
export const BUSY_SCHOOL_TUTORS = 30;

/**
 * What a computer shows when the URL names no view: the week, except on the office's calendar
 * of a large school. There the week of every tutor is thousands of lessons (121 tutors: 5,000),
 * more than anyone reads on one screen and a feed of megabytes; the day is a fifth of it, and a
 * tutor or room filter, or the week button, is one click away.
 */
export function wideViewFor(role: Role, activeTutors: number): Extract<CalendarView, 'week' | 'day'> {
  return role === 'admin' && activeTutors > BUSY_SCHOOL_TUTORS ? 'day' : 'week';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date "YYYY-MM-DD" (not 2026-02-31). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The state a URL asks for. Anything malformed or not among the viewer's choices is dropped
 * (a filter id from another school, or a tutor filter on a student's calendar, does nothing).
 */
export function calendarStateFrom(params: Record<string, string | string[] | undefined>, options: { today: string; choices: CalendarChoices }): CalendarState {
  const date = one(params.date);
  const view = one(params.view);
  const pick = (value: string | undefined, list: { id: string }[]) => (value && list.some((x) => x.id === value) ? value : undefined);
  return {
    date: date && isCalendarDate(date) ? date : options.today,
    view: calendarViews.includes(view as CalendarView) ? (view as CalendarView) : null,
    tutor: pick(one(params.tutor), options.choices.tutors),
    room: pick(one(params.room), options.choices.rooms),
    subject: pick(one(params.subject), options.choices.subjects),
    student: pick(one(params.student), options.choices.students),
    cancelled: one(params.cancelled) === '1',
  };
}

/**
 * The query string for a state (empty parts left out). A parent's calendar names its child
 * `child`, as their home does (`studentParam: 'child'`), so one choice carries between them.
 */
export function calendarSearch(state: CalendarState, options: { studentParam?: 'student' | 'child' } = {}): string {
  const params = new URLSearchParams();
  params.set('date', state.date);
  if (state.view) params.set('view', state.view);
  for (const key of ['tutor', 'room', 'subject'] as const) if (state[key]) params.set(key, state[key]!);
  if (state.student) params.set(options.studentParam ?? 'student', state.student);
  if (state.cancelled) params.set('cancelled', '1');
  return params.toString();
}

/** "26.11.2026" → "2026-11-26", or undefined when it is not a real date. */
export function parsePolishDate(value: string): string | undefined {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

/** "2026-11-26" → "26.11.2026". */
export function formatPolishDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** "9:05" or "09:05" → "09:05", or undefined when it is not a time of day (24 h). */
export function parseClock(value: string): string | undefined {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(value);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}
