import 'server-only';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { createElement } from 'react';
import { invoices, type School } from '@/db/schema';
import OverdueNoticeEmail, { overdueNoticeSubject } from '@/emails/overdue-notice';
import { runAudited } from '@/lib/audited';
import { invoiceNotices, notifyPayers } from '@/lib/billing/notices';
import type { Database } from '@/lib/db';
import { todayIn } from '@/lib/time';
import type { JobDefinition } from './types';

/**
 * Invoices past due with money still owed, in the school's zone: the due date is before the
 * school's today, and the amount due (the total less what the payer's payments and credits
 * cover, as the family's page shows it) is above zero. Monthly invoices only: a correction is
 * settled together with the invoice it corrects (a credit pays it down, see lib/billing/run.ts
 * reallocate), so a family is never chased twice for one month.
 */
function pastDue(today: string) {
  return and(eq(invoices.kind, 'invoice'), gt(invoices.gross, 0), gt(invoices.gross, invoices.paid), lt(invoices.dueDate, today));
}

/**
 * Daily at the school's overdue-check hour (default 08:00 local): marks the invoices past due
 * as overdue (stored, with an audit row each), then sends each payer one overdue notice per
 * invoice — once, however often it runs (the outbox's dedupe key). Paid invoices get nothing.
 */
export const overdueCheck: JobDefinition = {
  name: 'overdue-check',
  isDue: (school, local) => local.hour === school.overdueCheckHour,
  async run(db, school, at) {
    const today = todayIn(school.timeZone, at);
    const markedOverdue = await markOverdue(db, school, today);
    const list = await invoiceNotices(db, school, pastDue(today));
    const sent = await notifyPayers(db, school, 'overdue-notice', list, {
      subject: (inv, to) => overdueNoticeSubject({ locale: to.locale, number: inv.number }),
      body: (inv, to, frame) => createElement(OverdueNoticeEmail, { ...frame, ...inv.payment, name: to.name, number: inv.number, dueDate: inv.dueDate, invoicesUrl: inv.invoicesUrl }),
    });
    return { markedOverdue, ...sent };
  },
};

/** Thrown inside the transaction when, under the row locks, nothing is left to mark: rolls back an empty change. */
class NothingToMark extends Error {}

/**
 * Stores 'overdue' on the school's past-due invoices still marked issued or partly paid, in one
 * transaction with an audit row per invoice (the status change, as the payment allocation
 * writes it, so the invoice's history shows it). Rows are locked first, so a payment recorded at
 * the same moment either settles the invoice before (it is not marked) or after (its
 * reallocation sets the status again).
 */
async function markOverdue(db: Database, school: Pick<School, 'id'>, today: string): Promise<number> {
  const stale = and(eq(invoices.schoolId, school.id), pastDue(today), inArray(invoices.status, ['issued', 'partially_paid']));
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(stale);
  if (n === 0) return 0;
  try {
    return await runAudited(
      { system: 'overdue-check', schoolId: school.id },
      async (tx, audit) => {
        const rows = await tx.select({ id: invoices.id, paid: invoices.paid, status: invoices.status }).from(invoices).where(stale).for('update');
        if (rows.length === 0) throw new NothingToMark();
        await tx
          .update(invoices)
          .set({ status: 'overdue' })
          .where(
            inArray(
              invoices.id,
              rows.map((r) => r.id),
            ),
          );
        for (const r of rows) {
          await audit({ action: 'invoice.allocation', entityType: 'invoice', entityId: r.id, before: { paid: r.paid, status: r.status }, after: { paid: r.paid, status: 'overdue', overdueOn: today } });
        }
        return rows.length;
      },
      db,
    );
  } catch (err) {
    if (err instanceof NothingToMark) return 0;
    throw err;
  }
}
