import fc from 'fast-check';
import { and, asc, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, invoices, payments } from '@/db/schema';
import { createFamily, createLesson, createSchool, createStudent, createSubject, createTutor, createUser, setSubjectPrice } from '@/db/seed/factories';
import { issueMonthAction, recordPaymentAction } from '@/lib/billing/invoice-actions';
import { payerBalance } from '@/lib/billing/payments';
import { shiftMonth } from '@/lib/billing/plan';
import { getInvoice, previewMonth } from '@/lib/billing/queries';
import { issueMonth } from '@/lib/billing/run';
import { addCalendarDays, todayIn } from '@/lib/time';
import { freshTestDatabase } from '@/test/database';
import { hostileString } from '@/test/hostile';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Everything happens in the current month (in Warsaw) and the next, so the invoices are issued
// today, due in 14 days, and "partly paid" never turns into "overdue" because the suite ran later.
const today = todayIn('Europe/Warsaw');
const thisMonth = today.slice(0, 7);
const nextMonth = shiftMonth(thisMonth, 1);
/** 11:00 or 12:00 in Warsaw on a day of a month ("2026-12", 3). */
const on = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}T10:00:00Z`;

let w: Awaited<ReturnType<typeof build>>;

/**
 * Na Piątkę: Matematyka at 100 zł an hour, Fizyka with no price. The Nowaks (Ola and Kuba, one
 * payer: 300 zł this month, and Ola's 100 zł lesson next month), the Lis family (100 zł), and
 * Zosia, whom nobody pays for, plus one Fizyka lesson nobody priced. Sowa: a family with its own
 * invoice.
 */
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin', name: 'Anna Sekretarka' });
  const tutor = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kowalczyk' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  await setSubjectPrice(t.db, { schoolId: school.id, subjectId: math.id, individualPer60: 10_000 });
  const nowak = await createFamily(t.db, { schoolId: school.id, children: 2, lastName: 'Nowak' });
  const lis = await createFamily(t.db, { schoolId: school.id, children: 1, lastName: 'Lis' });
  const orphan = await createStudent(t.db, { schoolId: school.id, firstName: 'Zosia', lastName: 'Bezpłatnika' });
  const base = { schoolId: school.id, tutorId: tutor.id, subjectId: math.id };
  const [ola, kuba] = nowak.children;
  await createLesson(t.db, { ...base, start: on(thisMonth, 2), studentIds: [ola.id] });
  await createLesson(t.db, { ...base, start: on(thisMonth, 3), studentIds: [ola.id] });
  await createLesson(t.db, { ...base, start: on(thisMonth, 4), studentIds: [kuba.id] });
  await createLesson(t.db, { ...base, start: on(thisMonth, 5), studentIds: [lis.children[0].id] });
  await createLesson(t.db, { ...base, start: on(thisMonth, 6), studentIds: [orphan.id] });
  await createLesson(t.db, { ...base, subjectId: physics.id, start: on(thisMonth, 7), studentIds: [lis.children[0].id] });
  await createLesson(t.db, { ...base, start: on(nextMonth, 2), studentIds: [ola.id] });

  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  await setSubjectPrice(t.db, { schoolId: sowa.id, subjectId: sowaSubject.id, individualPer60: 9_000 });
  const sowaFamily = await createFamily(t.db, { schoolId: sowa.id });
  await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: sowaSubject.id, start: on(thisMonth, 2), studentIds: [sowaFamily.children[0].id] });
  await issueMonth(t.db, { system: 'monthly-billing', schoolId: sowa.id }, sowa.id, thisMonth, new Date());
  const [sowaInvoice] = await t.db.select().from(invoices).where(eq(invoices.schoolId, sowa.id));
  return { school, admin, tutor, math, physics, nowak, lis, orphan, base, sowa, sowaInvoice };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(viewerOf(w.admin)));

const invoiceOf = async (parentId: string, month = thisMonth) =>
  (await t.db.select().from(invoices).where(and(eq(invoices.payerParentId, parentId), eq(invoices.period, `${month}-01`))))[0];
const paymentCount = async () => (await t.db.select({ n: count() }).from(payments))[0].n;
const pay = (invoiceId: string, amount: string | number, extra: Record<string, unknown> = {}) => recordPaymentAction({ invoiceId, amount, method: 'transfer', paidOn: today, reference: null, ...extra } as never);

describe('previewMonth and issueMonthAction', () => {
  it('previews the month without writing: payers, lines and totals, students without a payer, subjects without a price', async () => {
    const preview = (await previewMonth(viewerOf(w.admin), thisMonth))!;
    expect(preview.toIssue.map((p) => [p.name, p.lines, p.gross])).toEqual([
      [`${w.lis.parent.firstName} ${w.lis.parent.lastName}`, 1, 10_000],
      [`${w.nowak.parent.firstName} ${w.nowak.parent.lastName}`, 3, 30_000],
    ]);
    expect(preview.toIssue[1].students).toEqual(['Kuba Nowak', 'Ola Nowak']);
    expect(preview.totals).toEqual({ net: 40_000, vat: 0, gross: 40_000, lines: 4 });
    expect(preview.noPayer).toEqual([{ studentId: w.orphan.id, name: 'Zosia Bezpłatnika' }]);
    expect(preview.missingPrices).toMatchObject([{ subject: 'Fizyka', lessons: 1 }]);
    expect(preview.existing).toEqual([]);
    expect((await t.db.select({ n: count() }).from(invoices).where(eq(invoices.schoolId, w.school.id)))[0].n).toBe(0);
    expect(await previewMonth(viewerOf(w.nowak.parent.user!), thisMonth)).toBeNull();
  });

  it('issues the month with the admin as author, and a second run issues nothing', async () => {
    const first = await issueMonthAction({ period: thisMonth });
    expect(first).toEqual({ ok: true, data: { period: thisMonth, issued: 2, total: 40_000, existing: 0, held: 0 } });
    const again = await issueMonthAction({ period: thisMonth });
    expect(again).toEqual({ ok: true, data: { period: thisMonth, issued: 0, total: 0, existing: 2, held: 0 } });
    const issued = await t.db.select().from(invoices).where(eq(invoices.schoolId, w.school.id));
    expect(issued.map((i) => [i.createdBy, i.createdBySystem, i.issueDate])).toEqual([
      [w.admin.id, null, today],
      [w.admin.id, null, today],
    ]);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'invoice.issue'), eq(auditLog.schoolId, w.school.id)));
    expect(audits.map((a) => [a.actorUserId, a.ip])).toEqual([
      [w.admin.id, '203.0.113.7'],
      [w.admin.id, '203.0.113.7'],
    ]);
    const preview = (await previewMonth(viewerOf(w.admin), thisMonth))!;
    expect(preview.toIssue).toEqual([]);
    expect(preview.existing.map((p) => p.invoice?.number).sort()).toEqual(issued.map((i) => i.number).sort());
  });

  it('refuses a parent and a tutor, a malformed month and a month after the next', async () => {
    for (const user of [w.nowak.parent.user!, w.tutor.user!]) {
      actAs(viewerOf(user));
      expect(await issueMonthAction({ period: nextMonth })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    actAs(viewerOf(w.admin));
    for (const period of ['2026-13', '2026-1', '', 'listopad', `${thisMonth}-01`, null, 202611]) {
      expect(await issueMonthAction({ period } as never), String(period)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { period: expect.any(Array) } });
    }
    expect(await issueMonthAction({ period: shiftMonth(thisMonth, 2) })).toMatchObject({ ok: false, code: 'VALIDATION', message: 'invoices.periodTooLate' });
    expect((await t.db.select({ n: count() }).from(invoices).where(eq(invoices.schoolId, w.school.id)))[0].n).toBe(2);
  });
});

describe('recordPaymentAction', () => {
  it('records a partial payment, then the rest: issued → partly paid → paid, each step audited', async () => {
    const invoice = await invoiceOf(w.lis.parent.id);
    expect(invoice).toMatchObject({ gross: 10_000, paid: 0, status: 'issued' });

    const partial = await pay(invoice.id, '40', { method: 'cash', reference: 'Wpłata w sekretariacie' });
    expect(partial).toEqual({ ok: true, data: expect.objectContaining({ amount: 4_000, number: invoice.number, status: 'partially_paid', paid: 4_000, gross: 10_000, credit: 0 }) });
    const [payment] = await t.db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(payment).toMatchObject({ payerParentId: w.lis.parent.id, payerStudentId: null, amount: 4_000, method: 'cash', paidOn: today, reference: 'Wpłata w sekretariacie', createdBy: w.admin.id });

    expect(await pay(invoice.id, '60,00 zł')).toMatchObject({ ok: true, data: { status: 'paid', paid: 10_000, credit: 0 } });
    expect(await invoiceOf(w.lis.parent.id)).toMatchObject({ paid: 10_000, status: 'paid' });

    const trail = await t.db.select().from(auditLog).where(eq(auditLog.entityId, invoice.id)).orderBy(asc(auditLog.id));
    expect(trail.map((a) => [a.action, (a.before as { status?: string } | null)?.status ?? null, (a.after as { status?: string }).status ?? null])).toEqual([
      ['invoice.issue', null, null],
      ['invoice.allocation', 'issued', 'partially_paid'],
      ['invoice.allocation', 'partially_paid', 'paid'],
    ]);
    const recorded = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'payment.record'), eq(auditLog.entityId, payment.id)));
    expect(recorded[0]).toMatchObject({ actorUserId: w.admin.id, entityType: 'payment', after: { invoiceId: invoice.id, amount: 4_000, method: 'cash' } });

    // The invoice page shows both payments and the trail, newest first.
    const detail = (await getInvoice(viewerOf(w.admin), invoice.id))!;
    expect(detail.payments.map((p) => p.amount)).toEqual([4_000, 6_000]);
    expect(detail.history.map((h) => h.action)).toEqual(['invoice.allocation', 'payment.record', 'invoice.allocation', 'payment.record', 'invoice.issue']);
    expect(detail.history[0].actor).toBe('Anna Sekretarka');
    expect(detail).toMatchObject({ status: 'paid', due: 0, balance: { invoiced: 10_000, paid: 10_000, balance: 0, due: 0, credit: 0 } });
  });

  it("keeps an overpayment as the payer's credit and carries it to their next invoice", async () => {
    const current = await invoiceOf(w.nowak.parent.id);
    const result = await pay(current.id, 350);
    expect(result).toMatchObject({ ok: true, data: { status: 'paid', paid: 30_000, credit: 5_000 } });
    expect(await payerBalance(t.db, w.school.id, w.nowak.parent.id)).toMatchObject({ invoiced: 30_000, paid: 35_000, balance: -5_000, due: 0, credit: 5_000, overdue: 0 });

    await issueMonth(t.db, { system: 'monthly-billing', schoolId: w.school.id }, w.school.id, nextMonth, new Date());
    const next = await invoiceOf(w.nowak.parent.id, nextMonth);
    expect(next).toMatchObject({ gross: 10_000, paid: 5_000, status: 'partially_paid' });
    expect(await payerBalance(t.db, w.school.id, w.nowak.parent.id)).toMatchObject({ invoiced: 40_000, paid: 35_000, balance: 5_000, due: 5_000, credit: 0 });
    const detail = (await getInvoice(viewerOf(w.admin), next.id))!;
    expect(detail).toMatchObject({ paid: 5_000, paidHere: 0, due: 5_000, payments: [] });

    // Paying the rest against the new invoice settles it; the older one stays paid.
    expect(await pay(next.id, '50')).toMatchObject({ ok: true, data: { status: 'paid', paid: 10_000, credit: 0 } });
    expect(await invoiceOf(w.nowak.parent.id)).toMatchObject({ paid: 30_000, status: 'paid' });
  });

  it("answers NOT_FOUND for another school's invoice and writes nothing", async () => {
    const before = await paymentCount();
    expect(await pay(w.sowaInvoice.id, 90)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await pay('00000000-0000-4000-8000-000000000000', 90)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await paymentCount()).toBe(before);
    const [sowa] = await t.db.select().from(invoices).where(eq(invoices.id, w.sowaInvoice.id));
    expect(sowa).toMatchObject({ paid: 0, status: 'issued' });
  });

  it('refuses a parent (even for their own invoice), a tutor and no session with nothing written', async () => {
    const invoice = await invoiceOf(w.lis.parent.id);
    const before = await paymentCount();
    for (const user of [w.lis.parent.user!, w.nowak.parent.user!, w.tutor.user!]) {
      actAs(viewerOf(user));
      expect(await pay(invoice.id, 10), user.role).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    actAs(null);
    expect(await pay(invoice.id, 10)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await paymentCount()).toBe(before);
  });

  it('refuses bad amounts, methods, dates and references field by field', async () => {
    const invoice = await invoiceOf(w.lis.parent.id);
    const before = await paymentCount();
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ amount: '0' }, 'amount', 'invoices.amountPositive'],
      [{ amount: 0 }, 'amount', 'invoices.amountPositive'],
      [{ amount: '-5' }, 'amount'],
      [{ amount: '12,345' }, 'amount'],
      [{ amount: 'sto złotych' }, 'amount'],
      [{ amount: '100000000' }, 'amount'],
      [{ amount: Number.NaN }, 'amount'],
      [{ amount: null }, 'amount'],
      [{ method: 'bitcoin' }, 'method'],
      [{ paidOn: '2026-02-30' }, 'paidOn'],
      [{ paidOn: '30.11.2026' }, 'paidOn'],
      [{ paidOn: addCalendarDays(today, 1) }, 'paidOn', 'invoices.paidOnFuture'],
      [{ paidOn: addCalendarDays(invoice.issueDate, -61) }, 'paidOn', 'invoices.paidOnTooEarly'],
      [{ reference: 'x'.repeat(201) }, 'reference'],
      [{ reference: 'Przelew\u0000' }, 'reference'],
      [{ invoiceId: 'FV/0001/11/2026' }, 'invoiceId'],
    ];
    for (const [change, field, message] of cases) {
      const result = await pay(invoice.id, '10', change);
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { [field]: message ? [message] : expect.any(Array) } });
    }
    // The earliest day accepted is 60 days before the invoice was issued.
    expect(await pay(invoice.id, '0,01', { paidOn: addCalendarDays(invoice.issueDate, -60) })).toMatchObject({ ok: true });
    expect(await paymentCount()).toBe(before + 1);
  });

  it('never fails on hostile input: a clear refusal, or a payment that was really meant', async () => {
    const invoice = await invoiceOf(w.lis.parent.id);
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, fc.constantFrom('transfer', 'cash', 'card', 'crypto', ''), hostileString, async (amount, paidOn, method, reference) => {
        const before = await paymentCount();
        const result = await recordPaymentAction({ invoiceId: invoice.id, amount, method, paidOn, reference } as never);
        if (result.ok) {
          expect(result.data.amount).toBeGreaterThan(0);
          expect(await paymentCount()).toBe(before + 1);
        } else {
          expect(result.code).toBe('VALIDATION');
          expect(await paymentCount()).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
    for (const shape of [null, undefined, 'x', 42, [], { invoiceId: invoice.id }, { ...{ invoiceId: invoice.id, amount: '10', method: 'cash', paidOn: today }, amount: { $gt: 0 } }]) {
      expect(await recordPaymentAction(shape as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
  });
});
