import 'server-only';
import { cache } from 'react';
import { and, asc, count, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import { auditLog, invoiceLines, invoices, parents, payments, students, users, type InvoiceStatus } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { emptyPage, paginate } from '@/lib/list/paginate';
import type { Grosze } from '@/lib/money';
import { escapeLike, foldedSearch } from '@/lib/search';
import { isUuid } from '@/lib/students/queries';
import { todayIn } from '@/lib/time';
import type { InvoiceListFilters } from './invoice-schema';
import { payerBalance } from './payments';
import { planMonth } from './plan';

export const INVOICES_PAGE_SIZE = 25;

/**
 * Which invoices the viewer may see, as one SQL condition: an admin every invoice of the school;
 * a parent only the invoices they pay (not those of another payer of the same child); nobody
 * else any. Always within the viewer's school.
 */
export function invoiceVisibility(viewer: Viewer): SQL {
  const school = eq(invoices.schoolId, viewer.schoolId);
  switch (viewer.role) {
    case 'admin':
      return school;
    case 'parent':
      return and(
        school,
        exists(
          getDb()
            .select({ one: sql`1` })
            .from(parents)
            .where(and(eq(parents.id, invoices.payerParentId), eq(parents.schoolId, viewer.schoolId), eq(parents.userId, viewer.userId))),
        ),
      )!;
    default:
      return sql`false`;
  }
}

/**
 * An invoice's status as of `today` (the school's calendar date): paid when nothing is left to
 * pay, overdue from the day after its due date, else partly paid or issued. The stored status is
 * what the last payment or the nightly check wrote; this one never lags behind the calendar.
 */
export function invoiceStatusAt(today: string): SQL<InvoiceStatus> {
  return sql<InvoiceStatus>`(case when ${invoices.gross} <= 0 or ${invoices.paid} >= ${invoices.gross} then 'paid' when ${invoices.dueDate} < ${today}::date then 'overdue' when ${invoices.paid} > 0 then 'partially_paid' else 'issued' end)`;
}

const outstandingSql = sql<number>`greatest(${invoices.gross} - ${invoices.paid}, 0)`;

/**
 * The office's invoice list: the month, a status (overdue and unpaid decided on today's date),
 * one payer, a search for the payer (name, email, phone or company, ignoring case and Polish
 * letters) or the invoice number; sorted, 25 a page (or every row with `all`), with the totals of
 * everything the filters match. Admins see the school's invoices, a parent their own.
 */
export async function listInvoices(viewer: Viewer, filters: InvoiceListFilters, options: { all?: boolean } = {}) {
  const noTotals = { count: 0, gross: 0, paid: 0, outstanding: 0 };
  if (!can(viewer.role, 'invoices.read')) return { ...emptyPage<never>(INVOICES_PAGE_SIZE), totals: noTotals };
  const db = getDb();
  const today = todayIn(viewer.timeZone);
  const status = invoiceStatusAt(today);
  const conditions: (SQL | undefined)[] = [invoiceVisibility(viewer)];
  if (filters.month) conditions.push(eq(invoices.period, `${filters.month}-01`));
  if (filters.payer) conditions.push(eq(invoices.payerKey, filters.payer));
  if (filters.status === 'unpaid') conditions.push(sql`${invoices.paid} < ${invoices.gross}`);
  else if (filters.status !== 'all') conditions.push(sql`${status} = ${filters.status}`);
  if (filters.q) {
    const number = escapeLike(filters.q);
    conditions.push(or(foldedSearch(parents.searchText, filters.q), foldedSearch(students.searchText, filters.q), number ? sql`${invoices.number} ilike '%' || ${number} || '%'` : undefined));
  }
  const where = and(...conditions);
  const payerName = sql<string>`${invoices.buyer}->>'name'`;
  const direction = filters.dir === 'asc' ? asc : desc;
  const order: SQL[] = {
    issued: [direction(invoices.issueDate), direction(invoices.year), direction(invoices.seq)],
    due: [direction(invoices.dueDate), direction(invoices.seq)],
    gross: [direction(invoices.gross), desc(invoices.issueDate)],
    payer: [...polishOrder(payerName).map((c) => direction(c)), desc(invoices.issueDate)],
  }[filters.sort];

  const base = db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      period: invoices.period,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      gross: invoices.gross,
      paid: invoices.paid,
      status,
      payerName,
      payerParentId: invoices.payerParentId,
      payerStudentId: invoices.payerStudentId,
    })
    .from(invoices)
    .leftJoin(parents, eq(parents.id, invoices.payerParentId))
    .leftJoin(students, eq(students.id, invoices.payerStudentId))
    .where(where)
    .orderBy(...order, asc(invoices.id));
  // The count the pages need and the totals row are one aggregate over every match.
  let totals = noTotals;
  const aggregate = () =>
    db
      .select({
        count: count(),
        gross: sql<number>`coalesce(sum(${invoices.gross}), 0)::bigint`.mapWith(Number),
        paid: sql<number>`coalesce(sum(${invoices.paid}), 0)::bigint`.mapWith(Number),
        outstanding: sql<number>`coalesce(sum(${outstandingSql}), 0)::bigint`.mapWith(Number),
      })
      .from(invoices)
      .leftJoin(parents, eq(parents.id, invoices.payerParentId))
      .leftJoin(students, eq(students.id, invoices.payerStudentId))
      .where(where)
      .then(([row]) => (totals = row).count);
  const list = await paginate(base, aggregate, { page: filters.page, q: filters.q, pageSize: INVOICES_PAGE_SIZE, all: options.all, alwaysCount: true });
  // Every row at once skips the count; its totals still cover every match.
  if (options.all && !list.searchTooLong) await aggregate();
  return { ...list, totals };
}

export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>['rows'][number];

/** The months the viewer's invoices cover, newest first ("2026-11"), for the month filter. */
export async function listInvoicePeriods(viewer: Viewer): Promise<string[]> {
  if (!can(viewer.role, 'invoices.read')) return [];
  const rows = await getDb()
    .selectDistinct({ period: invoices.period })
    .from(invoices)
    .where(and(invoiceVisibility(viewer), sql`${invoices.period} is not null`))
    .orderBy(desc(invoices.period));
  return rows.map((r) => r.period!.slice(0, 7));
}

/**
 * One invoice with its lines, the payments recorded against it, its payer's balance and (for
 * the office) its history from the audit trail; undefined when the viewer may not see it — an
 * invoice of another school, or a parent asking for another payer's (the page answers 404).
 */
async function loadInvoice(viewer: Viewer, id: string) {
  if (!can(viewer.role, 'invoices.read') || !isUuid(id)) return undefined;
  const db = getDb();
  const today = todayIn(viewer.timeZone);
  const [invoice] = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      period: invoices.period,
      issueDate: invoices.issueDate,
      saleDate: invoices.saleDate,
      dueDate: invoices.dueDate,
      language: invoices.language,
      buyer: invoices.buyer,
      vatMode: invoices.vatMode,
      vatRate: invoices.vatRate,
      vatBasis: invoices.vatBasis,
      net: invoices.net,
      vat: invoices.vat,
      gross: invoices.gross,
      paid: invoices.paid,
      status: invoiceStatusAt(today),
      transferTitle: invoices.transferTitle,
      payerKey: invoices.payerKey,
      payerParentId: invoices.payerParentId,
      payerStudentId: invoices.payerStudentId,
      createdAt: invoices.createdAt,
      createdBySystem: invoices.createdBySystem,
    })
    .from(invoices)
    .where(and(eq(invoices.id, id), invoiceVisibility(viewer)));
  if (!invoice) return undefined;
  const isOffice = can(viewer.role, 'invoices.manage');
  const [lines, paymentRows, balance] = await Promise.all([
    db
      .select({
        id: invoiceLines.id,
        position: invoiceLines.position,
        kind: invoiceLines.kind,
        description: invoiceLines.description,
        serviceDate: invoiceLines.serviceDate,
        minutes: invoiceLines.minutes,
        unitNet: invoiceLines.unitNet,
        net: invoiceLines.net,
      })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.invoiceId, invoice.id), eq(invoiceLines.schoolId, viewer.schoolId)))
      .orderBy(asc(invoiceLines.position)),
    db
      .select({ id: payments.id, amount: payments.amount, method: payments.method, paidOn: payments.paidOn, reference: payments.reference, createdAt: payments.createdAt })
      .from(payments)
      .where(and(eq(payments.invoiceId, invoice.id), eq(payments.schoolId, viewer.schoolId)))
      .orderBy(asc(payments.paidOn), asc(payments.createdAt)),
    payerBalance(db, viewer.schoolId, invoice.payerKey, today),
  ]);
  const history = isOffice ? await invoiceHistory(viewer, invoice.id, paymentRows.map((p) => p.id)) : [];
  const buyer = invoice.buyer as { name?: string; address?: string | null; nip?: string | null; email?: string | null };
  return {
    ...invoice,
    buyer: { name: buyer.name ?? '', address: buyer.address ?? null, nip: buyer.nip ?? null, email: buyer.email ?? null },
    payer: invoice.payerParentId ? { kind: 'parent' as const, id: invoice.payerParentId } : { kind: 'student' as const, id: invoice.payerStudentId! },
    lines,
    payments: paymentRows,
    /** Paid by the payments recorded against this invoice. */
    paidHere: paymentRows.reduce((sum, p) => sum + p.amount, 0),
    due: Math.max(0, invoice.gross - invoice.paid),
    balance,
    history,
  };
}

/** Cached per request: the page and its metadata share one read. */
export const getInvoice = cache(loadInvoice);

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof getInvoice>>>;

/** What happened to an invoice, newest first: issued, payments recorded against it, its paid amount and status changing. */
async function invoiceHistory(viewer: Viewer, invoiceId: string, paymentIds: string[]) {
  const rows = await getDb()
    .select({ id: auditLog.id, at: auditLog.createdAt, action: auditLog.action, before: auditLog.before, after: auditLog.after, actorSystem: auditLog.actorSystem, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.schoolId, viewer.schoolId),
        or(
          and(eq(auditLog.entityType, 'invoice'), eq(auditLog.entityId, invoiceId)),
          paymentIds.length ? and(eq(auditLog.entityType, 'payment'), inArray(auditLog.entityId, paymentIds)) : undefined,
        ),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actor: r.actorName ?? null,
    system: r.actorSystem ?? null,
    before: (r.before ?? null) as Record<string, unknown> | null,
    after: (r.after ?? null) as Record<string, unknown> | null,
  }));
}

/**
 * A payer's invoices, newest first, with their balance: the "Rozliczenia" card on a parent's
 * record. Office only (undefined for anyone else).
 */
export async function getPayerAccount(viewer: Viewer, payerKey: string, limit = 6) {
  if (!can(viewer.role, 'invoices.manage') || !isUuid(payerKey)) return undefined;
  const [list, balance] = await Promise.all([
    listInvoices(viewer, { status: 'all', payer: payerKey, sort: 'issued', dir: 'desc', page: 1 }),
    payerBalance(getDb(), viewer.schoolId, payerKey, todayIn(viewer.timeZone)),
  ]);
  return { invoices: list.rows.slice(0, limit), total: list.total, balance };
}

export type BillingPreview = {
  period: string;
  /** Payers whose invoice would be issued now. */
  toIssue: PreviewPayer[];
  /** Payers whose invoice for the month already exists. */
  existing: PreviewPayer[];
  /** Payers whose lines sum to nothing payable: nothing issued, their credit waits. */
  held: PreviewPayer[];
  totals: { net: Grosze; vat: Grosze; gross: Grosze; lines: number };
  noPayer: { studentId: string; name: string }[];
  missingPrices: { studentId: string; student: string; subjectId: string; subject: string; lessons: number }[];
};

export type PreviewPayer = {
  payerKey: string;
  kind: 'parent' | 'student';
  name: string;
  students: string[];
  lines: number;
  net: Grosze;
  vat: Grosze;
  gross: Grosze;
  invoice: { id: string; number: string } | null;
};

/**
 * What a billing run for `period` would issue, computed without writing anything: per payer the
 * number of lines and the totals, the grand total, and what to fix first (students nobody pays
 * for, subjects without a price, payers invoiced already). Null for anyone but the office.
 */
export async function previewMonth(viewer: Viewer, period: string): Promise<BillingPreview | null> {
  if (!can(viewer.role, 'billing.run')) return null;
  const db = getDb();
  const plan = await planMonth(db, viewer.schoolId, period);
  const existingIds = plan.payers.map((p) => p.existingInvoiceId).filter((id): id is string => Boolean(id));
  const numbers = existingIds.length
    ? new Map(
        (await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(and(eq(invoices.schoolId, viewer.schoolId), inArray(invoices.id, existingIds)))).map((r) => [
          r.id,
          r.number,
        ]),
      )
    : new Map<string, string>();
  const out: BillingPreview = { period, toIssue: [], existing: [], held: [], totals: { net: 0, vat: 0, gross: 0, lines: 0 }, noPayer: plan.noPayer, missingPrices: plan.missingPrices };
  for (const p of plan.payers) {
    const row: PreviewPayer = {
      payerKey: p.payer.id,
      kind: p.payer.kind,
      name: p.payer.name,
      students: p.students.map((s) => s.name),
      lines: p.lines.length,
      ...p.totals,
      invoice: p.existingInvoiceId ? { id: p.existingInvoiceId, number: numbers.get(p.existingInvoiceId) ?? '' } : null,
    };
    if (p.existingInvoiceId) out.existing.push(row);
    else if (p.held || p.lines.length === 0) out.held.push(row);
    else {
      out.toIssue.push(row);
      out.totals.net += p.totals.net;
      out.totals.vat += p.totals.vat;
      out.totals.gross += p.totals.gross;
      out.totals.lines += p.lines.length;
    }
  }
  return out;
}
