'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { action } from '@/lib/action';
import { currentRequestMeta } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isMessageKey } from '@/lib/records/fields';
import { todayIn } from '@/lib/time';
import { issueCorrection } from './corrections';
import { issueCorrectionSchema, issueMonthSchema, recordPaymentSchema } from './invoice-schema';
import { recordPayment } from './payments';
import { shiftMonth } from './plan';
import { issueMonth } from './run';

/**
 * The office's invoice actions: thin wrappers that check the session and the input and call the
 * domain functions (lib/billing/payments.ts, lib/billing/run.ts), which a job can call too.
 */

/** A refusal from a domain function carries catalog keys; the person reads sentences. */
async function translated(err: unknown): Promise<never> {
  if (err instanceof AppError && err.fieldErrors) {
    const t = await getTranslations();
    const fieldErrors = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, v.map((m) => (isMessageKey(m) ? t(m) : m))]));
    throw new AppError(err.code, Object.values(fieldErrors)[0]?.[0], fieldErrors, err.reason);
  }
  throw err;
}

/**
 * Records a payment against an invoice (its payer pays). An amount above what is due is
 * allowed: the surplus is the payer's credit and pays their next invoice.
 */
export const recordPaymentAction = action(recordPaymentSchema, { permission: 'invoices.manage' }, async (input, ctx) => {
  const result = await ctx
    .mutate((tx, audit) =>
      recordPayment(tx, audit, {
        schoolId: ctx.viewer.schoolId,
        invoiceId: input.invoiceId,
        amount: input.amount,
        method: input.method,
        paidOn: input.paidOn,
        reference: input.reference,
        createdBy: ctx.viewer.userId,
      }),
    )
    .catch(translated);
  revalidatePath('/admin/invoices', 'layout');
  return result;
});

/**
 * Issues the month's invoices with the admin as their author: one per payer that has none for
 * the month yet, so running it again issues nothing. Up to the month after the current one
 * (in the school's zone): later months have no lessons worth billing yet.
 */
export const issueMonthAction = action(issueMonthSchema, { permission: 'billing.run' }, async (input, ctx) => {
  const t = await getTranslations('invoices');
  const latest = shiftMonth(todayIn(ctx.viewer.timeZone).slice(0, 7), 1);
  if (input.period > latest) throw new AppError('VALIDATION', t('periodTooLate'), { period: [t('periodTooLate')] });
  const meta = await currentRequestMeta();
  const actor = { userId: ctx.viewer.userId, role: ctx.viewer.role, schoolId: ctx.viewer.schoolId, ...meta };
  const result = await issueMonth(getDb(), actor, ctx.viewer.schoolId, input.period, new Date());
  revalidatePath('/admin/invoices', 'layout');
  return {
    period: result.period,
    issued: result.issued.length,
    total: result.issued.reduce((sum, i) => sum + i.gross, 0),
    existing: result.existing,
    held: result.held,
  };
});

/**
 * Issues a correcting invoice for an invoice (never for a correction): its lines credit or
 * charge amounts with the original's VAT, optionally with the buyer's corrected data. Answers the
 * new number so the office can open it.
 */
export const issueCorrectionAction = action(issueCorrectionSchema, { permission: 'invoices.manage' }, async (input, ctx) => {
  const result = await ctx
    .mutate((tx, audit) =>
      issueCorrection(tx, audit, {
        schoolId: ctx.viewer.schoolId,
        invoiceId: input.invoiceId,
        reason: input.reason,
        lines: input.lines,
        buyer: input.buyer,
        createdBy: ctx.viewer.userId,
      }),
    )
    .catch(translated);
  revalidatePath('/admin/invoices', 'layout');
  return result;
});
