import 'server-only';
import { and, eq, gt, gte, lt, lte } from 'drizzle-orm';
import { createElement } from 'react';
import { invoices } from '@/db/schema';
import PaymentReminderEmail, { paymentReminderSubject } from '@/emails/payment-reminder';
import { invoiceNotices, notifyPayers } from '@/lib/billing/notices';
import { addCalendarDays, todayIn } from '@/lib/time';
import type { JobDefinition } from './types';

/** Local hour of the daily payment reminders. */
export const PAYMENT_REMINDER_HOUR = 9;

/** Whole days from one calendar date to another ("2026-12-02" → "2026-12-09": 7). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Daily at 09:00 local: one reminder per unpaid invoice whose due date is coming, to its payer.
 *
 * The rule is a window, not a single day: an invoice is reminded on the first run at which its
 * due date lies between the school's today and today + `paymentReminderDays` (inclusive). With
 * the default 7 that is the day a week before the due date; a run that was missed that day (the
 * server was down) catches up the next day, and the outbox's dedupe key (kind, invoice, address)
 * keeps it to one reminder per invoice. Not on the day the invoice was issued — the invoice email
 * itself tells the payer what to pay and by when — so a payment term shorter than the lead days
 * gets its reminder from the next day. Nothing for an invoice already paid (or covered by a
 * credit), for one past due (the overdue notice speaks then), for an archived payer, or for an
 * address that unsubscribed from reminders. `paymentReminderDays` 0 switches reminders off.
 */
export const paymentReminders: JobDefinition = {
  name: 'payment-reminders',
  isDue: (_school, local) => local.hour === PAYMENT_REMINDER_HOUR,
  async run(db, school, at) {
    if (school.paymentReminderDays <= 0) return { emailed: 0, alreadySent: 0, skipped: 0 };
    const today = todayIn(school.timeZone, at);
    const list = await invoiceNotices(
      db,
      school,
      and(
        eq(invoices.kind, 'invoice'),
        gt(invoices.gross, 0),
        gt(invoices.gross, invoices.paid),
        gte(invoices.dueDate, today),
        lte(invoices.dueDate, addCalendarDays(today, school.paymentReminderDays)),
        lt(invoices.issueDate, today),
      ),
    );
    return notifyPayers(db, school, 'payment-reminder', list, {
      subject: (inv, to) => paymentReminderSubject({ locale: to.locale, number: inv.number, dueDate: inv.dueDate }),
      body: (inv, to, frame) =>
        createElement(PaymentReminderEmail, {
          ...frame,
          ...inv.payment,
          name: to.name,
          number: inv.number,
          dueDate: inv.dueDate,
          daysLeft: daysBetween(today, inv.dueDate),
          invoicesUrl: inv.invoicesUrl,
        }),
    });
  },
};
