import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { instantSpan, monthsOf, type FilterSpec, type ReportFilters } from './filters';
import { andEquals, labelOrder } from './sql';
import { LABEL, type ReportColumn, type ReportRow, type ReportTable } from './table';

export const cancellationGroups = ['month', 'student', 'tutor', 'subject'] as const;

export const cancellationsSpec: FilterSpec = { period: 'day', defaultMonths: 12, groups: cancellationGroups, ids: ['tutor', 'subject', 'student'] };

const counts = ['requests', 'byStudent', 'byParent', 'lateNotice', 'approved', 'rejected', 'withdrawn', 'pending', 'bySchool', 'creditsIssued', 'creditsUsed', 'creditsExpired'] as const;
type CountKey = (typeof counts)[number];

export const cancellationsColumns: ReportColumn[] = [{ key: LABEL, kind: 'text' }, ...counts.map((key) => ({ key, kind: 'count' as const }))];

type Row = { key: string | null; label: string | null; total: boolean } & Record<CountKey, number>;

/**
 * Cancellations and makeup lessons, each counted on the day it happened in the school's zone:
 * requests by the day they were made — who asked (the student or a parent), how many with less
 * notice than the school asks for (`late`), and how they ended; the student places in lessons
 * the school cancelled itself (a closure, the office; not those cancelled by an approved
 * request); makeup credits by the day they were issued, used and expired. Lesson facts (tutor,
 * subject) are those of the lesson cancelled, or the lesson that earned the credit. Grouped per
 * month, student, tutor or subject. Admins only; the viewer's school only.
 */
export async function cancellationsReport(viewer: Viewer, filters: ReportFilters): Promise<ReportTable> {
  if (!can(viewer.role, 'reports.read')) return { columns: cancellationsColumns, rows: [], totals: totalsOf(undefined) };
  const school = viewer.schoolId;
  const zone = viewer.timeZone;
  const span = instantSpan(filters, zone);
  const inSpan = (column: SQL) => sql`${column} >= ${span.from}::timestamptz and ${column} < ${span.to}::timestamptz`;
  const [key, label] = groupExpressions(filters.group, zone);
  const rows = await queryRows<Row>(
    getDb(),
    sql`with ev as (
          select cr.created_at as at, cr.student_id, cr.lesson_id, 'request' as kind, cr.status::text as status, cr.late, u.role::text as by_role
          from cancellation_requests cr join users u on u.id = cr.requested_by
          where cr.school_id = ${school} and ${inSpan(sql`cr.created_at`)}
          union all
          select l.cancelled_at, ls.student_id, l.id, 'school', null, false, null
          from lessons l join lesson_students ls on ls.lesson_id = l.id
          where l.school_id = ${school} and l.status = 'cancelled' and ${inSpan(sql`l.cancelled_at`)}
            and not exists (select 1 from cancellation_requests cr where cr.lesson_id = l.id and cr.student_id = ls.student_id and cr.status = 'approved')
          union all
          select mc.created_at, mc.student_id, mc.source_lesson_id, 'issued', null, false, null
          from makeup_credits mc where mc.school_id = ${school} and ${inSpan(sql`mc.created_at`)}
          union all
          select mc.used_at, mc.student_id, mc.source_lesson_id, 'used', null, false, null
          from makeup_credits mc where mc.school_id = ${school} and mc.status = 'used' and ${inSpan(sql`mc.used_at`)}
          union all
          select mc.expired_at, mc.student_id, mc.source_lesson_id, 'expired', null, false, null
          from makeup_credits mc where mc.school_id = ${school} and mc.status = 'expired' and ${inSpan(sql`mc.expired_at`)}
        ), p as (
          select ${key} as key, ${label} as label, ev.kind, ev.status, ev.late, ev.by_role
          from ev
            join lessons l on l.id = ev.lesson_id and l.school_id = ${school}
            join students s on s.id = ev.student_id and s.school_id = ${school}
            join tutors t on t.id = l.tutor_id and t.school_id = ${school}
            join subjects sub on sub.id = l.subject_id and sub.school_id = ${school}
          where true ${andEquals(sql`l.tutor_id`, filters.tutor)} ${andEquals(sql`l.subject_id`, filters.subject)} ${andEquals(sql`ev.student_id`, filters.student)}
        )
        select * from (
          select p.key, p.label, grouping(p.key) = 1 as total,
                 count(*) filter (where p.kind = 'request')::int as requests,
                 count(*) filter (where p.kind = 'request' and p.by_role = 'student')::int as "byStudent",
                 count(*) filter (where p.kind = 'request' and p.by_role = 'parent')::int as "byParent",
                 count(*) filter (where p.kind = 'request' and p.late)::int as "lateNotice",
                 count(*) filter (where p.kind = 'request' and p.status = 'approved')::int as approved,
                 count(*) filter (where p.kind = 'request' and p.status = 'rejected')::int as rejected,
                 count(*) filter (where p.kind = 'request' and p.status = 'withdrawn')::int as withdrawn,
                 count(*) filter (where p.kind = 'request' and p.status = 'pending')::int as pending,
                 count(*) filter (where p.kind = 'school')::int as "bySchool",
                 count(*) filter (where p.kind = 'issued')::int as "creditsIssued",
                 count(*) filter (where p.kind = 'used')::int as "creditsUsed",
                 count(*) filter (where p.kind = 'expired')::int as "creditsExpired"
          from p
          group by grouping sets ((p.key, p.label), ())
        ) k
        order by ${labelOrder}`,
  );
  const total = rows.find((r) => r.total);
  let body = rows.filter((r) => !r.total);
  if (filters.group === 'month') {
    const byMonth = new Map(body.map((r) => [r.key, r]));
    body = monthsOf(filters).map((m) => byMonth.get(m) ?? ({ key: m, label: m, total: false, ...Object.fromEntries(counts.map((c) => [c, 0])) } as Row));
  }
  return { columns: cancellationsColumns, rows: body.map(rowOf), totals: totalsOf(total) };
}

function groupExpressions(group: string, zone: string): [SQL, SQL] {
  switch (group) {
    case 'student':
      return [sql`s.id::text`, sql`s.last_name || ' ' || s.first_name`];
    case 'tutor':
      return [sql`t.id::text`, sql`t.last_name || ' ' || t.first_name`];
    case 'subject':
      return [sql`sub.id::text`, sql`sub.name`];
    default: {
      const month = sql`to_char(ev.at at time zone ${zone}, 'YYYY-MM')`;
      return [month, month];
    }
  }
}

function rowOf(r: Row): ReportRow {
  return { [LABEL]: r.label, ...Object.fromEntries(counts.map((c) => [c, Number(r[c])])) };
}

function totalsOf(r: Row | undefined): ReportRow {
  return { [LABEL]: null, ...Object.fromEntries(counts.map((c) => [c, r ? Number(r[c]) : 0])) };
}
