import 'server-only';
import { issueMonth } from '@/lib/billing/run';
import { periodOf } from '@/lib/billing/plan';
import type { JobDefinition } from './types';

/** Local hour at which the billing day's run issues the month's invoices. */
export const BILLING_HOUR = 6;

/** On the school's billing day at 06:00 local time: the month's invoices, one per payer. */
export const monthlyBilling: JobDefinition = {
  name: 'monthly-billing',
  isDue: (school, local) => local.day === school.billingDay && local.hour === BILLING_HOUR,
  runsOn: (school, local) => local.day === school.billingDay,
  async run(db, school, at) {
    const r = await issueMonth(db, { system: 'monthly-billing', schoolId: school.id }, school.id, periodOf(at, school.timeZone), at);
    return {
      issued: r.issued.length,
      alreadyIssued: r.existing,
      nothingDue: r.held,
      withoutPayer: r.noPayer.length,
      lessonsWithoutPrice: r.missingPrices.reduce((a, m) => a + m.lessons, 0),
    };
  },
};
