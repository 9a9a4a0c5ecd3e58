import { and, asc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invoiceLines, invoices, lessons, parentStudents } from '@/db/schema';
import {
  createCancellationRequest,
  createClosure,
  createFamily,
  createLesson,
  createMakeupCredit,
  createPayment,
  createSchool,
  createStudent,
  createSubject,
  createTutor,
  createUser,
  setStudentPrice,
  setSubjectPrice,
} from '@/db/seed/factories';
import { planMonth } from '@/lib/billing/plan';
import { issueMonth, reallocate, runMonthlyBilling } from '@/lib/billing/run';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();

/** 16:00 Warsaw on a November 2026 day (CET, UTC+1). */
const nov = (day: number, hour = 16) => `2026-11-${String(day).padStart(2, '0')}T${String(hour - 1).padStart(2, '0')}:00:00Z`;
const dec = (day: number, hour = 16) => `2026-12-${String(day).padStart(2, '0')}T${String(hour - 1).padStart(2, '0')}:00:00Z`;
const RUN_NOV = new Date('2026-11-25T07:00:00Z');
const RUN_DEC = new Date('2026-12-25T07:00:00Z');

let w: Awaited<ReturnType<typeof build>>;

/**
 * Na Piątkę: Matematyka at 100 zł an hour (60 zł per student in a group). The Nowak family
 * (Ola and Kuba, one payer) and an adult, Ewa, who pays for herself at her own price of 80 zł.
 * November: Ola has a held lesson, one still planned, one cancelled in time, one cancelled late,
 * one on a closure and a makeup paid by a credit; Kuba has a 90-minute group lesson; Ewa two
 * 45-minute lessons. Plus a student nobody pays for.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę', siblingDiscountPercent: 10 });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  await setSubjectPrice(t.db, { schoolId: school.id, subjectId: math.id, individualPer60: 10_000, groupPer60: 6_000 });
  const { parent, children } = await createFamily(t.db, { schoolId: school.id, children: 2, lastName: 'Nowak' });
  const [ola, kuba] = children;
  const ewa = await createStudent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Dorosła', level: 'adult', isSelfPayer: true });
  await setStudentPrice(t.db, { schoolId: school.id, studentId: ewa.id, subjectId: math.id, per60: 8_000 });
  const orphan = await createStudent(t.db, { schoolId: school.id, firstName: 'Zosia', lastName: 'Bezpłatnika' });

  const base = { schoolId: school.id, tutorId: tutor.id, subjectId: math.id };
  const held = await createLesson(t.db, { ...base, start: nov(3), studentIds: [ola.id], status: 'completed' });
  const planned = await createLesson(t.db, { ...base, start: nov(24), studentIds: [ola.id] });
  const inTime = await createLesson(t.db, { ...base, start: nov(10), studentIds: [ola.id], status: 'cancelled', cancelledAt: new Date(nov(5)), cancelReason: 'Choroba' });
  await createCancellationRequest(t.db, { schoolId: school.id, lessonId: inTime.id, studentId: ola.id, requestedBy: admin.id, status: 'approved', late: false });
  const late = await createLesson(t.db, { ...base, start: nov(12), studentIds: [ola.id], status: 'cancelled', cancelledAt: new Date(nov(12, 10)), cancelReason: 'Choroba' });
  await createCancellationRequest(t.db, { schoolId: school.id, lessonId: late.id, studentId: ola.id, requestedBy: admin.id, status: 'approved', late: true });
  await createClosure(t.db, { schoolId: school.id, firstDay: '2026-11-17', name: 'Dzień dyrektorski' });
  await createLesson(t.db, { ...base, start: nov(17), studentIds: [ola.id], status: 'cancelled', cancelledAt: new Date(nov(16)), cancelReason: 'closure: Dzień dyrektorski' });
  const makeup = await createLesson(t.db, { ...base, start: nov(19), studentIds: [ola.id], status: 'completed' });
  await createMakeupCredit(t.db, { schoolId: school.id, studentId: ola.id, sourceLessonId: inTime.id, status: 'used', usedByLessonId: makeup.id, usedAt: new Date(nov(11)) });
  await createLesson(t.db, { ...base, start: nov(5), minutes: 90, kind: 'group', capacity: 3, studentIds: [kuba.id], status: 'completed' });
  await createLesson(t.db, { ...base, start: nov(6), minutes: 45, studentIds: [ewa.id], status: 'completed' });
  await createLesson(t.db, { ...base, start: nov(13), minutes: 45, studentIds: [ewa.id], status: 'completed' });
  await createLesson(t.db, { ...base, start: nov(4, 10), studentIds: [orphan.id], status: 'completed' });
  // October is before billing started: never billed after the fact.
  await createLesson(t.db, { ...base, start: '2026-10-20T14:00:00Z', studentIds: [ola.id], status: 'completed' });

  const sowa = await createSchool(t.db, { name: 'Sowa', billingDay: 10 });
  return { school, admin, tutor, math, parent, ola, kuba, ewa, orphan, held, planned, inTime, late, makeup, sowa, base };
}

beforeAll(async () => {
  w = await build();
});

const invoicesOf = (schoolId: string) => t.db.select().from(invoices).where(eq(invoices.schoolId, schoolId)).orderBy(asc(invoices.seq));
const linesOf = (invoiceId: string) => t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));

describe('planMonth', () => {
  it('charges what was held, planned or cancelled late, and nothing else; discounts siblings; lists who has no payer', async () => {
    const plan = await planMonth(t.db, w.school.id, '2026-11');
    const family = plan.payers.find((p) => p.payer.id === w.parent.id)!;
    expect(family.lines.map((l) => [l.serviceDate, l.kind, l.net])).toEqual([
      ['2026-11-03', 'lesson', 10_000],
      ['2026-11-05', 'lesson', 9_000], // Kuba: 90 min of group at 60 zł
      ['2026-11-12', 'late_cancellation', 10_000],
      ['2026-11-24', 'lesson', 10_000],
      [null, 'discount', -3_900], // 10 % of 390 zł
    ]);
    expect(family.totals).toEqual({ net: 35_100, vat: 0, gross: 35_100 });
    expect(family.lines[0].description).toBe(`Matematyka, 60 min — Ola Nowak (Anna Kowalczyk)`);
    expect(family.lines[2].description).toContain('Odwołanie z krótkim wyprzedzeniem');
    const adult = plan.payers.find((p) => p.payer.id === w.ewa.id)!;
    expect(adult.lines.map((l) => l.net)).toEqual([6_000, 6_000]); // 45 min at her own 80 zł
    expect(plan.noPayer).toEqual([{ studentId: w.orphan.id, name: 'Zosia Bezpłatnika' }]);
  });
});

describe('issueMonth', () => {
  it('issues one invoice per payer with gapless numbers, snapshots and totals equal to lines; running again adds nothing', async () => {
    const first = await issueMonth(t.db, { system: 'monthly-billing', schoolId: w.school.id }, w.school.id, '2026-11', RUN_NOV);
    expect(first.issued).toHaveLength(2);
    const again = await issueMonth(t.db, { system: 'monthly-billing', schoolId: w.school.id }, w.school.id, '2026-11', RUN_NOV);
    expect(again).toMatchObject({ issued: [], existing: 2 });

    const list = await invoicesOf(w.school.id);
    expect(list.map((i) => i.number)).toEqual(['FV/0001/11/2026', 'FV/0002/11/2026']);
    const family = list.find((i) => i.payerParentId === w.parent.id)!;
    expect(family).toMatchObject({ period: '2026-11-01', issueDate: '2026-11-25', saleDate: '2026-11-30', dueDate: '2026-12-09', gross: 35_100, status: 'issued', vatMode: 'exempt', createdBySystem: 'monthly-billing' });
    expect(family.transferTitle).toMatch(/^FV\/000\d\/11\/2026 (Kuba Nowak, Ola Nowak)$/);
    expect(family.seller).toMatchObject({ name: 'Na Piątkę' });
    for (const inv of list) {
      const lines = await linesOf(inv.id);
      expect(lines.reduce((a, l) => a + l.net, 0)).toBe(inv.net);
    }
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'invoice.issue'), eq(auditLog.schoolId, w.school.id)));
    expect(audits).toHaveLength(2);
    expect(audits.every((a) => a.actorSystem === 'monthly-billing' && a.actorUserId === null)).toBe(true);
  });

  it('turns a change to an invoiced month into lines on the next invoice, leaving the issued one as it was', async () => {
    const [before] = await t.db.select().from(invoices).where(eq(invoices.payerParentId, w.parent.id));
    // After the November invoice: the planned 24 November lesson is cancelled in time, and a lesson is added on 26 November.
    await t.db.update(lessons).set({ status: 'cancelled', cancelledAt: new Date(nov(20)), cancelReason: 'Choroba' }).where(eq(lessons.id, w.planned.id));
    await createLesson(t.db, { ...w.base, start: nov(26), studentIds: [w.kuba.id], status: 'completed' });
    await createLesson(t.db, { ...w.base, start: dec(1), studentIds: [w.ola.id] });

    const result = await issueMonth(t.db, { system: 'monthly-billing', schoolId: w.school.id }, w.school.id, '2026-12', RUN_DEC);
    expect(result.issued.map((i) => i.number)).toEqual(['FV/0003/12/2026']);
    const [december] = await t.db.select().from(invoices).where(and(eq(invoices.payerParentId, w.parent.id), eq(invoices.period, '2026-12-01')));
    expect((await linesOf(december.id)).map((l) => [l.serviceDate, l.kind, l.net])).toEqual([
      ['2026-11-24', 'adjustment', -10_000],
      ['2026-11-26', 'adjustment', 10_000],
      ['2026-12-01', 'lesson', 10_000],
    ]);
    const [after] = await t.db.select().from(invoices).where(eq(invoices.id, before.id));
    expect(after.gross).toBe(before.gross);
    expect(await linesOf(before.id)).toHaveLength(5);
  });

  it('spreads payments oldest first: partly paid, paid, and an overpayment that pays the next invoice', async () => {
    const family = await t.db.select().from(invoices).where(eq(invoices.payerParentId, w.parent.id)).orderBy(asc(invoices.issueDate));
    await createPayment(t.db, { schoolId: w.school.id, payerParentId: w.parent.id, amount: 20_000 });
    await reallocate(t.db, w.school.id, w.parent.id, '2026-12-01');
    let rows = await t.db.select().from(invoices).where(eq(invoices.payerParentId, w.parent.id)).orderBy(asc(invoices.issueDate));
    expect(rows.map((r) => [r.paid, r.status])).toEqual([
      [20_000, 'partially_paid'],
      [0, 'issued'],
    ]);
    await createPayment(t.db, { schoolId: w.school.id, payerParentId: w.parent.id, amount: 15_100 + family[1].gross + 500 });
    const { credit } = await reallocate(t.db, w.school.id, w.parent.id, '2026-12-30');
    rows = await t.db.select().from(invoices).where(eq(invoices.payerParentId, w.parent.id)).orderBy(asc(invoices.issueDate));
    expect(rows.map((r) => r.status)).toEqual(['paid', 'paid']);
    expect(credit).toBe(500);
  });

  it('finishes a run that died halfway, without duplicates or gaps', async () => {
    const school = await createSchool(t.db, { name: 'Restart' });
    const tutor = await createTutor(t.db, { schoolId: school.id });
    const subject = await createSubject(t.db, { schoolId: school.id });
    await setSubjectPrice(t.db, { schoolId: school.id, subjectId: subject.id, individualPer60: 5_000 });
    const families = [];
    for (const lastName of ['Adamska', 'Bąk', 'Cieślak', 'Dudek']) {
      const f = await createFamily(t.db, { schoolId: school.id, lastName });
      await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: subject.id, start: nov(2 + families.length), studentIds: [f.children[0].id], status: 'completed' });
      families.push(f);
    }
    // The third payer's insert fails: the run stops there, as if the process died.
    await t.db.execute(sql.raw(`create function fail_for_payer() returns trigger language plpgsql as $$ begin
      if new.payer_parent_id = '${families[2].parent.id}' then raise exception 'crash'; end if; return new; end $$`));
    await t.db.execute(sql`create trigger fail_for_payer before insert on invoices for each row execute function fail_for_payer()`);
    await expect(issueMonth(t.db, { system: 'monthly-billing', schoolId: school.id }, school.id, '2026-11', RUN_NOV)).rejects.toThrow();
    expect(await invoicesOf(school.id)).toHaveLength(2);
    await t.db.execute(sql`drop trigger fail_for_payer on invoices`);
    await t.db.execute(sql`drop function fail_for_payer()`);

    const resumed = await issueMonth(t.db, { system: 'monthly-billing', schoolId: school.id }, school.id, '2026-11', RUN_NOV);
    expect(resumed).toMatchObject({ existing: 2 });
    expect(resumed.issued).toHaveLength(2);
    const all = await invoicesOf(school.id);
    expect(all.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(all.map((i) => i.payerKey)).size).toBe(4);
  });

  it('issues each payer once when runs overlap', async () => {
    const school = await createSchool(t.db, { name: 'Równolegle' });
    const tutor = await createTutor(t.db, { schoolId: school.id });
    const subject = await createSubject(t.db, { schoolId: school.id });
    await setSubjectPrice(t.db, { schoolId: school.id, subjectId: subject.id, individualPer60: 5_000 });
    for (let i = 0; i < 6; i++) {
      const f = await createFamily(t.db, { schoolId: school.id });
      await createLesson(t.db, { schoolId: school.id, tutorId: tutor.id, subjectId: subject.id, start: nov(2 + i), studentIds: [f.children[0].id], status: 'completed' });
    }
    const actor = { system: 'monthly-billing', schoolId: school.id };
    const results = await Promise.all([1, 2, 3].map(() => issueMonth(t.db, actor, school.id, '2026-11', RUN_NOV)));
    expect(results.reduce((a, r) => a + r.issued.length, 0)).toBe(6);
    const all = await invoicesOf(school.id);
    expect(all.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('runMonthlyBilling', () => {
  it('bills only the schools whose billing day it is, in their zone', async () => {
    const before = (await invoicesOf(w.sowa.id)).length;
    const student = await createFamily(t.db, { schoolId: w.sowa.id });
    const tutor = await createTutor(t.db, { schoolId: w.sowa.id });
    const subject = await createSubject(t.db, { schoolId: w.sowa.id });
    await setSubjectPrice(t.db, { schoolId: w.sowa.id, subjectId: subject.id, individualPer60: 7_000 });
    await createLesson(t.db, { schoolId: w.sowa.id, tutorId: tutor.id, subjectId: subject.id, start: nov(4), studentIds: [student.children[0].id], status: 'completed' });
    // 9 November 23:30 UTC is already the 10th in Warsaw: Sowa's billing day, nobody else's.
    const results = await runMonthlyBilling(t.db, new Date('2026-11-09T23:30:00Z'));
    expect(results.map((r) => r.schoolId)).toEqual([w.sowa.id]);
    expect(results[0].issued).toHaveLength(1);
    expect((await invoicesOf(w.sowa.id)).length).toBe(before + 1);
    expect(await runMonthlyBilling(t.db, new Date('2026-11-09T12:00:00Z'))).toEqual([]);
  });

  it('never bills another school’s payer, and a payer switch does not re-bill an invoiced lesson', async () => {
    const ours = await invoicesOf(w.school.id);
    const payerKeys = new Set(ours.map((i) => i.payerKey));
    expect(payerKeys.has(w.sowa.id)).toBe(false);
    // Ola's payer link moves to a new parent: her November lessons stay billed once.
    await t.db.update(parentStudents).set({ isPayer: false }).where(eq(parentStudents.studentId, w.ola.id));
    const plan = await planMonth(t.db, w.school.id, '2026-12');
    expect(plan.payers.flatMap((p) => p.lines).filter((l) => l.studentId === w.ola.id && l.serviceDate?.startsWith('2026-11'))).toEqual([]);
  });
});
