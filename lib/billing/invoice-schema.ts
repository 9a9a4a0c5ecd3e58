import { z } from 'zod';
import { moneyInput, parseMoney } from '@/lib/money';
import { sortedListFilters } from '@/lib/list/filters';
import { isRealDate, nameText, optionalMultiline, optionalNip, optionalText } from '@/lib/records/fields';

/**
 * Inputs of the office's invoice pages, shared by the forms and the actions: the list's URL
 * filters, a payment, and the month of a billing run. Messages are catalog keys
 * ("invoices.amountPositive"), translated by the action wrapper and the forms.
 */

/** "2026-11": a month between 2000 and 2099. */
export const PERIOD = /^20\d{2}-(0[1-9]|1[0-2])$/;

export const periodSchema = z.string().trim().regex(PERIOD, { message: 'invoices.periodInvalid' });

/**
 * The list's status filter. `overdue` and `unpaid` are decided on the date: an unpaid
 * invoice is overdue from the day after its due date, whether or not a job has marked it.
 */
export const invoiceStatusFilters = ['all', 'unpaid', 'issued', 'partially_paid', 'overdue', 'paid'] as const;
export type InvoiceStatusFilter = (typeof invoiceStatusFilters)[number];

export const invoiceSorts = ['issued', 'due', 'gross', 'payer'] as const;

/** List filters from the URL; anything malformed falls back to the default instead of failing. */
export const invoiceListFilters = sortedListFilters(invoiceSorts, { sort: 'issued', dir: 'desc' }).extend({
  month: z.string().regex(PERIOD).optional().catch(undefined),
  status: z.enum(invoiceStatusFilters).default('all').catch('all'),
  /** One payer's invoices (a parent's or a self-paying student's id), from their record page. */
  payer: z.uuid().optional().catch(undefined),
});

export type InvoiceListFilters = z.output<typeof invoiceListFilters>;

export const paymentMethods = ['transfer', 'cash', 'card'] as const;

/**
 * A payment the office records against an invoice. The date's limits (not in the future in
 * the school's zone, not more than 60 days before the invoice was issued) need the school and
 * the invoice, so the domain function checks them.
 */
export const recordPaymentSchema = z.object({
  invoiceId: z.uuid(),
  amount: moneyInput.refine((v) => v > 0, { message: 'invoices.amountPositive' }),
  method: z.enum(paymentMethods),
  paidOn: z.string().trim().refine(isRealDate, { message: 'validation.date' }),
  reference: optionalText(200),
});

export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

export const issueMonthSchema = z.object({ period: periodSchema });

/**
 * An amount typed in złoty that may be negative ("-120,50": a credit) but not zero: a line of a
 * correcting invoice. The message keys are catalog keys.
 */
export const signedMoneyInput = z.unknown().transform((value, ctx) => {
  const grosze = typeof value === 'number' ? (Number.isFinite(value) && Math.abs(value) < 1e8 ? parseMoney(value.toFixed(2)) : null) : typeof value === 'string' ? parseMoney(value) : null;
  if (grosze === null) {
    ctx.addIssue({ code: 'custom', message: 'invoices.corrections.amountInvalid' });
    return z.NEVER;
  }
  if (grosze === 0) {
    ctx.addIssue({ code: 'custom', message: 'invoices.corrections.amountZero' });
    return z.NEVER;
  }
  return grosze;
});

/** The most lines one correction takes: a correction fixes a few things, not a month. */
export const CORRECTION_MAX_LINES = 50;

export const correctionLineSchema = z.object({
  description: nameText({ max: 200, requiredMessage: 'invoices.corrections.descriptionRequired' }),
  amount: signedMoneyInput,
});

/**
 * A correcting invoice: why (required), its lines (a description and a net amount, negative to
 * credit), and optionally the buyer's corrected data. No lines is allowed only with a buyer to
 * correct; whether anything changes, whether the credit stays within what the invoice charged,
 * and whether the invoice is a correction itself need the database, so the domain function
 * checks them.
 */
export const issueCorrectionSchema = z
  .object({
    invoiceId: z.uuid(),
    reason: nameText({ max: 500, requiredMessage: 'invoices.corrections.reasonRequired' }),
    lines: z.array(correctionLineSchema).max(CORRECTION_MAX_LINES, { message: 'invoices.corrections.tooManyLines' }),
    buyer: z
      .object({
        name: nameText({ max: 200, requiredMessage: 'invoices.corrections.buyerNameRequired' }),
        address: optionalMultiline(300),
        nip: optionalNip,
      })
      .nullish()
      .transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.lines.length === 0 && !v.buyer) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'invoices.corrections.linesRequired' });
  });

export type IssueCorrectionInput = z.input<typeof issueCorrectionSchema>;
