import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ReactElement } from 'react';
import { emailOutbox, invoices, parents, students, users, type School } from '@/db/schema';
import type { PaymentFacts } from '@/emails/invoice-issued';
import type { Queryable } from '@/lib/db';
import { env } from '@/lib/env';
import { pdfFileName } from '@/lib/invoices/file-name';
import { buildInvoiceDocument } from '@/lib/invoices/load';
import { renderInvoicePdf } from '@/lib/invoices/pdf';
import { log } from '@/lib/log';
import type { Grosze } from '@/lib/money';
import type { EmailKind } from '@/lib/notifications/kinds';
import { emailLocale, sendNotice, tally, type NoticeFrame, type NoticeResult, type Recipient } from '@/lib/notifications/send';
import { loadSchoolLogo } from '@/lib/schools/logo';

/**
 * What the billing jobs need to tell a payer about an invoice: who pays it, as an email
 * recipient, and the facts the family's invoice page shows (the amount still due, the account
 * and the transfer title the invoice states). Plus the invoice's PDF as an attachment, rendered
 * by the code the download route uses, and the one loop that sends a kind of notice for a list
 * of invoices without sending anything twice.
 */

export type InvoiceNotice = {
  id: string;
  number: string;
  /** "2026-11" for a monthly invoice. */
  period: string | null;
  issueDate: string;
  dueDate: string;
  gross: Grosze;
  /**
   * What is left to pay, as the family's invoice page says: the total less the part the payer's
   * payments (and the credits their corrections gave back) cover, allocated oldest invoice first.
   */
  due: Grosze;
  payment: PaymentFacts;
  /** The payer as an email recipient; null when they cannot be written to (see `unreachable`). */
  recipient: Recipient | null;
  /** Why the payer gets no email: archived (left the school), or no address on record. */
  unreachable: 'archived' | 'no-email' | null;
  /** The portal page with the payer's invoices; adult students have none (invoices are the office's and parents'). */
  invoicesUrl: string | null;
};

const parentUser = alias(users, 'parent_user');
const studentUser = alias(users, 'student_user');

/**
 * The invoices of `school` matching `where` (conditions on `invoices`), each with its payer: a
 * parent, or an adult student who pays for themself. Chosen as lesson notices choose them
 * (lib/notifications/recipients.ts): the address is the parent's email, or the student's own
 * account (unless deactivated), else their contact email; the language is the account's when
 * they have one, else the parent's preferred language, else the school's. Oldest due date first.
 */
export async function invoiceNotices(db: Queryable, school: Pick<School, 'id' | 'locale'>, where: SQL | undefined): Promise<InvoiceNotice[]> {
  const rows = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      period: invoices.period,
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      gross: invoices.gross,
      paid: invoices.paid,
      transferTitle: invoices.transferTitle,
      sellerName: sql<string | null>`${invoices.seller}->>'name'`,
      bankAccount: sql<string | null>`nullif(${invoices.seller}->>'bankAccount', '')`,
      parentId: invoices.payerParentId,
      parentFirst: parents.firstName,
      parentLast: parents.lastName,
      parentEmail: parents.email,
      parentLanguage: parents.preferredLanguage,
      parentArchivedAt: parents.archivedAt,
      parentLocale: parentUser.locale,
      studentFirst: students.firstName,
      studentLast: students.lastName,
      studentEmail: students.email,
      studentStatus: students.status,
      studentLocale: studentUser.locale,
      studentUserEmail: studentUser.email,
      studentUserStatus: studentUser.status,
    })
    .from(invoices)
    .leftJoin(parents, and(eq(parents.id, invoices.payerParentId), eq(parents.schoolId, invoices.schoolId)))
    .leftJoin(parentUser, and(eq(parentUser.id, parents.userId), eq(parentUser.schoolId, invoices.schoolId)))
    .leftJoin(students, and(eq(students.id, invoices.payerStudentId), eq(students.schoolId, invoices.schoolId)))
    .leftJoin(studentUser, and(eq(studentUser.id, students.userId), eq(studentUser.schoolId, invoices.schoolId)))
    .where(and(eq(invoices.schoolId, school.id), where))
    .orderBy(asc(invoices.dueDate), asc(invoices.issueDate), asc(invoices.seq));

  const portal = new URL('/parent/invoices', env.APP_URL).toString();
  return rows.map((r) => {
    const isParent = r.parentId !== null;
    const name = isParent ? `${r.parentFirst ?? ''} ${r.parentLast ?? ''}`.trim() : `${r.studentFirst ?? ''} ${r.studentLast ?? ''}`.trim();
    const studentAccount = r.studentUserStatus && r.studentUserStatus !== 'deactivated' ? r.studentUserEmail : null;
    const email = (isParent ? r.parentEmail : studentAccount || r.studentEmail)?.trim() || null;
    const archived = isParent ? r.parentArchivedAt !== null : r.studentStatus === 'archived';
    const locale = emailLocale(isParent ? (r.parentLocale ?? r.parentLanguage ?? school.locale) : (r.studentLocale ?? school.locale));
    const due = Math.max(0, r.gross - r.paid);
    const unreachable = archived ? 'archived' : email ? null : 'no-email';
    return {
      id: r.id,
      number: r.number,
      period: r.period ? r.period.slice(0, 7) : null,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      gross: r.gross,
      due,
      payment: { sellerName: r.sellerName ?? '', bankAccount: r.bankAccount, transferTitle: r.transferTitle, due },
      recipient: unreachable || !email ? null : { email, name, locale },
      unreachable,
      invoicesUrl: isParent ? portal : null,
    };
  });
}

/** The invoice's PDF as the download route serves it (the same document, renderer and file name), to attach to an email. */
export async function invoicePdfAttachment(db: Queryable, schoolId: string, invoiceId: string): Promise<{ filename: string; content: Buffer }> {
  const [doc, logo] = await Promise.all([buildInvoiceDocument(db, schoolId, invoiceId), loadSchoolLogo(db, schoolId)]);
  if (!doc) throw new Error(`no invoice ${invoiceId} in school ${schoolId}`);
  return { filename: pdfFileName(doc.number), content: await renderInvoicePdf(doc, logo) };
}

export type NoticeCounts = { emailed: number; alreadySent: number; skipped: number; failed?: number };

export type InvoiceMessage = {
  subject: (invoice: InvoiceNotice, to: Recipient) => string;
  body: (invoice: InvoiceNotice, to: Recipient, frame: NoticeFrame) => ReactElement;
  /** Files to attach (the invoice's PDF); built only for a message that is really sent. */
  attachments?: (invoice: InvoiceNotice) => Promise<{ filename: string; content: Buffer }[]>;
};

/**
 * Sends `kind` about each invoice to its payer, at most once (sendNotice's dedupe key is the
 * kind, the invoice and the address). Counts: emailed; alreadySent (an earlier run's message);
 * skipped — the payer is archived or has no address, the school switched the kind off, or
 * (reminders) the address unsubscribed; failed — the provider refused it (the outbox row says
 * so). Messages already in the outbox are recognised before anything is rendered, so a second
 * run renders no PDF. One message that cannot be built does not stop the others: they all go,
 * and then the run fails with the reason, so a retry sends what is missing.
 */
export async function notifyPayers(
  db: Queryable,
  school: Pick<School, 'id' | 'name' | 'email' | 'phone' | 'emailKindsOff'>,
  kind: EmailKind,
  list: readonly InvoiceNotice[],
  message: InvoiceMessage,
): Promise<NoticeCounts> {
  const reachable = list.filter((n): n is InvoiceNotice & { recipient: Recipient } => n.recipient !== null);
  let skipped = list.length - reachable.length;
  if (school.emailKindsOff.includes(kind)) return { emailed: 0, alreadySent: 0, skipped: skipped + reachable.length };

  const sent = await sentKeys(db, kind, reachable);
  let alreadySent = 0;
  const results: NoticeResult[] = [];
  const errors: string[] = [];
  for (const invoice of reachable) {
    if (sent.has(dedupeKey(kind, invoice.id, invoice.recipient.email))) {
      alreadySent++;
      continue;
    }
    try {
      const to = invoice.recipient;
      results.push(
        await sendNotice(db, {
          school,
          kind,
          to,
          about: invoice.id,
          subject: message.subject(invoice, to),
          body: (frame) => message.body(invoice, to, frame),
          meta: { invoiceId: invoice.id, number: invoice.number },
          attachments: message.attachments ? await message.attachments(invoice) : undefined,
        }),
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log.error('billing notice not sent', { kind, schoolId: school.id, invoiceId: invoice.id, reason });
      errors.push(`${invoice.number}: ${reason}`);
    }
  }
  if (errors.length > 0) throw new Error(`${errors.length} of ${reachable.length} ${kind} emails could not be sent (${errors[0]})`);
  const counted = tally(results);
  const failed = results.filter((r) => r.status === 'failed').length;
  skipped += counted.skipped;
  return { emailed: counted.emailed - failed, alreadySent: alreadySent + counted.alreadySent, skipped, ...(failed ? { failed } : {}) };
}

/** The outbox's dedupe key of a notice, as sendNotice writes it: `<kind>:<about>:<address in lower case>`. */
function dedupeKey(kind: EmailKind, about: string, email: string): string {
  return `${kind}:${about}:${email.toLowerCase()}`;
}

/** Which of these notices an earlier run already stored in the outbox. */
async function sentKeys(db: Queryable, kind: EmailKind, list: readonly (InvoiceNotice & { recipient: Recipient })[]): Promise<Set<string>> {
  const keys = list.map((n) => dedupeKey(kind, n.id, n.recipient.email));
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .select({ key: emailOutbox.dedupeKey })
      .from(emailOutbox)
      .where(inArray(emailOutbox.dedupeKey, keys.slice(i, i + 500)));
    for (const r of rows) if (r.key) found.add(r.key);
  }
  return found;
}
