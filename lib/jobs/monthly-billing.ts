import 'server-only';
import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { invoices } from '@/db/schema';
import InvoiceIssuedEmail, { invoiceIssuedSubject } from '@/emails/invoice-issued';
import { invoiceNotices, invoicePdfAttachment, notifyPayers } from '@/lib/billing/notices';
import { periodOf } from '@/lib/billing/plan';
import { issueMonth } from '@/lib/billing/run';
import type { JobDefinition } from './types';

/** Local hour at which the billing day's run issues the month's invoices. */
export const BILLING_HOUR = 6;

/**
 * On the school's billing day at 06:00 local time: the month's invoices, one per payer, then
 * each payer's invoice by email with its PDF attached. Every invoice of the month that has not
 * been emailed yet goes — also one issued by hand earlier, or left unsent by a run that died
 * halfway — and none goes twice (the outbox's dedupe key: kind, invoice, address).
 */
export const monthlyBilling: JobDefinition = {
  name: 'monthly-billing',
  isDue: (school, local) => local.day === school.billingDay && local.hour === BILLING_HOUR,
  runsOn: (school, local) => local.day === school.billingDay,
  async run(db, school, at) {
    const period = periodOf(at, school.timeZone);
    const r = await issueMonth(db, { system: 'monthly-billing', schoolId: school.id }, school.id, period, at);
    const issued = await invoiceNotices(db, school, and(eq(invoices.kind, 'invoice'), eq(invoices.period, `${period}-01`)));
    const sent = await notifyPayers(db, school, 'invoice-issued', issued, {
      subject: (inv, to) => invoiceIssuedSubject({ locale: to.locale, number: inv.number, period: inv.period ?? period }),
      body: (inv, to, frame) =>
        createElement(InvoiceIssuedEmail, {
          ...frame,
          ...inv.payment,
          name: to.name,
          number: inv.number,
          period: inv.period ?? period,
          gross: inv.gross,
          dueDate: inv.dueDate,
          invoicesUrl: inv.invoicesUrl,
        }),
      attachments: async (inv) => [await invoicePdfAttachment(db, school.id, inv.id)],
    });
    return {
      issued: r.issued.length,
      alreadyIssued: r.existing,
      nothingDue: r.held,
      withoutPayer: r.noPayer.length,
      lessonsWithoutPrice: r.missingPrices.reduce((a, m) => a + m.lessons, 0),
      ...sent,
    };
  },
};
