import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { addCalendarDays, startOfWeekIn, todayIn, zonedToInstant } from '@/lib/time';

/** A month of the revenue chart: "2026-11" and what was invoiced for it, in grosze. */
export type RevenueMonth = { month: string; gross: number };

export type DashboardFigures = {
  /** Lessons this week (Monday to Sunday in the school's zone), cancelled ones left out. */
  lessonsThisWeek: number;
  /** Invoices issued and not yet fully paid nor overdue: how many, and what is left to pay on them. */
  pending: { count: number; amount: number };
  /** What is left to pay on overdue invoices. */
  overdue: { count: number; amount: number };
  /** The last twelve months (oldest first, this month last) of gross invoiced by sale month, corrections included. */
  revenue: RevenueMonth[];
};

/** "2026-11" for the month `offset` months from `yyyyMm`. */
export function shiftMonth(yyyyMm: string, offset: number): string {
  const [y, m] = yyyyMm.split('-').map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The owner's figures, each one SQL aggregate over the viewer's school only: this week's
 * lessons, invoices waiting for payment, overdue money, and the revenue of the last twelve
 * months. "Now" is read in the school's time zone (its week, its month).
 */
export async function getDashboardFigures(viewer: Viewer, now = new Date()): Promise<DashboardFigures | undefined> {
  if (!can(viewer.role, 'invoices.manage')) return undefined;
  const db = getDb();
  const school = viewer.schoolId;
  const today = todayIn(viewer.timeZone, now);
  const weekStart = startOfWeekIn(today);
  const from = zonedToInstant(weekStart, '00:00', viewer.timeZone).toISOString();
  const to = zonedToInstant(addCalendarDays(weekStart, 7), '00:00', viewer.timeZone).toISOString();
  const thisMonth = today.slice(0, 7);
  const firstMonth = shiftMonth(thisMonth, -11);

  const [[lessons], [money], revenueRows] = await Promise.all([
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from lessons
          where school_id = ${school} and status <> 'cancelled'
            and during && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)') and lower(during) >= ${from}::timestamptz`,
    ),
    queryRows<{ pending_count: number; pending_amount: number; overdue_count: number; overdue_amount: number }>(
      db,
      // Decided on the date, as the invoice list decides it: unpaid and past its due date is
      // overdue from the next day, whether or not the overdue job has marked it yet.
      sql`select count(*) filter (where due_date >= ${today}::date)::int as pending_count,
                 coalesce(sum(gross - paid) filter (where due_date >= ${today}::date), 0)::int as pending_amount,
                 count(*) filter (where due_date < ${today}::date)::int as overdue_count,
                 coalesce(sum(gross - paid) filter (where due_date < ${today}::date), 0)::int as overdue_amount
          from invoices where school_id = ${school} and gross > 0 and paid < gross`,
    ),
    queryRows<{ month: string; gross: number }>(
      db,
      sql`select to_char(date_trunc('month', coalesce(period, sale_date)), 'YYYY-MM') as month, sum(gross)::int as gross
          from invoices
          where school_id = ${school} and coalesce(period, sale_date) >= ${`${firstMonth}-01`}::date and coalesce(period, sale_date) < (${`${thisMonth}-01`}::date + interval '1 month')
          group by 1`,
    ),
  ]);
  const byMonth = new Map(revenueRows.map((r) => [r.month, r.gross]));
  return {
    lessonsThisWeek: lessons?.n ?? 0,
    pending: { count: money.pending_count, amount: money.pending_amount },
    overdue: { count: money.overdue_count, amount: money.overdue_amount },
    revenue: Array.from({ length: 12 }, (_, i) => {
      const month = shiftMonth(firstMonth, i);
      return { month, gross: byMonth.get(month) ?? 0 };
    }),
  };
}
