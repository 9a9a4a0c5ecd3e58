import { z } from 'zod';
import { optionalNip, optionalPhone, optionalText, personName, requiredEmail } from '@/lib/records/fields';
import { studentFields } from '@/lib/students/schema';

/**
 * "Add a family": one parent (who pays, with full access) and one or more children with their
 * subjects, saved together. Billing goes to the parent as a person, or to a company (with a
 * NIP) when an employer pays.
 */
export const familySchema = z
  .object({
    parent: z.object({
      firstName: personName,
      lastName: personName,
      email: requiredEmail,
      phone: optionalPhone,
      preferredLanguage: z.enum(['pl', 'en']).default('pl'),
      billingType: z.enum(['person', 'company']).default('person'),
      billingAddress: optionalText(300),
      companyName: optionalText(200),
      companyNip: optionalNip,
      companyAddress: optionalText(300),
    }),
    children: z.array(studentFields).min(1).max(8),
    invite: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.parent.billingType !== 'company') return;
    for (const field of ['companyName', 'companyNip', 'companyAddress'] as const) {
      if (!v.parent[field]) ctx.addIssue({ code: 'custom', path: ['parent', field], message: 'records.required' });
    }
  });

export type FamilyInput = z.input<typeof familySchema>;
