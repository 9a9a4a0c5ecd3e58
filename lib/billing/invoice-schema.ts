import { z } from 'zod';
import { moneyInput } from '@/lib/money';
import { isRealDate, optionalText, searchQuery } from '@/lib/records/fields';

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
export const invoiceListFilters = z.object({
  q: searchQuery,
  month: z.string().regex(PERIOD).optional().catch(undefined),
  status: z.enum(invoiceStatusFilters).default('all').catch('all'),
  /** One payer's invoices (a parent's or a self-paying student's id), from their record page. */
  payer: z.uuid().optional().catch(undefined),
  sort: z.enum(invoiceSorts).default('issued').catch('issued'),
  dir: z.enum(['asc', 'desc']).default('desc').catch('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
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
