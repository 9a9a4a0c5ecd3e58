import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { invoices, payments, schools, type InvoiceStatus, type PaymentMethod } from '@/db/schema';
import type { Audit } from '@/lib/audited';
import type { Queryable, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Grosze } from '@/lib/money';
import { addCalendarDays, DEFAULT_TIME_ZONE, todayIn } from '@/lib/time';
import { reallocate } from './run';

/**
 * Payments: money a payer sent, recorded by the office against one of their invoices. A payment
 * belongs to the payer, not to the invoice: after every payment the payer's payments are spread
 * over their invoices again, oldest first (`reallocate`), so an overpayment is a credit that
 * pays the next invoice as soon as it is issued. These functions need no request: they take a
 * transaction and an audit writer, so an action and a job (a bank import, later) share them.
 */

/** How long before an invoice's issue date a payment may be dated: a family that pays ahead. */
export const PAID_ON_DAYS_BEFORE_ISSUE = 60;

export type RecordPayment = {
  schoolId: string;
  invoiceId: string;
  amount: Grosze;
  method: PaymentMethod;
  /** The day the money arrived ("2026-11-28"), in the school's calendar. */
  paidOn: string;
  reference: string | null;
  /** The person who recorded it; null for a job. */
  createdBy?: string | null;
};

export type RecordedPayment = {
  paymentId: string;
  amount: Grosze;
  invoiceId: string;
  number: string;
  status: InvoiceStatus;
  gross: Grosze;
  paid: Grosze;
  /** What the payer has paid beyond all their invoices: it pays the next one. */
  credit: Grosze;
};

/**
 * Records a payment for an invoice's payer and reallocates the payer's payments, under the same
 * per-payer lock as the billing run (so a payment and the issue of that payer's next invoice never
 * interleave). NOT_FOUND for an invoice of another school; VALIDATION (field `paidOn`, a catalog
 * key) for a date in the future or long before the invoice. Writes one audit row for the payment
 * and one per invoice whose paid amount or status it changed.
 */
export async function recordPayment(tx: Tx, audit: Audit, input: RecordPayment): Promise<RecordedPayment> {
  const [found] = await tx
    .select({ payerKey: invoices.payerKey })
    .from(invoices)
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.schoolId, input.schoolId)));
  if (!found) throw new AppError('NOT_FOUND');
  // The lock first, then the rows: the billing run takes them in this order too.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`billing|${input.schoolId}|${found.payerKey}`}, 0))`);
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.schoolId, input.schoolId)))
    .for('update');
  if (!invoice) throw new AppError('NOT_FOUND');

  const [school] = await tx.select({ timeZone: schools.timeZone }).from(schools).where(eq(schools.id, input.schoolId));
  const today = todayIn(school.timeZone);
  if (input.paidOn > today) throw new AppError('VALIDATION', undefined, { paidOn: ['invoices.paidOnFuture'] });
  if (input.paidOn < addCalendarDays(invoice.issueDate, -PAID_ON_DAYS_BEFORE_ISSUE)) throw new AppError('VALIDATION', undefined, { paidOn: ['invoices.paidOnTooEarly'] });

  const before = await statesOf(tx, input.schoolId, invoice.payerKey);
  const [payment] = await tx
    .insert(payments)
    .values({
      schoolId: input.schoolId,
      payerParentId: invoice.payerParentId,
      payerStudentId: invoice.payerStudentId,
      invoiceId: invoice.id,
      amount: input.amount,
      method: input.method,
      paidOn: input.paidOn,
      reference: input.reference,
      createdBy: input.createdBy ?? null,
    })
    .returning({ id: payments.id });
  await audit({
    action: 'payment.record',
    entityType: 'payment',
    entityId: payment.id,
    after: { invoiceId: invoice.id, number: invoice.number, payerKey: invoice.payerKey, amount: input.amount, method: input.method, paidOn: input.paidOn, reference: input.reference },
  });

  const { credit } = await reallocate(tx, input.schoolId, invoice.payerKey, today);
  const after = await statesOf(tx, input.schoolId, invoice.payerKey);
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was || (was.paid === now.paid && was.status === now.status)) continue;
    await audit({
      action: 'invoice.allocation',
      entityType: 'invoice',
      entityId: id,
      before: { paid: was.paid, status: was.status },
      after: { paid: now.paid, status: now.status, paymentId: payment.id },
    });
  }
  const mine = after.get(invoice.id)!;
  return { paymentId: payment.id, amount: input.amount, invoiceId: invoice.id, number: invoice.number, status: mine.status, gross: invoice.gross, paid: mine.paid, credit };
}

async function statesOf(db: Queryable, schoolId: string, payerKey: string) {
  const rows = await db
    .select({ id: invoices.id, paid: invoices.paid, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.schoolId, schoolId), eq(invoices.payerKey, payerKey)));
  return new Map(rows.map((r) => [r.id, { paid: r.paid, status: r.status }]));
}

export type PayerBalance = {
  /** The gross of every invoice issued to the payer (a correction that gives money back counts negative). */
  invoiced: Grosze;
  /** Every payment received from the payer. */
  paid: Grosze;
  /** invoiced − paid: above zero the payer owes it, below zero it is their credit. */
  balance: Grosze;
  /** What the payer owes now (never negative). */
  due: Grosze;
  /** Paid beyond everything invoiced: it goes to the next invoice. */
  credit: Grosze;
  /** The unpaid part of invoices past their due date. */
  overdue: Grosze;
  invoices: number;
};

/**
 * A payer's account with the school. Takes no viewer: call it only for a payer the caller has
 * already been allowed to see (the invoice page, a parent's record). `today` (the school's
 * calendar date) decides what is overdue; by default it is read from the school's zone.
 */
export async function payerBalance(db: Queryable, schoolId: string, payerKey: string, today?: string): Promise<PayerBalance> {
  const day = today ?? todayIn((await db.select({ timeZone: schools.timeZone }).from(schools).where(eq(schools.id, schoolId)))[0]?.timeZone ?? DEFAULT_TIME_ZONE);
  // One statement: the invoices' sums, and the payments' as a scalar subquery beside them.
  const [row] = await db
    .select({
      invoiced: sql<number>`coalesce(sum(${invoices.gross}), 0)::bigint`.mapWith(Number),
      overdue: sql<number>`coalesce(sum(${invoices.gross} - ${invoices.paid}) filter (where ${invoices.paid} < ${invoices.gross} and ${invoices.dueDate} < ${day}), 0)::bigint`.mapWith(Number),
      count: sql<number>`count(*)::int`.mapWith(Number),
      paid: sql<number>`(select coalesce(sum(${payments.amount}), 0)::bigint from ${payments} where ${payments.schoolId} = ${schoolId} and ${payments.payerKey} = ${payerKey})`.mapWith(Number),
    })
    .from(invoices)
    .where(and(eq(invoices.schoolId, schoolId), eq(invoices.payerKey, payerKey)));
  const balance = row.invoiced - row.paid;
  return { invoiced: row.invoiced, paid: row.paid, balance, due: Math.max(0, balance), credit: Math.max(0, -balance), overdue: row.overdue, invoices: row.count };
}
