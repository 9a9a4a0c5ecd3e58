import 'server-only';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { invoiceLines, invoices } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { invoiceVisibility } from '@/lib/billing/queries';
import { getDb, type Queryable } from '@/lib/db';
import { isUuid } from '@/lib/students/queries';
import type { InvoiceDocument } from './document';

/**
 * The invoice as its PDF (and any other rendering) shows it, for the signed-in viewer: null
 * when the id is not an id, or names an invoice the viewer may not see (another school's, a
 * parent's who does not pay it, anyone's without invoices.read) — the caller answers 404 the
 * same way for all of them.
 */
export async function loadInvoiceDocument(viewer: Viewer, id: string): Promise<InvoiceDocument | null> {
  if (!can(viewer.role, 'invoices.read') || !isUuid(id)) return null;
  return documentWhere(getDb(), viewer.schoolId, and(eq(invoices.id, id), invoiceVisibility(viewer))!);
}

/**
 * The same document without a viewer, for jobs and emails that already know the school (an
 * invoice emailed after the billing run). Null when the school has no such invoice.
 */
export async function buildInvoiceDocument(db: Queryable, schoolId: string, id: string): Promise<InvoiceDocument | null> {
  if (!isUuid(id)) return null;
  return documentWhere(db, schoolId, and(eq(invoices.id, id), eq(invoices.schoolId, schoolId))!);
}

type SellerSnapshot = Partial<InvoiceDocument['seller']>;
type BuyerSnapshot = { name?: string; address?: string | null; nip?: string | null };

/**
 * Everything comes from the stored invoice: its own snapshot of seller and buyer, its lines and
 * totals as issued; only the paid amount moves (payments are allocated to it later). The school's
 * record today is never read, so a changed address or bank account leaves issued invoices alone.
 */
async function documentWhere(db: Queryable, schoolId: string, where: SQL): Promise<InvoiceDocument | null> {
  const [invoice] = await db.select().from(invoices).where(where);
  if (!invoice) return null;
  const [lines, corrected] = await Promise.all([
    db
      .select({ description: invoiceLines.description, serviceDate: invoiceLines.serviceDate, minutes: invoiceLines.minutes, unitNet: invoiceLines.unitNet, net: invoiceLines.net })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.invoiceId, invoice.id), eq(invoiceLines.schoolId, schoolId)))
      .orderBy(asc(invoiceLines.position)),
    invoice.kind === 'correction' && invoice.correctsInvoiceId
      ? db
          .select({ number: invoices.number, issueDate: invoices.issueDate, period: invoices.period })
          .from(invoices)
          .where(and(eq(invoices.id, invoice.correctsInvoiceId), eq(invoices.schoolId, schoolId)))
          .then((rows) => rows[0])
      : undefined,
  ]);
  const seller = (invoice.seller ?? {}) as SellerSnapshot;
  const buyer = (invoice.buyer ?? {}) as BuyerSnapshot;
  // A correction that gives money back has a negative gross: nothing is due, the amount is returned.
  const due = invoice.gross < 0 ? invoice.gross : Math.max(0, invoice.gross - invoice.paid);
  return {
    number: invoice.number,
    kind: invoice.kind,
    corrects: corrected ? { number: corrected.number, issueDate: corrected.issueDate, reason: invoice.correctionReason ?? '' } : undefined,
    language: invoice.language === 'en' ? 'en' : 'pl',
    issueDate: invoice.issueDate,
    saleDate: invoice.saleDate,
    period: (invoice.period ?? corrected?.period ?? invoice.saleDate).slice(0, 7),
    dueDate: invoice.dueDate,
    place: seller.city?.trim() || '',
    seller: {
      name: seller.name ?? '',
      addressLine: seller.addressLine ?? '',
      postalCode: seller.postalCode ?? '',
      city: seller.city ?? '',
      nip: seller.nip || null,
      bankAccount: seller.bankAccount || null,
      email: seller.email || null,
      phone: seller.phone || null,
    },
    buyer: { name: buyer.name ?? '', address: buyer.address?.trim() || null, nip: buyer.nip?.trim() || null },
    lines: lines.map((l) => ({ description: l.description, date: l.serviceDate, quantityLabel: l.minutes ? `${l.minutes} min` : '1', unitNet: l.unitNet, net: l.net })),
    vat: invoice.vatMode === 'rate' ? { mode: 'rate', ratePercent: invoice.vatRate ?? 0 } : { mode: 'exempt', basis: invoice.vatBasis ?? '' },
    totals: { net: invoice.net, vat: invoice.vat, gross: invoice.gross },
    paid: invoice.paid,
    due,
    transferTitle: invoice.transferTitle,
  };
}
