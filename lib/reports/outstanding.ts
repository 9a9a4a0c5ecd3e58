import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import type { FilterSpec, ReportFilters } from './filters';
import { labelOrder } from './sql';
import { LABEL, type ReportColumn, type ReportRow, type ReportTable } from './table';

export const outstandingSpec: FilterSpec = { period: 'asOf', defaultMonths: 1, groups: [], ids: [] };

/** The ageing buckets: days past the due date on the report date. */
export const ageingBuckets = ['notDue', 'days30', 'days60', 'days90', 'over90'] as const;

export const outstandingColumns: ReportColumn[] = [
  { key: LABEL, kind: 'text' },
  { key: 'invoices', kind: 'count' },
  { key: 'oldestDue', kind: 'date' },
  ...ageingBuckets.map((key) => ({ key, kind: 'money' as const })),
  { key: 'outstanding', kind: 'money' },
];

type Row = { key: string | null; label: string | null; total: boolean; invoices: number; oldest_due: string | null } & Record<(typeof ageingBuckets)[number] | 'outstanding', number | string>;

/**
 * What each payer still owes, aged on the report date (`filters.from`): the unpaid part of every
 * invoice (its gross less the payments allocated to it, as the invoice list and the dashboard
 * count it), in buckets by days past its due date — not yet due (due on or after the date),
 * 1–30, 31–60, 61–90 and more than 90 days. An invoice is overdue from the day after its due
 * date, as the invoice list decides it. The amounts left are those of the payments recorded so
 * far; the date only decides the ageing. Admins only; the viewer's school only.
 */
export async function outstandingReport(viewer: Viewer, filters: ReportFilters): Promise<ReportTable> {
  if (!can(viewer.role, 'reports.read')) return { columns: outstandingColumns, rows: [], totals: totalsOf(undefined) };
  const school = viewer.schoolId;
  const day = filters.from;
  const left = sql`(i.gross - i.paid)`;
  const late = sql`(${day}::date - i.due_date)`;
  const rows = await queryRows<Row>(
    getDb(),
    sql`select * from (
          select p.key, p.label, grouping(p.key) = 1 as total, count(*)::int as invoices, to_char(min(p.due_date), 'YYYY-MM-DD') as oldest_due,
                 coalesce(sum(p.left_amount) filter (where p.late <= 0), 0)::bigint as "notDue",
                 coalesce(sum(p.left_amount) filter (where p.late between 1 and 30), 0)::bigint as "days30",
                 coalesce(sum(p.left_amount) filter (where p.late between 31 and 60), 0)::bigint as "days60",
                 coalesce(sum(p.left_amount) filter (where p.late between 61 and 90), 0)::bigint as "days90",
                 coalesce(sum(p.left_amount) filter (where p.late > 90), 0)::bigint as "over90",
                 coalesce(sum(p.left_amount), 0)::bigint as outstanding
          from (
            select i.payer_key::text as key,
                   coalesce(pa.last_name || ' ' || pa.first_name, st.last_name || ' ' || st.first_name, i.buyer->>'name') as label,
                   i.due_date, ${left} as left_amount, ${late} as late
            from invoices i
              left join parents pa on pa.id = i.payer_parent_id and pa.school_id = ${school}
              left join students st on st.id = i.payer_student_id and st.school_id = ${school}
            where i.school_id = ${school} and i.gross > 0 and i.paid < i.gross
          ) p
          group by grouping sets ((p.key, p.label), ())
        ) k
        order by ${labelOrder}`,
  );
  const total = rows.find((r) => r.total);
  return { columns: outstandingColumns, rows: rows.filter((r) => !r.total).map(rowOf), totals: totalsOf(total) };
}

function rowOf(r: Row): ReportRow {
  const out: ReportRow = { [LABEL]: r.label, invoices: r.invoices, oldestDue: r.oldest_due };
  for (const b of ageingBuckets) out[b] = Number(r[b]);
  out.outstanding = Number(r.outstanding);
  return out;
}

function totalsOf(r: Row | undefined): ReportRow {
  if (r) return { ...rowOf(r), [LABEL]: null };
  return { [LABEL]: null, invoices: 0, oldestDue: null, ...Object.fromEntries(ageingBuckets.map((b) => [b, 0])), outstanding: 0 };
}
