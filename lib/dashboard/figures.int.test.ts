import { describe, expect, it } from 'vitest';
import { invoices, jobRuns, type NewInvoice } from '@/db/schema';
import { createFamily, createLesson, createSchool, createSubject, createTutor, createUser } from '@/db/seed/factories';
import { getDashboardFigures, shiftMonth } from '@/lib/dashboard/figures';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Wednesday 2 December 2026, noon in Warsaw: the week is Monday 30 November to Sunday 6 December.
const NOW = new Date('2026-12-02T11:00:00Z');

let seq = 0;
/** An invoice as billing leaves it: `period` is its month ("2026-11"); a correction has none and counts by its sale date. */
async function invoice(schoolId: string, parentId: string, v: { period?: string; saleDate?: string; gross: number; paid?: number; status?: NewInvoice['status']; dueDate?: string }) {
  seq++;
  const correction = !v.period;
  const number = `${correction ? 'KOR' : 'FV'}/${String(seq).padStart(4, '0')}/2026`;
  const saleDate = v.saleDate ?? `${v.period}-28`;
  await t.db.insert(invoices).values({
    schoolId,
    kind: correction ? 'correction' : 'invoice',
    correctsInvoiceId: correction ? (await t.db.select({ id: invoices.id }).from(invoices).limit(1))[0].id : null,
    correctionReason: correction ? 'Błędna cena' : null,
    number,
    year: 2026,
    seq,
    payerParentId: parentId,
    period: correction ? null : `${v.period}-01`,
    issueDate: saleDate,
    saleDate,
    dueDate: v.dueDate ?? '2027-01-31',
    seller: { name: 'Szkoła' },
    buyer: { name: 'Rodzic' },
    vatMode: 'exempt',
    vatBasis: 'art. 43 ust. 1 pkt 26 lit. a ustawy o VAT',
    net: v.gross,
    vat: 0,
    gross: v.gross,
    paid: v.paid ?? 0,
    status: v.status ?? 'issued',
    transferTitle: number,
  });
}

describe('dashboard figures', () => {
  it('adds up this week’s lessons, pending and overdue money and twelve months of revenue, for the viewer’s school only', async () => {
    const school = await createSchool(t.db);
    const other = await createSchool(t.db);
    const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
    const tutor = await createTutor(t.db, { schoolId: school.id });
    const subject = await createSubject(t.db, { schoolId: school.id });
    const family = await createFamily(t.db, { schoolId: school.id });
    const student = family.children[0].id;
    const lesson = (iso: string) => createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: subject.id, start: new Date(iso), studentIds: [student] });
    // This week: Monday 16:00, Wednesday 16:00 and Sunday 22:30 local time; not Sunday 29 November, not Monday 7 December.
    await lesson('2026-11-30T15:00:00Z');
    await lesson('2026-12-02T15:00:00Z');
    await lesson('2026-12-06T21:30:00Z');
    await lesson('2026-11-29T15:00:00Z');
    await lesson('2026-12-07T15:00:00Z');
    const cancelled = await lesson('2026-12-03T15:00:00Z');
    await t.db.execute(`update lessons set status = 'cancelled', cancelled_at = now() where id = '${cancelled.id}'`);

    await invoice(school.id, family.parent.id, { period: '2026-12', gross: 40000 }); // pending, 400 zł
    await invoice(school.id, family.parent.id, { period: '2026-11', gross: 30000, paid: 10000, status: 'partially_paid' }); // pending, 200 zł left
    await invoice(school.id, family.parent.id, { period: '2026-10', gross: 25000, paid: 5000, status: 'overdue', dueDate: '2026-11-20' }); // overdue, 200 zł left
    await invoice(school.id, family.parent.id, { period: '2026-08', gross: 10000, status: 'issued', dueDate: '2026-12-01' }); // unpaid and due yesterday: overdue before the job marks it
    await invoice(school.id, family.parent.id, { period: '2026-09', gross: 20000, paid: 20000, status: 'paid' });
    await invoice(school.id, family.parent.id, { period: '2026-01', gross: 15000, paid: 15000, status: 'paid' }); // the first month of the twelve
    await invoice(school.id, family.parent.id, { period: '2025-12', gross: 99999, paid: 99999, status: 'paid' }); // twelve months ago: not in the chart
    await invoice(school.id, family.parent.id, { saleDate: '2026-11-15', gross: -5000, status: 'issued' }); // a correction lowering November

    const otherFamily = await createFamily(t.db, { schoolId: other.id });
    await invoice(other.id, otherFamily.parent.id, { period: '2026-12', gross: 70000 });
    await invoice(other.id, otherFamily.parent.id, { period: '2026-11', gross: 80000, status: 'overdue' });
    const otherTutor = await createTutor(t.db, { schoolId: other.id });
    const otherSubject = await createSubject(t.db, { schoolId: other.id });
    await createLesson(t.db, { schoolId: other.id, tutorId: otherTutor.id, subjectId: otherSubject.id, start: new Date('2026-12-02T15:00:00Z'), studentIds: [otherFamily.children[0].id] });

    const figures = await getDashboardFigures(viewerOf(admin), NOW);
    expect(figures).toMatchObject({ lessonsThisWeek: 3, pending: { count: 2, amount: 60000 }, overdue: { count: 2, amount: 30000 } });
    expect(figures!.revenue).toHaveLength(12);
    expect(figures!.revenue[0]).toEqual({ month: '2026-01', gross: 15000 });
    expect(figures!.revenue.at(-1)).toEqual({ month: '2026-12', gross: 40000 });
    expect(Object.fromEntries(figures!.revenue.filter((m) => m.gross !== 0).map((m) => [m.month, m.gross]))).toEqual({
      '2026-01': 15000,
      '2026-08': 10000,
      '2026-09': 20000,
      '2026-10': 25000,
      '2026-11': 25000,
      '2026-12': 40000,
    });
  });

  it('lists the school’s next lessons from now and its latest job runs, nobody else’s', async () => {
    const school = await createSchool(t.db);
    const other = await createSchool(t.db);
    const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
    const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
    const subject = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
    const family = await createFamily(t.db, { schoolId: school.id });
    const at = (iso: string) => createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: subject.id, start: new Date(iso), studentIds: [family.children[0].id] });
    await at('2026-12-02T08:00:00Z'); // already over at NOW
    const next = await at('2026-12-02T15:00:00Z');
    const later = await at('2026-12-03T15:00:00Z');
    const otherTutor = await createTutor(t.db, { schoolId: other.id });
    const otherSubject = await createSubject(t.db, { schoolId: other.id });
    const otherFamily = await createFamily(t.db, { schoolId: other.id });
    await createLesson(t.db, { schoolId: other.id, tutorId: otherTutor.id, subjectId: otherSubject.id, start: new Date('2026-12-02T13:00:00Z'), studentIds: [otherFamily.children[0].id] });
    await t.db.insert(jobRuns).values([
      { schoolId: school.id, job: 'overdue-check', forTime: NOW, trigger: 'schedule', status: 'succeeded', startedAt: new Date('2026-12-02T07:00:00Z'), finishedAt: new Date('2026-12-02T07:00:05Z') },
      { schoolId: school.id, job: 'lesson-reminders', forTime: NOW, trigger: 'schedule', status: 'failed', error: 'SMTP', startedAt: new Date('2026-12-02T10:00:00Z'), finishedAt: new Date('2026-12-02T10:00:05Z') },
      { schoolId: other.id, job: 'monthly-billing', forTime: NOW, trigger: 'manual', status: 'succeeded', startedAt: new Date('2026-12-02T10:30:00Z'), finishedAt: new Date('2026-12-02T10:30:05Z') },
    ]);

    const figures = await getDashboardFigures(viewerOf(admin), NOW);
    expect(figures!.upcoming.map((l) => l.id)).toEqual([next.id, later.id]);
    expect(figures!.upcoming[0]).toMatchObject({ subject: 'Fizyka', tutor: 'Anna Kowalczyk', students: 1, start: new Date('2026-12-02T15:00:00Z') });
    expect(figures!.jobRuns.map((r) => [r.job, r.status])).toEqual([
      ['lesson-reminders', 'failed'],
      ['overdue-check', 'succeeded'],
    ]);
  });

  it('is for the office only', async () => {
    const school = await createSchool(t.db);
    const tutor = await createTutor(t.db, { schoolId: school.id });
    expect(await getDashboardFigures(viewerOf(tutor.user!), NOW)).toBeUndefined();
  });

  it('moves months across a year', () => {
    expect(shiftMonth('2026-12', -11)).toBe('2026-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  });
});
