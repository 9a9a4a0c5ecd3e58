import { z } from 'zod';
import { sortedListFilters } from '@/lib/list/filters';
import { optionalMultiline, optionalNip, optionalPhone, optionalText, personName, requiredEmail } from '@/lib/records/fields';

export const billingTypes = ['person', 'company'] as const;
export type BillingType = (typeof billingTypes)[number];

/**
 * The fields of a parent record, shared by the edit form, its action and (later) the
 * "Add a family" form. The email is also the parent's login: they sign in by magic link only.
 * Invoices go to the parent as a private person, or to a company with a NIP when an employer
 * pays; `withBillingRules` adds the checks that depend on which.
 */
export const parentFields = z.object({
  firstName: personName,
  lastName: personName,
  email: requiredEmail,
  phone: optionalPhone,
  preferredLanguage: z.enum(['pl', 'en']).default('pl'),
  billingType: z.enum(billingTypes).default('person'),
  /** The name on a private person's invoices; blank means the parent's own name. */
  billingName: optionalText(200),
  billingAddress: optionalMultiline(300),
  companyName: optionalText(200),
  companyNip: optionalNip,
  companyAddress: optionalMultiline(300),
});

type BillingValues = { billingType: BillingType; companyName: string | null; companyNip: string | null; companyAddress: string | null };

/** The billing fields the form shows for each billing type; the others are hidden. */
const billingFieldsShown: Record<BillingType, readonly string[]> = {
  person: ['billingName', 'billingAddress'],
  company: ['companyName', 'companyNip', 'companyAddress'],
};
const allBillingFields = [...billingFieldsShown.person, ...billingFieldsShown.company];

/**
 * The form keeps what was typed into fields it then hides (a NIP left behind after switching
 * the payer back to a private person). Such a value must neither block saving with an error
 * nobody can see nor be stored, so it is dropped before any field is checked.
 */
export function dropHiddenBillingFields(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const values = raw as Record<string, unknown>;
  const type = values.billingType ?? 'person';
  if (type !== 'person' && type !== 'company') return raw; // the billing type's own error says what is wrong
  const hidden = allBillingFields.filter((f) => !billingFieldsShown[type].includes(f));
  return { ...values, ...Object.fromEntries(hidden.map((f) => [f, null])) };
}

/**
 * A company pays only with its name, NIP and address (an invoice to a company without them is
 * not valid); each missing one is marked on its own field. Fields hidden for the chosen billing
 * type are dropped first (`dropHiddenBillingFields`). The result is typed as the object it
 * wraps so forms keep their field types; at run time it is a preprocessing pipe.
 */
export function withBillingRules<S extends z.ZodType<BillingValues>>(schema: S): S {
  const checked = schema.superRefine((v, ctx) => {
    if (v.billingType !== 'company') return;
    for (const field of ['companyName', 'companyNip', 'companyAddress'] as const) {
      if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'records.required' });
    }
  });
  return z.preprocess(dropHiddenBillingFields, checked) as unknown as S;
}

export const updateParentSchema = withBillingRules(parentFields.extend({ parentId: z.uuid() }));
export type UpdateParentInput = z.input<typeof updateParentSchema>;

export const parentIdSchema = z.object({ parentId: z.uuid() });

export const parentSorts = ['name', 'children', 'created'] as const;

/** List filters from the URL; anything malformed falls back to the default instead of failing. */
export const parentListFilters = sortedListFilters(parentSorts, { sort: 'name', dir: 'asc' }).extend({
  status: z.enum(['active', 'archived']).default('active').catch('active'),
  billing: z.enum(billingTypes).optional().catch(undefined),
});

export type ParentListFilters = z.output<typeof parentListFilters>;

/** "5260250274" → "526-025-02-74", the way a NIP is printed on Polish invoices. */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '';
  return /^\d{10}$/.test(nip) ? `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}` : nip;
}
