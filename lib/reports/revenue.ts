import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { monthsOf, type FilterSpec, type ReportFilters } from './filters';
import { andEquals, labelOrder } from './sql';
import { LABEL, type ReportColumn, type ReportRow, type ReportTable } from './table';

export const revenueGroups = ['month', 'subject', 'tutor'] as const;

export const revenueSpec: FilterSpec = { period: 'month', defaultMonths: 12, groups: revenueGroups, ids: ['tutor', 'subject', 'student'] };

export const revenueColumns: ReportColumn[] = [
  { key: LABEL, kind: 'text' },
  { key: 'invoices', kind: 'count' },
  { key: 'net', kind: 'money' },
  { key: 'gross', kind: 'money' },
];

type Row = { key: string | null; label: string | null; total: boolean; invoices: number; net: number; gross: number };

/**
 * Gross invoiced, from the invoice lines, by the month an invoice bills: its period, or for a
 * correction its sale date — as the dashboard's revenue chart counts it (lib/dashboard/figures.ts),
 * corrections included, so both show the same figures for a month.
 *
 * A line's gross is its net plus its share of the invoice's VAT; whatever an invoice holds beyond
 * its lesson lines (discounts, corrections, VAT rounding) is a row of its own with no subject or
 * tutor ("other"), so the months add up to the invoices' gross exactly. With a tutor, subject or
 * student filter only the lines of that tutor's or subject's lessons, or that student's lines,
 * count. Grouped per month, subject or tutor; admins only; the viewer's school only.
 */
export async function revenueReport(viewer: Viewer, filters: ReportFilters): Promise<ReportTable> {
  if (!can(viewer.role, 'reports.read')) return { columns: revenueColumns, rows: [], totals: totalsOf(undefined) };
  const school = viewer.schoolId;
  const [key, label] = groupExpressions(filters.group);
  const narrowed = Boolean(filters.tutor || filters.subject || filters.student);
  const rows = await queryRows<Row>(
    getDb(),
    sql`with inv as (
          select i.id, i.net, i.gross, date_trunc('month', coalesce(i.period, i.sale_date))::date as month
          from invoices i
          where i.school_id = ${school}
            and coalesce(i.period, i.sale_date) >= ${filters.from}::date and coalesce(i.period, i.sale_date) <= ${filters.to}::date
        ), line as (
          select il.invoice_id, inv.month, le.subject_id, le.tutor_id, il.student_id, il.net::bigint as net,
                 (case when inv.net = 0 then il.net else round(il.net::numeric * inv.gross / inv.net) end)::bigint as gross
          from invoice_lines il
            join inv on inv.id = il.invoice_id
            left join lessons le on le.id = il.lesson_id and le.school_id = ${school}
          where il.school_id = ${school}
        ), rest as (
          select inv.id as invoice_id, inv.month, null::uuid as subject_id, null::uuid as tutor_id, null::uuid as student_id,
                 inv.net - coalesce(sum(line.net), 0) as net, inv.gross - coalesce(sum(line.gross), 0) as gross
          from inv left join line on line.invoice_id = inv.id
          group by inv.id, inv.month, inv.net, inv.gross
        ), item as (
          select * from line
          ${narrowed ? sql`` : sql`union all select * from rest where net <> 0 or gross <> 0`}
        ), p as (
          select ${key} as key, ${label} as label, item.invoice_id, item.net, item.gross
          from item
            left join subjects sub on sub.id = item.subject_id and sub.school_id = ${school}
            left join tutors t on t.id = item.tutor_id and t.school_id = ${school}
          where true ${andEquals(sql`item.tutor_id`, filters.tutor)} ${andEquals(sql`item.subject_id`, filters.subject)} ${andEquals(sql`item.student_id`, filters.student)}
        )
        select * from (
          select p.key, p.label, grouping(p.key) = 1 as total, count(distinct p.invoice_id)::int as invoices,
                 coalesce(sum(p.net), 0)::bigint as net, coalesce(sum(p.gross), 0)::bigint as gross
          from p
          group by grouping sets ((p.key, p.label), ())
        ) k
        order by ${labelOrder}`,
  );
  const parsed = rows.map((r) => ({ ...r, net: Number(r.net), gross: Number(r.gross) }));
  const total = parsed.find((r) => r.total);
  let body = parsed.filter((r) => !r.total);
  if (filters.group === 'month') {
    const byMonth = new Map(body.map((r) => [r.key, r]));
    body = monthsOf(filters).map((m) => byMonth.get(m) ?? { key: m, label: m, total: false, invoices: 0, net: 0, gross: 0 });
  } else {
    // "Other" (no subject or tutor: discounts, corrections) after the named rows.
    body = [...body.filter((r) => r.key !== null), ...body.filter((r) => r.key === null)];
  }
  return { columns: revenueColumns, rows: body.map(rowOf), totals: totalsOf(total) };
}

function groupExpressions(group: string): [SQL, SQL] {
  switch (group) {
    case 'subject':
      return [sql`sub.id::text`, sql`sub.name`];
    case 'tutor':
      return [sql`t.id::text`, sql`t.last_name || ' ' || t.first_name`];
    default:
      return [sql`to_char(item.month, 'YYYY-MM')`, sql`to_char(item.month, 'YYYY-MM')`];
  }
}

function rowOf(r: Pick<Row, 'label' | 'invoices' | 'net' | 'gross'>): ReportRow {
  return { [LABEL]: r.label, invoices: r.invoices, net: r.net, gross: r.gross };
}

function totalsOf(r: Row | undefined): ReportRow {
  return { ...rowOf(r ?? { label: null, invoices: 0, net: 0, gross: 0 }), [LABEL]: null };
}
