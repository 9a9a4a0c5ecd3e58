import type { BillingType } from './schema';

type BillingInput = {
  billingType: BillingType;
  billingName?: string | null;
  billingAddress?: string | null;
  companyName?: string | null;
  companyNip?: string | null;
  companyAddress?: string | null;
};

/**
 * A parent's invoice details as stored, from the form's choice: a private person's invoices carry
 * their own name unless another is given; company billing clears the private person's details and
 * the other way round, so an invoice never mixes the two (billing reads them in lib/billing/plan.ts).
 * The one rule for adding a family and editing a parent.
 */
export function billingColumns(input: BillingInput, fullName: string) {
  const company = input.billingType === 'company';
  return {
    billingName: company ? null : (input.billingName ?? fullName),
    billingAddress: company ? null : (input.billingAddress ?? null),
    companyName: company ? (input.companyName ?? null) : null,
    companyNip: company ? (input.companyNip ?? null) : null,
    companyAddress: company ? (input.companyAddress ?? null) : null,
  };
}
