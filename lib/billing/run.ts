import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { dbConflictOf } from '@/lib/db/conflicts';
import { invoiceCounters, invoiceLines, invoices, payments, schools, type School } from '@/db/schema';
import type { AuditActor, SystemActor } from '@/lib/audit';
import { runAudited, type Audit } from '@/lib/audited';
import type { Database, Queryable, Tx } from '@/lib/db';
import { addCalendarDays, todayIn } from '@/lib/time';
import { periodOf, planMonth, vatOf, type BillingPlan } from './plan';
import { allocatePayments, invoiceNumber, invoiceStatus, monthSpan } from './rules';

/**
 * Issuing a month's invoices: one per payer, each in its own transaction, so a run that dies
 * halfway leaves whole invoices behind and the next run issues the rest. Per payer the run
 * takes an advisory lock, re-plans inside the transaction and issues only when the month has
 * no invoice for that payer yet — so a second run, or two at once, adds nothing (and the
 * partial unique index `invoices_one_per_payer_period` would refuse it anyway). The invoice
 * number comes from a per-year counter row updated in the same transaction: a rolled-back
 * invoice gives its number back, so numbers have no gaps. These functions need no request:
 * the actor is a person (from an action) or a job (`{ system: 'monthly-billing', schoolId }`).
 */

export type BillingActor = AuditActor | SystemActor;

export type BillingResult = {
  schoolId: string;
  period: string;
  issued: { id: string; number: string; gross: number }[];
  /** Payers whose invoice for the month already existed. */
  existing: number;
  /** Payers whose lines sum to nothing payable: their credit waits for the next invoice. */
  held: number;
  noPayer: BillingPlan['noPayer'];
  missingPrices: BillingPlan['missingPrices'];
};

export async function issueMonth(db: Database, actor: BillingActor, schoolId: string, period: string, at: Date): Promise<BillingResult> {
  monthSpan(period);
  const plan = await planMonth(db, schoolId, period);
  const result: BillingResult = { schoolId, period, issued: [], existing: 0, held: 0, noPayer: plan.noPayer, missingPrices: plan.missingPrices };
  for (const p of plan.payers) {
    if (p.existingInvoiceId) {
      result.existing++;
      continue;
    }
    if (p.held || p.lines.length === 0) {
      result.held++;
      continue;
    }
    try {
      result.issued.push(await runAudited(actor, (tx, audit) => issueForPayer(tx, audit, actor, schoolId, period, p.payer.id, at), db));
    } catch (err) {
      if (err instanceof NothingToIssue) {
        if (err.reason === 'existing') result.existing++;
        else result.held++;
      } else if (dbConflictOf(err)?.constraint === 'invoices_one_per_payer_period') {
        // Another run issued this payer's invoice between our check and our insert.
        result.existing++;
      } else {
        throw err;
      }
    }
  }
  return result;
}

/** Thrown inside a payer's transaction when, under its lock, there turns out to be nothing to issue: it rolls back (nothing was written). */
class NothingToIssue extends Error {
  constructor(readonly reason: 'existing' | 'held') {
    super(`nothing to issue: ${reason}`);
  }
}

async function issueForPayer(tx: Tx, audit: Audit, actor: BillingActor, schoolId: string, period: string, payerKey: string, at: Date) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`billing|${schoolId}|${payerKey}`}, 0))`);
  const plan = await planMonth(tx, schoolId, period, { payerKey });
  const p = plan.payers[0];
  if (p?.existingInvoiceId) throw new NothingToIssue('existing');
  if (!p || p.held || p.lines.length === 0) throw new NothingToIssue('held');
  const [school] = await tx.select().from(schools).where(eq(schools.id, schoolId));
  const issueDate = todayIn(school.timeZone, at);
  const seq = await nextNumber(tx, schoolId, 'invoice', Number(issueDate.slice(0, 4)));
  const number = invoiceNumber(school.invoiceNumberFormat, seq, issueDate);
  const vat = vatOf(school);
  const [invoice] = await tx
    .insert(invoices)
    .values({
      schoolId,
      kind: 'invoice',
      number,
      year: Number(issueDate.slice(0, 4)),
      seq,
      payerParentId: p.payer.kind === 'parent' ? p.payer.id : null,
      payerStudentId: p.payer.kind === 'student' ? p.payer.id : null,
      period: monthSpan(period).first,
      issueDate,
      saleDate: monthSpan(period).last,
      dueDate: addCalendarDays(issueDate, school.paymentTermDays),
      language: p.payer.language,
      seller: sellerOf(school),
      buyer: { name: p.payer.name, address: p.payer.address, nip: p.payer.nip, email: p.payer.email },
      vatMode: vat.mode,
      vatRate: vat.mode === 'rate' ? vat.ratePercent : null,
      vatBasis: vat.mode === 'exempt' ? vat.basis : null,
      net: p.totals.net,
      vat: p.totals.vat,
      gross: p.totals.gross,
      transferTitle: transferTitle(number, p.students.map((s) => s.name)),
      createdBy: 'userId' in actor ? actor.userId : null,
      createdBySystem: 'userId' in actor ? (actor.system ?? null) : actor.system,
    })
    .returning();
  await tx.insert(invoiceLines).values(
    p.lines.map((l, i) => ({
      schoolId,
      invoiceId: invoice.id,
      position: i + 1,
      kind: l.kind,
      lessonId: l.lessonId,
      studentId: l.studentId,
      description: l.description,
      serviceDate: l.serviceDate,
      minutes: l.minutes,
      unitNet: l.unitNet,
      net: l.net,
      facts: l.facts,
    })),
  );
  await audit({
    action: 'invoice.issue',
    entityType: 'invoice',
    entityId: invoice.id,
    after: { number, period, payerKey, lines: p.lines.length, net: p.totals.net, vat: p.totals.vat, gross: p.totals.gross },
  });
  await reallocate(tx, schoolId, payerKey, issueDate);
  return { id: invoice.id, number, gross: invoice.gross };
}

/** The next number of the school's invoices of `kind` in `year`: the counter row is locked until the transaction ends. */
export async function nextNumber(tx: Queryable, schoolId: string, kind: 'invoice' | 'correction', year: number): Promise<number> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ schoolId, kind, year, last: 1 })
    .onConflictDoUpdate({ target: [invoiceCounters.schoolId, invoiceCounters.kind, invoiceCounters.year], set: { last: sql`${invoiceCounters.last} + 1` } })
    .returning({ last: invoiceCounters.last });
  return row.last;
}

/**
 * Spreads the payer's payments over their invoices again (oldest first) and writes each
 * invoice's paid amount and status where they changed. Runs in the transaction that issued an
 * invoice or recorded a payment.
 */
export async function reallocate(tx: Queryable, schoolId: string, payerKey: string, today: string) {
  const [list, [{ total }]] = await Promise.all([
    tx
      .select({ id: invoices.id, gross: invoices.gross, issueDate: invoices.issueDate, number: invoices.number, dueDate: invoices.dueDate, paid: invoices.paid, status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.schoolId, schoolId), eq(invoices.payerKey, payerKey))),
    tx
      .select({ total: sql<number>`coalesce(sum(${payments.amount}), 0)::int` })
      .from(payments)
      .where(and(eq(payments.schoolId, schoolId), eq(payments.payerKey, payerKey))),
  ]);
  const { paid, credit } = allocatePayments(list, total);
  for (const inv of list) {
    const part = paid.get(inv.id) ?? 0;
    const status = inv.gross <= 0 ? 'paid' : invoiceStatus(inv.gross, part, inv.dueDate, today);
    if (part !== inv.paid || status !== inv.status) await tx.update(invoices).set({ paid: part, status }).where(eq(invoices.id, inv.id));
  }
  return { credit };
}

/** What an invoice says of the seller: the school as it is now (a correction issued today uses it too). */
export function sellerOf(school: School) {
  return {
    name: school.legalName?.trim() || school.name,
    addressLine: school.addressLine,
    postalCode: school.postalCode,
    city: school.city,
    nip: school.nip,
    bankAccount: school.bankAccount,
    email: school.email,
    phone: school.phone,
  };
}

/** The transfer title: the number and the children's names, within a bank's 140 characters. */
function transferTitle(number: string, names: string[]): string {
  const title = `${number} ${names.join(', ')}`.trim();
  return title.length <= 140 ? title : `${title.slice(0, 139)}…`;
}

/**
 * The monthly job: for every school whose billing day it is at `at` (in the school's zone),
 * issues the invoices of the month `at` falls in. Safe to run again: nothing is issued twice.
 */
export async function runMonthlyBilling(db: Database, at: Date, options: { schoolId?: string } = {}): Promise<BillingResult[]> {
  const all = await db.select({ id: schools.id, timeZone: schools.timeZone, billingDay: schools.billingDay }).from(schools);
  const due = all.filter((s) => (options.schoolId ? s.id === options.schoolId : Number(todayIn(s.timeZone, at).slice(8, 10)) === s.billingDay));
  const results: BillingResult[] = [];
  for (const s of due) {
    results.push(await issueMonth(db, { system: 'monthly-billing', schoolId: s.id }, s.id, periodOf(at, s.timeZone), at));
  }
  return results;
}
