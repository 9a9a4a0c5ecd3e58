import 'server-only';
import { cache } from 'react';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { invoices, parents, parentStudents, students } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import type { Grosze } from '@/lib/money';
import { todayIn } from '@/lib/time';
import { payerBalance, type PayerBalance } from './payments';
import { invoiceStatusAt, invoiceVisibility } from './queries';

/** An invoice the family still has to pay something on, with what a banking app asks for. */
export type UnpaidInvoice = {
  id: string;
  number: string;
  kind: 'invoice' | 'correction';
  dueDate: string;
  status: 'issued' | 'partially_paid' | 'overdue';
  /** What is left to pay on it. */
  due: Grosze;
  transferTitle: string;
  /** The seller as the invoice states it: the account the money goes to. */
  sellerName: string;
  /** "ul. Marszałkowska 10, 00-001 Warszawa"; null when the snapshot has none. */
  sellerAddress: string | null;
  /** The seller's NIP as the invoice states it ("5260001246"); null when it has none. */
  sellerNip: string | null;
  bankAccount: string | null;
};

export type FamilyAccount = {
  /** The children the parent pays for now, in Polish order ("Ola Nowak"). */
  paysFor: string[];
  balance: PayerBalance;
  /** Unpaid invoices, the one due first at the top. */
  unpaid: UnpaidInvoice[];
  /** The earliest due date still ahead (or today) among the unpaid invoices. */
  nextDueDate: string | null;
  /** The earliest due date already passed among the unpaid invoices. */
  overdueSince: string | null;
};

/**
 * A parent's own account with the school, for the family portal: their balance (what is due,
 * how much of it is overdue, or their credit), the invoices they still have to pay with the
 * transfer title and the bank account each one states, and the children they pay for. Only
 * the invoices the parent pays (`invoiceVisibility`); undefined for anyone who is not a parent
 * of the viewer's school. Cached per request: the home card and the page share it.
 */
export const getFamilyAccount = cache(async (viewer: Viewer): Promise<FamilyAccount | undefined> => {
  if (viewer.role !== 'parent' || !can(viewer.role, 'invoices.read')) return undefined;
  const db = getDb();
  const [parent] = await db
    .select({ id: parents.id })
    .from(parents)
    .where(and(eq(parents.schoolId, viewer.schoolId), eq(parents.userId, viewer.userId)));
  if (!parent) return undefined;
  const today = todayIn(viewer.timeZone);
  const childName = sql<string>`${students.firstName} || ' ' || ${students.lastName}`;
  const [children, balance, rows] = await Promise.all([
    db
      .select({ name: childName })
      .from(parentStudents)
      .innerJoin(students, and(eq(students.id, parentStudents.studentId), eq(students.schoolId, viewer.schoolId)))
      .where(and(eq(parentStudents.schoolId, viewer.schoolId), eq(parentStudents.parentId, parent.id), eq(parentStudents.isPayer, true)))
      .orderBy(...polishOrder(students.firstName), ...polishOrder(students.lastName)),
    payerBalance(db, viewer.schoolId, parent.id, today),
    db
      .select({
        id: invoices.id,
        number: invoices.number,
        kind: invoices.kind,
        dueDate: invoices.dueDate,
        status: invoiceStatusAt(today),
        gross: invoices.gross,
        paid: invoices.paid,
        transferTitle: invoices.transferTitle,
        sellerName: sql<string | null>`${invoices.seller}->>'name'`,
        sellerAddress: sql<string | null>`nullif(concat_ws(', ', nullif(${invoices.seller}->>'addressLine', ''), nullif(trim(concat_ws(' ', ${invoices.seller}->>'postalCode', ${invoices.seller}->>'city')), '')), '')`,
        sellerNip: sql<string | null>`nullif(${invoices.seller}->>'nip', '')`,
        bankAccount: sql<string | null>`nullif(${invoices.seller}->>'bankAccount', '')`,
      })
      .from(invoices)
      .where(and(invoiceVisibility(viewer), eq(invoices.payerParentId, parent.id), gt(invoices.gross, invoices.paid), gt(invoices.gross, 0)))
      .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.seq)),
  ]);
  const unpaid: UnpaidInvoice[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    dueDate: r.dueDate,
    status: r.status === 'paid' ? 'issued' : r.status,
    due: r.gross - r.paid,
    transferTitle: r.transferTitle,
    sellerName: r.sellerName ?? '',
    sellerAddress: r.sellerAddress,
    sellerNip: r.sellerNip,
    bankAccount: r.bankAccount,
  }));
  return {
    paysFor: children.map((c) => c.name),
    balance,
    unpaid,
    nextDueDate: unpaid.find((u) => u.dueDate >= today)?.dueDate ?? null,
    overdueSince: unpaid.find((u) => u.dueDate < today)?.dueDate ?? null,
  };
});
