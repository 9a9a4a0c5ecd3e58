import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshTestDatabase } from '@/test/database';
import { DEMO_SCHOOL_SLUG, seedDemo } from './demo';
import { termDates } from './term';

const t = freshTestDatabase();
/** Tuesday 1 December 2026, 13:00 in Warsaw: eleven weeks of the term behind, nine ahead. */
const NOW = new Date('2026-12-01T12:00:00Z');

type Row = Record<string, unknown>;
const rows = async <T extends Row>(query: ReturnType<typeof sql>) => {
  const result = (await t.db.execute(query)) as unknown as { rows?: T[] } | T[];
  return (Array.isArray(result) ? result : result.rows!) as T[];
};
const one = async <T extends Row>(query: ReturnType<typeof sql>) => (await rows<T>(query))[0];

beforeAll(async () => {
  await seedDemo(t.db, { now: NOW });
}, 120_000);

describe('the demo term', () => {
  it('runs from the Monday on or after 14 September to 31 January of the school year', () => {
    expect(termDates('2026-12-01')).toEqual({ year: 2026, firstDate: '2026-09-14', lastDate: '2027-01-31' });
    expect(termDates('2027-01-20')).toEqual({ year: 2026, firstDate: '2026-09-14', lastDate: '2027-01-31' });
    expect(termDates('2027-09-01')).toEqual({ year: 2027, firstDate: '2027-09-20', lastDate: '2028-01-31' });
  });

  it('gives every active student of both schools a weekly series for each subject they take', async () => {
    const missing = await rows(sql`
      select st.first_name, st.last_name, sub.name
        from student_subjects ss join students st on st.id = ss.student_id join subjects sub on sub.id = ss.subject_id
       where st.status = 'active' and ss.tutor_id is not null
         and not exists (select 1 from series_students x join lesson_series s on s.id = x.series_id
                          where x.student_id = ss.student_id and s.subject_id = ss.subject_id and s.tutor_id = ss.tutor_id)`);
    expect(missing).toEqual([]);
    const perSchool = await rows<{ slug: string; series: number; lessons: number }>(sql`
      select sc.slug, (select count(*)::int from lesson_series s where s.school_id = sc.id) as series,
             (select count(*)::int from lessons l where l.school_id = sc.id) as lessons
        from schools sc order by sc.slug`);
    for (const s of perSchool) expect(s.lessons).toBeGreaterThan(s.series * 12);
  });

  it('keeps weekday mornings free, holidays and breaks empty, and some lessons online and some in groups', async () => {
    const shape = await one<{ mornings: number; holidays: number; christmas: number; online: number; groups: number; total: number }>(sql`
      select count(*) filter (where extract(isodow from lower(during) at time zone 'Europe/Warsaw') <= 5
                                and (lower(during) at time zone 'Europe/Warsaw')::time < time '14:00')::int as mornings,
             count(*) filter (where (lower(during) at time zone 'Europe/Warsaw')::date in (date '2026-11-11', date '2027-01-06'))::int as holidays,
             count(*) filter (where (lower(during) at time zone 'Europe/Warsaw')::date between date '2026-12-23' and date '2026-12-31')::int as christmas,
             count(*) filter (where room_id is null)::int as online,
             count(*) filter (where kind = 'group')::int as groups,
             count(*)::int as total
        from lessons`);
    expect(shape).toMatchObject({ mornings: 0, holidays: 0, christmas: 0 });
    expect(shape.online / shape.total).toBeGreaterThan(0.1);
    expect(shape.groups / shape.total).toBeGreaterThan(0.05);
    const closures = await rows<{ name: string }>(sql`select c.name from school_closures c join schools s on s.id = c.school_id where s.slug = ${DEMO_SCHOOL_SLUG} order by c.first_day`);
    expect(closures.map((c) => c.name)).toContain('Zimowa przerwa świąteczna');
  });

  it('completed every lesson that ended before now, with attendance for each student, and left later ones planned', async () => {
    const state = await one<{ pastScheduled: number; futureDone: number; unmarked: number; notes: number; completed: number }>(sql`
      select count(*) filter (where upper(l.during) <= ${NOW.toISOString()}::timestamptz and l.status = 'scheduled')::int as "pastScheduled",
             count(*) filter (where upper(l.during) > ${NOW.toISOString()}::timestamptz and l.status = 'completed')::int as "futureDone",
             count(*) filter (where l.status = 'completed' and exists (
               select 1 from lesson_students ls where ls.lesson_id = l.id
                and not exists (select 1 from lesson_attendance a where a.lesson_id = l.id and a.student_id = ls.student_id)))::int as unmarked,
             count(*) filter (where l.status = 'completed' and exists (select 1 from lesson_notes n where n.lesson_id = l.id))::int as notes,
             count(*) filter (where l.status = 'completed')::int as completed
        from lessons l`);
    expect(state).toMatchObject({ pastScheduled: 0, futureDone: 0, unmarked: 0 });
    expect(state.notes / state.completed).toBeGreaterThan(0.5);
  });

  it('holds cancellations as the app makes them: approved in time with a credit (open, used or expired), late without, pending ahead', async () => {
    const c = await one<{ open: number; used: number; expired: number; late: number; pending: number; badOpen: number; badPending: number; usedLessonOk: number }>(sql`
      select (select count(*)::int from makeup_credits where status = 'open') as open,
             (select count(*)::int from makeup_credits where status = 'used') as used,
             (select count(*)::int from makeup_credits where status = 'expired') as expired,
             (select count(*)::int from cancellation_requests r where r.late and r.status = 'approved'
                and not exists (select 1 from makeup_credits m where m.request_id = r.id)) as late,
             (select count(*)::int from cancellation_requests where status = 'pending') as pending,
             (select count(*)::int from makeup_credits where status = 'open' and expires_at <= ${NOW.toISOString()}::timestamptz) as "badOpen",
             (select count(*)::int from cancellation_requests r join lessons l on l.id = r.lesson_id
               where r.status = 'pending' and (l.status <> 'scheduled' or lower(l.during) <= ${NOW.toISOString()}::timestamptz)) as "badPending",
             (select count(*)::int from makeup_credits m join lesson_students ls on ls.lesson_id = m.used_by_lesson_id and ls.student_id = m.student_id
               where m.status = 'used') as "usedLessonOk"`);
    expect(c.open).toBeGreaterThan(0);
    expect(c.used).toBeGreaterThan(0);
    expect(c.expired).toBeGreaterThan(0);
    expect(c.late).toBeGreaterThan(0);
    expect(c.pending).toBeGreaterThan(0);
    expect(c).toMatchObject({ badOpen: 0, badPending: 0, usedLessonOk: c.used });
    const cancelled = await one<{ withoutRequest: number }>(sql`
      select count(*)::int as "withoutRequest" from lessons l
       where l.status = 'cancelled' and not exists (select 1 from cancellation_requests r where r.lesson_id = l.id and r.status = 'approved')`);
    expect(cancelled.withoutRequest).toBe(0);
  });

  it('gives every tutor working hours that cover their lessons', async () => {
    const outside = await rows(sql`
      select l.id from lessons l
       where l.status <> 'cancelled' and not exists (
         select 1 from tutor_availability a
          where a.tutor_id = l.tutor_id and a.weekday = extract(isodow from lower(l.during) at time zone 'Europe/Warsaw')
            and a.start_time <= (lower(l.during) at time zone 'Europe/Warsaw')::time
            and a.end_time >= (upper(l.during) at time zone 'Europe/Warsaw')::time)`);
    expect(outside).toEqual([]);
  });

  it('issued October and November invoices as the billing job would, some paid, some in part, some overdue', async () => {
    const statuses = await rows<{ period: string; status: string; n: number }>(sql`
      select to_char(period, 'YYYY-MM') as period, status::text, count(*)::int as n from invoices group by 1, 2 order by 1, 2`);
    const of = (period: string, status: string) => statuses.find((s) => s.period === period && s.status === status)?.n ?? 0;
    expect(of('2026-10', 'paid')).toBeGreaterThan(50);
    expect(of('2026-10', 'overdue')).toBeGreaterThan(0);
    expect(of('2026-11', 'issued')).toBeGreaterThan(0);
    expect(of('2026-11', 'partially_paid')).toBeGreaterThan(0);
    expect(statuses.some((s) => s.period === '2026-12')).toBe(false);
    const mismatched = await rows(sql`
      select i.id from invoices i where i.net <> (select coalesce(sum(l.net), 0) from invoice_lines l where l.invoice_id = i.id)`);
    expect(mismatched).toEqual([]);
    const gaps = await rows(sql`select school_id from invoices group by school_id, year having max(seq) <> count(*)`);
    expect(gaps).toEqual([]);
  });

  it('seeds nothing twice', async () => {
    const count = () => one<{ lessons: number; invoices: number }>(sql`select (select count(*)::int from lessons) as lessons, (select count(*)::int from invoices) as invoices`);
    const before = await count();
    await seedDemo(t.db, { now: NOW });
    expect(await count()).toEqual(before);
  });
});
