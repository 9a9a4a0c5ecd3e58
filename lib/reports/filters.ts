import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { students, subjects, tutors } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { isUuid } from '@/lib/students/queries';
import { addCalendarDays, todayIn, zonedToInstant } from '@/lib/time';

/**
 * The filters of the reports, read from a URL's search params so that a view, and the download
 * of it, can be bookmarked and shared. Every value is parsed (zod); a value that does not parse
 * is dropped, named in `invalid`, and the default is used instead, so bad input never fails a page.
 * Dates are calendar dates in the school's time zone.
 */

export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

export type FilterSpec<G extends string = string> = {
  /** `day`: from/to are dates ("2026-11-01"); `month`: whole months ("2026-11"). */
  period: 'day' | 'month' | 'asOf';
  /** How many months the default span covers, ending with the current month. */
  defaultMonths: number;
  groups: readonly G[];
  ids: readonly IdFilter[];
};

export type IdFilter = 'tutor' | 'subject' | 'student';

export type ReportFilters = {
  /** First and last calendar day covered, inclusive (for `asOf`: both the report date). */
  from: string;
  to: string;
  group: string;
  tutor?: string;
  subject?: string;
  student?: string;
};

export type ParsedFilters = { filters: ReportFilters; invalid: string[] };

/** The longest span a report covers: three years. */
export const MAX_DAYS = 3 * 366;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

const isoDate = z.string().refine((v) => {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const d = new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3])));
  return y >= 2000 && y <= 2100 && d.toISOString().slice(0, 10) === v;
});
const isoMonth = z.string().refine((v) => {
  const m = MONTH_RE.exec(v);
  return !!m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
});
const uuid = z.string().refine(isUuid);

function read(search: SearchInput, key: string): string | undefined {
  const raw = search instanceof URLSearchParams ? (search.get(key) ?? undefined) : search[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The first day of the month `months` after `yyyyMm`'s. */
export function shiftMonth(yyyyMm: string, months: number): string {
  const [y, m] = yyyyMm.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a month ("2026-02" → "2026-02-28"). */
export function lastDayOf(yyyyMm: string): string {
  return addCalendarDays(`${shiftMonth(yyyyMm, 1)}-01`, -1);
}

/** Whole days from `a` to `b` (calendar dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * Reads a report's filters: `from`/`to` (dates or months), `date` (the report date of an
 * as-of report), `group` and the ids `tutor`, `subject`, `student`. Defaults: the last
 * `defaultMonths` months up to the current one (in the school's zone), the first grouping, no ids.
 */
export function parseFilters(search: SearchInput, spec: FilterSpec, timeZone: string, now: Date = new Date()): ParsedFilters {
  const invalid: string[] = [];
  const today = todayIn(timeZone, now);
  const thisMonth = today.slice(0, 7);
  let from: string;
  let to: string;

  const field = <T>(key: string, schema: z.ZodType<T>): T | undefined => {
    const raw = read(search, key);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    invalid.push(key);
    return undefined;
  };

  if (spec.period === 'asOf') {
    from = to = field('date', isoDate) ?? today;
  } else if (spec.period === 'month') {
    const f = field('from', isoMonth);
    const t = field('to', isoMonth);
    from = `${f ?? shiftMonth(t ?? thisMonth, -(spec.defaultMonths - 1))}-01`;
    to = lastDayOf(t ?? (f && f > thisMonth ? f : thisMonth));
  } else {
    const f = field('from', isoDate);
    const t = field('to', isoDate);
    from = f ?? `${shiftMonth((t ?? today).slice(0, 7), -(spec.defaultMonths - 1))}-01`;
    to = t ?? (f && f > today ? lastDayOf(f.slice(0, 7)) : lastDayOf(thisMonth));
  }
  if (to < from) {
    invalid.push('to');
    to = spec.period === 'month' ? lastDayOf(from.slice(0, 7)) : from;
  }
  if (daysBetween(from, to) > MAX_DAYS) {
    invalid.push('to');
    to = addCalendarDays(from, MAX_DAYS);
  }

  const groupRaw = read(search, 'group');
  let group = spec.groups[0] ?? '';
  if (groupRaw !== undefined) {
    if ((spec.groups as readonly string[]).includes(groupRaw)) group = groupRaw;
    else invalid.push('group');
  }
  const filters: ReportFilters = { from, to, group };
  for (const id of spec.ids) {
    const value = field(id, uuid);
    if (value) filters[id] = value.toLowerCase();
  }
  return { filters, invalid };
}

/** The instants `[from, to)` of the calendar days `from`…`to` in the school's zone. */
export function instantSpan(filters: Pick<ReportFilters, 'from' | 'to'>, timeZone: string): { from: string; to: string } {
  return {
    from: zonedToInstant(filters.from, '00:00', timeZone).toISOString(),
    to: zonedToInstant(addCalendarDays(filters.to, 1), '00:00', timeZone).toISOString(),
  };
}

/** The months "2026-01" … covered by `from`…`to`, oldest first. */
export function monthsOf(filters: Pick<ReportFilters, 'from' | 'to'>): string[] {
  const out: string[] = [];
  for (let m = filters.from.slice(0, 7); m <= filters.to.slice(0, 7); m = shiftMonth(m, 1)) out.push(m);
  return out;
}

/**
 * Keeps only the ids that belong to the viewer's school: an id of another school (or of
 * nothing) is dropped and named in `invalid`, so it can never widen or probe a report.
 */
export async function scopeIds(viewer: Viewer, parsed: ParsedFilters): Promise<ParsedFilters> {
  const { filters } = parsed;
  const invalid = [...parsed.invalid];
  const next = { ...filters };
  const db = getDb();
  const checks: Promise<void>[] = [];
  const check = (key: IdFilter, found: Promise<unknown[]>) =>
    checks.push(
      found.then((rows) => {
        if (rows.length === 0) {
          delete next[key];
          invalid.push(key);
        }
      }),
    );
  if (filters.tutor) check('tutor', db.select({ id: tutors.id }).from(tutors).where(and(eq(tutors.id, filters.tutor), eq(tutors.schoolId, viewer.schoolId))));
  if (filters.subject) check('subject', db.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.id, filters.subject), eq(subjects.schoolId, viewer.schoolId))));
  if (filters.student) check('student', db.select({ id: students.id }).from(students).where(and(eq(students.id, filters.student), eq(students.schoolId, viewer.schoolId))));
  await Promise.all(checks);
  return { filters: next, invalid };
}

export type FilterOptions = Record<IdFilter, { id: string; name: string }[]>;

/** The school's tutors, subjects and students for the filter form, in Polish name order. */
export async function listFilterOptions(viewer: Viewer, ids: readonly IdFilter[]): Promise<FilterOptions> {
  const empty: FilterOptions = { tutor: [], subject: [], student: [] };
  if (!can(viewer.role, 'reports.read')) return empty;
  const db = getDb();
  const [tutorRows, subjectRows, studentRows] = await Promise.all([
    ids.includes('tutor')
      ? db
          .select({ id: tutors.id, first: tutors.firstName, last: tutors.lastName })
          .from(tutors)
          .where(eq(tutors.schoolId, viewer.schoolId))
          .orderBy(...polishOrder(tutors.lastName), ...polishOrder(tutors.firstName), asc(tutors.id))
      : [],
    ids.includes('subject')
      ? db.select({ id: subjects.id, name: subjects.name }).from(subjects).where(eq(subjects.schoolId, viewer.schoolId)).orderBy(...polishOrder(subjects.name), asc(subjects.id))
      : [],
    ids.includes('student')
      ? db
          .select({ id: students.id, first: students.firstName, last: students.lastName })
          .from(students)
          .where(eq(students.schoolId, viewer.schoolId))
          .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName), asc(students.id))
      : [],
  ]);
  return {
    tutor: tutorRows.map((r) => ({ id: r.id, name: `${r.last} ${r.first}` })),
    subject: subjectRows,
    student: studentRows.map((r) => ({ id: r.id, name: `${r.last} ${r.first}` })),
  };
}

/** The filters as URL search params (for links, the form and the downloads), defaults included so a link says what it shows. */
export function filtersToParams(spec: FilterSpec, filters: ReportFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (spec.period === 'asOf') out.date = filters.from;
  else if (spec.period === 'month') {
    out.from = filters.from.slice(0, 7);
    out.to = filters.to.slice(0, 7);
  } else {
    out.from = filters.from;
    out.to = filters.to;
  }
  if (spec.groups.length > 1) out.group = filters.group;
  for (const id of spec.ids) if (filters[id]) out[id] = filters[id]!;
  return out;
}
