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
  /** The school's next lessons from now, not cancelled. */
  upcoming: { id: string; start: Date; end: Date; subject: string; color: string; tutor: string; room: string | null; students: number }[];
  /** The latest runs of the automatic jobs, newest first. */
  jobRuns: { id: string; job: string; status: 'running' | 'succeeded' | 'failed'; startedAt: Date }[];
};

/** How many upcoming lessons and job runs the dashboard lists. */
export const DASHBOARD_LIST = 5;

/** "2026-11" for the month `offset` months from `yyyyMm`. */
export function shiftMonth(yyyyMm: string, offset: number): string {
  const [y, m] = yyyyMm.split('-').map(Number);
  const index = y * 12 + (m - 1) + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The owner's figures, each one SQL aggregate over the viewer's school only: this week's
 * lessons, invoices waiting for payment, overdue money, the revenue of the last twelve
 * months, the next lessons and the latest job runs. "Now" is read in the school's time zone
 * (its week, its month).
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

  const [[lessons], [money], revenueRows, upcoming, jobRuns] = await Promise.all([
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
    queryRows<{ id: string; start: Date | string; end: Date | string; subject: string; color: string; tutor: string; room: string | null; students: number }>(
      db,
      sql`select l.id, lower(l.during) as start, upper(l.during) as end, s.name as subject, s.color,
                 t.first_name || ' ' || t.last_name as tutor, r.name as room,
                 (select count(*)::int from lesson_students ls where ls.lesson_id = l.id) as students
          from lessons l
            join subjects s on s.id = l.subject_id
            join tutors t on t.id = l.tutor_id
            left join rooms r on r.id = l.room_id
          where l.school_id = ${school} and l.status <> 'cancelled'
            and l.during && tstzrange(${now.toISOString()}::timestamptz, 'infinity', '[)') and lower(l.during) >= ${now.toISOString()}::timestamptz
          order by lower(l.during), l.id
          limit ${DASHBOARD_LIST}`,
    ),
    queryRows<{ id: string; job: string; status: 'running' | 'succeeded' | 'failed'; started_at: Date | string }>(
      db,
      sql`select id, job, status, started_at from job_runs where school_id = ${school} order by started_at desc limit ${DASHBOARD_LIST}`,
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
    upcoming: upcoming.map((l) => ({ ...l, start: new Date(l.start), end: new Date(l.end) })),
    jobRuns: jobRuns.map((r) => ({ id: r.id, job: r.job, status: r.status, startedAt: new Date(r.started_at) })),
  };
}
