import { z } from 'zod';
import { parentFields, withBillingRules } from '@/lib/parents/schema';
import { studentFields } from '@/lib/students/schema';

/**
 * "Add a family": one parent (who pays, with full access) and one or more children with their
 * subjects, saved together. The parent's fields and billing rules are the parent record's own.
 */
export const familySchema = z.object({
  parent: withBillingRules(parentFields),
  children: z.array(studentFields).min(1).max(8),
  invite: z.boolean().default(true),
});

export type FamilyInput = z.input<typeof familySchema>;
