import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { invoiceLines, invoices, schools, type InvoiceStatus } from '@/db/schema';
import type { Audit } from '@/lib/audited';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Queryable, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Grosze } from '@/lib/money';
import { isUuid } from '@/lib/students/queries';
import { addCalendarDays, todayIn } from '@/lib/time';
import { invoiceVisibility } from './queries';
import { invoiceNumber, invoiceTotals, type VatSetting } from './rules';
import { nextNumber, reallocate, sellerOf } from './run';

/**
 * Correcting invoices ("faktura korygująca"). An issued invoice is never edited or deleted: a
 * mistake is fixed by a correction that references it. A correction lists lines of its own —
 * a description and a net amount, negative to give money back, positive to charge more — with
 * the VAT worked out as on the corrected invoice (same mode, rate and basis), and may also put
 * the buyer's data right. Its lines carry no lesson, so the lesson ledger (lib/billing/plan.ts)
 * never sees them and the next monthly run charges exactly what it would have without it; to
 * take a lesson off the bill the office cancels the lesson instead, and the next invoice credits
 * it. A correction is numbered from its own per-year counter (the school's correction format).
 * The payer's payments are spread again afterwards: a credit frees money already paid, which
 * settles their other invoices or stays as credit for the next one.
 */

export type CorrectionLine = { description: string; amount: Grosze };

export type CorrectionBuyer = { name: string; address: string | null; nip: string | null };

export type IssueCorrection = {
  schoolId: string;
  /** The invoice being corrected. */
  invoiceId: string;
  reason: string;
  lines: CorrectionLine[];
  /** The buyer as the correction should name them; null or absent keeps the corrected invoice's buyer. */
  buyer?: CorrectionBuyer | null;
  /** The person who issued it; null for a job. */
  createdBy?: string | null;
  /** The moment of issue (its date in the school's zone is the issue date); now by default. */
  at?: Date;
};

export type IssuedCorrection = {
  id: string;
  number: string;
  correctsId: string;
  correctsNumber: string;
  net: Grosze;
  vat: Grosze;
  gross: Grosze;
  /** What the payer has paid beyond all their invoices after the correction: it pays the next one. */
  credit: Grosze;
};

type StoredBuyer = { name?: string; address?: string | null; nip?: string | null; email?: string | null };

/**
 * Issues a correcting invoice for `input.invoiceId`, under the payer's billing lock (the one the
 * monthly run and payments take), so two corrections of one invoice, or a correction and a
 * payment, never interleave. Refuses: an invoice of another school (NOT_FOUND); a correction of a
 * correction; nothing to correct (no line and the buyer unchanged); credits beyond what the
 * invoice and its earlier corrections charged (their gross would fall below zero) — each a
 * VALIDATION with a catalog key on its field. Writes an audit row for the correction, one on the
 * corrected invoice, and one per invoice whose paid amount or status moved.
 */
export async function issueCorrection(tx: Tx, audit: Audit, input: IssueCorrection): Promise<IssuedCorrection> {
  const [found] = await tx
    .select({ payerKey: invoices.payerKey })
    .from(invoices)
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.schoolId, input.schoolId)));
  if (!found) throw new AppError('NOT_FOUND');
  // The lock first, then the rows: the billing run and payments take them in this order too.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`billing|${input.schoolId}|${found.payerKey}`}, 0))`);
  const [original] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, input.invoiceId), eq(invoices.schoolId, input.schoolId)))
    .for('update');
  if (!original) throw new AppError('NOT_FOUND');
  if (original.kind !== 'invoice') throw new AppError('VALIDATION', undefined, { invoiceId: ['invoices.corrections.ofCorrection'] });

  const stored = original.buyer as StoredBuyer;
  const buyer = input.buyer ? { ...stored, name: input.buyer.name, address: input.buyer.address, nip: input.buyer.nip } : stored;
  const buyerChanged = Boolean(input.buyer) && (buyer.name !== stored.name || (buyer.address ?? null) !== (stored.address ?? null) || (buyer.nip ?? null) !== (stored.nip ?? null));
  if (input.lines.length === 0 && !buyerChanged) throw new AppError('VALIDATION', undefined, { lines: ['invoices.corrections.nothingToCorrect'] });

  const vat: VatSetting = original.vatMode === 'rate' ? { mode: 'rate', ratePercent: original.vatRate ?? 0 } : { mode: 'exempt', basis: original.vatBasis ?? '' };
  const totals = invoiceTotals(
    input.lines.map((l) => l.amount),
    vat,
  );
  const [{ earlier }] = await tx
    .select({ earlier: sql<number>`coalesce(sum(${invoices.gross}), 0)::bigint`.mapWith(Number) })
    .from(invoices)
    .where(and(eq(invoices.schoolId, input.schoolId), eq(invoices.correctsInvoiceId, original.id)));
  if (original.gross + earlier + totals.gross < 0) throw new AppError('VALIDATION', undefined, { lines: ['invoices.corrections.overCredit'] });

  const [school] = await tx.select().from(schools).where(eq(schools.id, input.schoolId));
  const issueDate = todayIn(school.timeZone, input.at ?? new Date());
  const year = Number(issueDate.slice(0, 4));
  const seq = await nextNumber(tx, input.schoolId, 'correction', year);
  const number = invoiceNumber(school.correctionNumberFormat, seq, issueDate);
  const before = await statesOf(tx, input.schoolId, original.payerKey);

  const [correction] = await tx
    .insert(invoices)
    .values({
      schoolId: input.schoolId,
      kind: 'correction',
      number,
      year,
      seq,
      correctsInvoiceId: original.id,
      correctionReason: input.reason,
      payerParentId: original.payerParentId,
      payerStudentId: original.payerStudentId,
      period: null,
      issueDate,
      saleDate: original.saleDate,
      dueDate: addCalendarDays(issueDate, school.paymentTermDays),
      language: original.language,
      seller: sellerOf(school),
      buyer,
      vatMode: original.vatMode,
      vatRate: original.vatRate,
      vatBasis: original.vatBasis,
      net: totals.net,
      vat: totals.vat,
      gross: totals.gross,
      transferTitle: correctionTransferTitle(number, original.number),
      createdBy: input.createdBy ?? null,
      createdBySystem: null,
    })
    .returning({ id: invoices.id });
  if (input.lines.length > 0) {
    await tx.insert(invoiceLines).values(
      input.lines.map((l, i) => ({
        schoolId: input.schoolId,
        invoiceId: correction.id,
        position: i + 1,
        kind: 'correction' as const,
        lessonId: null,
        studentId: null,
        description: l.description,
        serviceDate: null,
        minutes: null,
        unitNet: l.amount,
        net: l.amount,
        facts: null,
      })),
    );
  }
  await audit({
    action: 'invoice.correct',
    entityType: 'invoice',
    entityId: correction.id,
    after: {
      number,
      correctsInvoiceId: original.id,
      correctsNumber: original.number,
      reason: input.reason,
      payerKey: original.payerKey,
      lines: input.lines.map((l) => ({ description: l.description, net: l.amount })),
      net: totals.net,
      vat: totals.vat,
      gross: totals.gross,
      ...(buyerChanged ? { buyer: { name: buyer.name, address: buyer.address ?? null, nip: buyer.nip ?? null } } : {}),
    },
  });
  await audit({
    action: 'invoice.corrected',
    entityType: 'invoice',
    entityId: original.id,
    after: { correctionId: correction.id, number, gross: totals.gross, reason: input.reason },
  });

  const { credit } = await reallocate(tx, input.schoolId, original.payerKey, issueDate);
  const after = await statesOf(tx, input.schoolId, original.payerKey);
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was || (was.paid === now.paid && was.status === now.status)) continue;
    await audit({
      action: 'invoice.allocation',
      entityType: 'invoice',
      entityId: id,
      before: { paid: was.paid, status: was.status },
      after: { paid: now.paid, status: now.status, correctionId: correction.id },
    });
  }
  return { id: correction.id, number, correctsId: original.id, correctsNumber: original.number, net: totals.net, vat: totals.vat, gross: totals.gross, credit };
}

/** "Korekta FK/0001/12/2026 do FV/0007/11/2026", within a bank's 140 characters. */
function correctionTransferTitle(number: string, corrected: string): string {
  const title = `Korekta ${number} do ${corrected}`;
  return title.length <= 140 ? title : `${title.slice(0, 139)}…`;
}

async function statesOf(db: Queryable, schoolId: string, payerKey: string) {
  const rows = await db
    .select({ id: invoices.id, paid: invoices.paid, status: invoices.status })
    .from(invoices)
    .where(and(eq(invoices.schoolId, schoolId), eq(invoices.payerKey, payerKey)));
  return new Map<string, { paid: number; status: InvoiceStatus }>(rows.map((r) => [r.id, { paid: r.paid, status: r.status }]));
}

export type CorrectionLinks = {
  /** For a correction: the invoice it corrects, and why. */
  corrects: { id: string; number: string; issueDate: string; reason: string } | null;
  /** For an invoice: its corrections, oldest first. */
  corrections: { id: string; number: string; issueDate: string; gross: Grosze; reason: string }[];
  /** The invoice's gross with its corrections: the most a new correction may credit. */
  correctedGross: Grosze;
};

/**
 * How an invoice and its corrections point at each other, for the invoice page; undefined when
 * the viewer may not see the invoice. Only what the viewer may see is listed (a parent sees the
 * corrections of the invoices they pay, which have the same payer).
 */
export async function getCorrectionLinks(viewer: Viewer, invoiceId: string): Promise<CorrectionLinks | undefined> {
  if (!can(viewer.role, 'invoices.read') || !isUuid(invoiceId)) return undefined;
  const db = getDb();
  const [invoice] = await db
    .select({ id: invoices.id, kind: invoices.kind, gross: invoices.gross, correctsInvoiceId: invoices.correctsInvoiceId, reason: invoices.correctionReason })
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), invoiceVisibility(viewer)));
  if (!invoice) return undefined;
  if (invoice.kind === 'correction' && invoice.correctsInvoiceId) {
    const [corrected] = await db
      .select({ id: invoices.id, number: invoices.number, issueDate: invoices.issueDate })
      .from(invoices)
      .where(and(eq(invoices.id, invoice.correctsInvoiceId), invoiceVisibility(viewer)));
    return { corrects: corrected ? { ...corrected, reason: invoice.reason ?? '' } : null, corrections: [], correctedGross: invoice.gross };
  }
  const corrections = await db
    .select({ id: invoices.id, number: invoices.number, issueDate: invoices.issueDate, gross: invoices.gross, reason: invoices.correctionReason })
    .from(invoices)
    .where(and(eq(invoices.correctsInvoiceId, invoice.id), invoiceVisibility(viewer)))
    .orderBy(asc(invoices.issueDate), asc(invoices.seq));
  return {
    corrects: null,
    corrections: corrections.map((c) => ({ ...c, reason: c.reason ?? '' })),
    correctedGross: invoice.gross + corrections.reduce((sum, c) => sum + c.gross, 0),
  };
}
