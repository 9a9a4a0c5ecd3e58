import { percentOf, proRata, type Grosze } from '@/lib/money';
import { addCalendarDays } from '@/lib/time';

/**
 * What billing charges, as pure rules: the price of a lesson for a student, whether a lesson is
 * chargeable, invoice numbers, totals. The database side (lib/billing/plan.ts) gathers the facts.
 */

export type PriceList = {
  /** The subject's price per 60 minutes, one-to-one and per student in a group (null: the one-to-one price). */
  subject: { individualPer60: Grosze; groupPer60: Grosze | null } | null;
  /** The student's own price for the subject, whatever the lesson's kind. */
  studentPer60: Grosze | null;
};

/** The price of `minutes` of a lesson for one student, or null when nothing sets one. */
export function lessonPrice(kind: 'individual' | 'group', minutes: number, prices: PriceList): Grosze | null {
  const per60 = prices.studentPer60 ?? (prices.subject ? (kind === 'group' ? (prices.subject.groupPer60 ?? prices.subject.individualPer60) : prices.subject.individualPer60) : null);
  return per60 === null ? null : proRata(per60, minutes);
}

export type ChargeFacts = {
  lessonStatus: 'scheduled' | 'completed' | 'cancelled';
  /** The student still belongs to the lesson (an approved cancellation in a group removes them). */
  enrolled: boolean;
  /** This student's cancellation of this lesson was approved, and was late. */
  lateCancellation: boolean;
  /** The lesson was this student's makeup, paid by a credit. */
  makeup: boolean;
  /** The school's policy (settings). */
  lateCancellationCharged: boolean;
};

export type ChargeReason = 'held' | 'planned' | 'late_cancellation' | 'makeup' | 'cancelled';

/**
 * Whether a student pays for a lesson: a lesson held or still planned is charged; a late
 * cancellation is charged when the school charges them; a cancellation in time, a closure, a
 * lesson the school cancelled and a makeup paid by a credit are not.
 */
export function chargeOf(f: ChargeFacts): { charge: boolean; reason: ChargeReason } {
  if (f.makeup) return { charge: false, reason: 'makeup' };
  if (f.lateCancellation) return { charge: f.lateCancellationCharged, reason: 'late_cancellation' };
  if (f.lessonStatus === 'cancelled' || !f.enrolled) return { charge: false, reason: 'cancelled' };
  return { charge: true, reason: f.lessonStatus === 'completed' ? 'held' : 'planned' };
}

/**
 * An invoice number from the school's format: `{NNNN}` the sequence zero-padded to as many
 * digits as N's (more digits when it outgrows them), `{MM}` the month, `{YYYY}` the year.
 * "FV/{NNNN}/{MM}/{YYYY}", 7, 2026-11-25 → "FV/0007/11/2026".
 */
export function invoiceNumber(format: string, seq: number, issueDate: string): string {
  return format
    .replace(/\{(N+)\}/g, (_, n: string) => String(seq).padStart(n.length, '0'))
    .replace(/\{YYYY\}/g, issueDate.slice(0, 4))
    .replace(/\{MM\}/g, issueDate.slice(5, 7));
}

/** A month "2026-11" as its first and last day and the first day of the next. */
export function monthSpan(period: string): { first: string; last: string; next: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new RangeError(`not a month: ${period}`);
  const first = `${period}-01`;
  const [y, m] = period.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, last: addCalendarDays(next, -1), next };
}

export type VatSetting = { mode: 'exempt'; basis: string } | { mode: 'rate'; ratePercent: number };

/** Totals of an invoice from its lines' net amounts: VAT once, from the net sum (art. 106e ust. 1 pkt 14). */
export function invoiceTotals(lineNets: readonly Grosze[], vat: VatSetting): { net: Grosze; vat: Grosze; gross: Grosze } {
  const net = lineNets.reduce((a, b) => a + b, 0);
  const tax = vat.mode === 'rate' ? percentOf(net, vat.ratePercent) : 0;
  return { net, vat: tax, gross: net + tax };
}

/** The sibling discount on a payer's month: `percent` off the lessons when two or more children were billed. */
export function siblingDiscount(lessonNetsByStudent: ReadonlyMap<string, Grosze>, percent: number | null): Grosze {
  if (!percent || lessonNetsByStudent.size < 2) return 0;
  const base = [...lessonNetsByStudent.values()].reduce((a, b) => a + b, 0);
  return -percentOf(base, percent);
}

export type InvoiceForAllocation = { id: string; gross: Grosze; issueDate: string; number: string };

/**
 * A payer's payments spread over their invoices, oldest first (by issue date, then number): each
 * invoice's paid part, and what is left over as credit for the next one. Invoices with a
 * negative total (a correction that gives money back) add to what there is to spread.
 */
export function allocatePayments(invoices: readonly InvoiceForAllocation[], paymentsTotal: Grosze): { paid: Map<string, Grosze>; credit: Grosze } {
  const ordered = [...invoices].sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number, 'en', { numeric: true }));
  let pool = paymentsTotal + ordered.filter((i) => i.gross < 0).reduce((a, i) => a - i.gross, 0);
  const paid = new Map<string, Grosze>();
  for (const inv of ordered) {
    if (inv.gross <= 0) {
      paid.set(inv.id, 0);
      continue;
    }
    const part = Math.min(pool, inv.gross);
    paid.set(inv.id, part);
    pool -= part;
  }
  return { paid, credit: pool };
}

/** An invoice's status from what is paid and the date: paid, partly paid, overdue past its due date, or issued. */
export function invoiceStatus(gross: Grosze, paid: Grosze, dueDate: string, today: string): 'issued' | 'partially_paid' | 'paid' | 'overdue' {
  if (paid >= gross) return 'paid';
  if (today > dueDate) return 'overdue';
  return paid > 0 ? 'partially_paid' : 'issued';
}
