import { z } from 'zod';
import { optionalNip, optionalPhone, optionalText, personName, requiredEmail } from '@/lib/records/fields';

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
  billingAddress: optionalText(300),
  companyName: optionalText(200),
  companyNip: optionalNip,
  companyAddress: optionalText(300),
});

type BillingValues = { billingType: BillingType; companyName: string | null; companyNip: string | null; companyAddress: string | null };

/**
 * A company pays only with its name, NIP and address (an invoice to a company without them is
 * not valid); each missing one is marked on its own field.
 */
export function withBillingRules<S extends z.ZodType<BillingValues>>(schema: S): S {
  return schema.superRefine((v, ctx) => {
    if (v.billingType !== 'company') return;
    for (const field of ['companyName', 'companyNip', 'companyAddress'] as const) {
      if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'records.required' });
    }
  }) as S;
}

export const updateParentSchema = withBillingRules(parentFields.extend({ parentId: z.uuid() }));
export type UpdateParentInput = z.input<typeof updateParentSchema>;

export const parentIdSchema = z.object({ parentId: z.uuid() });

export const parentSorts = ['name', 'children', 'created'] as const;

/** List filters from the URL; anything malformed falls back to the default instead of failing. */
export const parentListFilters = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(['active', 'archived']).default('active').catch('active'),
  billing: z.enum(billingTypes).optional().catch(undefined),
  sort: z.enum(parentSorts).default('name').catch('name'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type ParentListFilters = z.output<typeof parentListFilters>;

/** The filters as URL parameters (defaults left out), for sort links, pagination and the export. */
export function parentFilterParams(f: ParentListFilters): Record<string, string | undefined> {
  return {
    q: f.q || undefined,
    status: f.status !== 'active' ? f.status : undefined,
    billing: f.billing,
    sort: f.sort !== 'name' ? f.sort : undefined,
    dir: f.dir !== 'asc' ? f.dir : undefined,
  };
}

/** "5260250274" → "526-025-02-74", the way a NIP is printed on Polish invoices. */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '';
  return /^\d{10}$/.test(nip) ? `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}` : nip;
}
