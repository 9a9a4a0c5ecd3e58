import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { attendanceRateOf } from '@/lib/attendance/rules';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { instantSpan, monthsOf, type FilterSpec, type ReportFilters } from './filters';
import { andEquals, labelOrder } from './sql';
import { LABEL, type ReportColumn, type ReportRow, type ReportTable } from './table';

export const attendanceGroups = ['student', 'tutor', 'subject', 'month'] as const;

export const attendanceSpec: FilterSpec = { period: 'day', defaultMonths: 1, groups: attendanceGroups, ids: ['tutor', 'subject', 'student'] };

export const attendanceColumns: ReportColumn[] = [
  { key: LABEL, kind: 'text' },
  { key: 'places', kind: 'count' },
  { key: 'present', kind: 'count' },
  { key: 'late', kind: 'count' },
  { key: 'absent', kind: 'count' },
  { key: 'excused', kind: 'count' },
  { key: 'unmarked', kind: 'count' },
  { key: 'rate', kind: 'rate' },
];

type Row = { key: string | null; label: string | null; total: boolean; places: number; present: number; late: number; absent: number; excused: number; unmarked: number };

/**
 * Attendance over the filters' days, as the attendance page counts it: every student place in a
 * lesson that takes place (not cancelled) and starts in the span in the school's zone, with its
 * mark; `unmarked` are places in lessons already started that nobody marked; the rate is present
 * and late over every mark (lib/attendance/rules). Grouped per student, tutor, subject or month,
 * with the totals row from the same aggregate (grouping sets). Admins only; the viewer's school only.
 */
export async function attendanceReport(viewer: Viewer, filters: ReportFilters, now: Date = new Date()): Promise<ReportTable> {
  const empty: ReportTable = { columns: attendanceColumns, rows: [], totals: totalsOf(undefined) };
  if (!can(viewer.role, 'reports.read')) return empty;
  const school = viewer.schoolId;
  const zone = viewer.timeZone;
  const span = instantSpan(filters, zone);
  const [key, label] = groupExpressions(filters.group, zone);
  const rows = await queryRows<Row>(
    getDb(),
    sql`select * from (
          select p.key, p.label, grouping(p.key) = 1 as total,
                 count(*)::int as places,
                 count(*) filter (where p.status = 'present')::int as present,
                 count(*) filter (where p.status = 'late')::int as late,
                 count(*) filter (where p.status = 'absent')::int as absent,
                 count(*) filter (where p.status = 'excused')::int as excused,
                 count(*) filter (where p.status is null and p.start <= ${now.toISOString()}::timestamptz)::int as unmarked
          from (
            select ${key} as key, ${label} as label, la.status, lower(l.during) as start
            from lesson_students ls
              join lessons l on l.id = ls.lesson_id and l.school_id = ${school}
              join students s on s.id = ls.student_id and s.school_id = ${school}
              join tutors t on t.id = l.tutor_id and t.school_id = ${school}
              join subjects sub on sub.id = l.subject_id and sub.school_id = ${school}
              left join lesson_attendance la on la.lesson_id = ls.lesson_id and la.student_id = ls.student_id
            where ls.school_id = ${school} and l.status <> 'cancelled'
              and lower(l.during) >= ${span.from}::timestamptz and lower(l.during) < ${span.to}::timestamptz
              ${andEquals(sql`l.tutor_id`, filters.tutor)} ${andEquals(sql`l.subject_id`, filters.subject)} ${andEquals(sql`ls.student_id`, filters.student)}
          ) p
          group by grouping sets ((p.key, p.label), ())
        ) k
        order by ${labelOrder}`,
  );
  const total = rows.find((r) => r.total);
  let body = rows.filter((r) => !r.total);
  if (filters.group === 'month') {
    // Every month of the span, an empty one included, so the chart and the file have no gaps.
    const byMonth = new Map(body.map((r) => [r.key, r]));
    body = monthsOf(filters).map((m) => byMonth.get(m) ?? { ...zero, key: m, label: m });
  }
  return { columns: attendanceColumns, rows: body.map(rowOf), totals: totalsOf(total) };
}

const zero: Row = { key: null, label: null, total: false, places: 0, present: 0, late: 0, absent: 0, excused: 0, unmarked: 0 };

/** The grouping key and the label a person reads, per grouping. */
function groupExpressions(group: string, zone: string): [SQL, SQL] {
  switch (group) {
    case 'tutor':
      return [sql`t.id::text`, sql`t.last_name || ' ' || t.first_name`];
    case 'subject':
      return [sql`sub.id::text`, sql`sub.name`];
    case 'month': {
      const month = sql`to_char(lower(l.during) at time zone ${zone}, 'YYYY-MM')`;
      return [month, month];
    }
    default:
      return [sql`s.id::text`, sql`s.last_name || ' ' || s.first_name`];
  }
}

function rowOf(r: Row): ReportRow {
  return { [LABEL]: r.label, places: r.places, present: r.present, late: r.late, absent: r.absent, excused: r.excused, unmarked: r.unmarked, rate: attendanceRateOf(r) };
}

function totalsOf(r: Row | undefined): ReportRow {
  return { ...rowOf(r ?? zero), [LABEL]: null };
}
