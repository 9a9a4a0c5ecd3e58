import { z } from 'zod';
import { moneyInput, type Grosze } from '@/lib/money';

/**
 * Inputs of the price forms (a subject's prices, a student's own price, a tutor's pay rate),
 * shared by the forms and the actions. Amounts are typed in złoty ("120", "1 234,50") and
 * become whole grosze; messages are catalog keys, translated by the form or the action wrapper.
 */

/** The most a price or a rate per 60 minutes may be: the database's own check (100 000 zł). */
export const MAX_PER60: Grosze = 10_000_000;

/** A required price per 60 minutes, from 0 zł (a free lesson) to 100 000 zł. */
export const per60Input = moneyInput.refine((v) => v <= MAX_PER60, { message: 'billing.prices.tooHigh' });

/** As `per60Input`, but an empty field (or null) means "not set" and becomes null. */
export const optionalPer60Input = z.unknown().transform((v, ctx): Grosze | null => {
  if (v == null || (typeof v === 'string' && v.trim() === '')) return null;
  const parsed = per60Input.safeParse(v);
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'validation.money' });
  return z.NEVER;
});

/** A subject's prices: one-to-one, and per student in a group (empty: the one-to-one price). */
export const setSubjectPriceSchema = z.object({
  subjectId: z.uuid(),
  individualPer60: per60Input,
  groupPer60: optionalPer60Input,
});

export const clearSubjectPriceSchema = z.object({ subjectId: z.uuid() });

/** A student's own price for a subject, whatever the lesson's kind. */
export const setStudentPriceSchema = z.object({
  studentId: z.uuid(),
  subjectId: z.uuid(),
  per60: per60Input,
});

export const clearStudentPriceSchema = z.object({ studentId: z.uuid(), subjectId: z.uuid() });

/** A subject id, or null (also "" from a form) for the tutor's general rate. */
const optionalSubjectId = z
  .union([z.uuid(), z.literal(''), z.null()])
  .optional()
  .transform((v) => v || null);

/** A tutor's pay per 60 minutes taught: for one subject, or (no subject) for everything else. */
export const setTutorRateSchema = z.object({
  tutorId: z.uuid(),
  subjectId: optionalSubjectId,
  per60: per60Input,
});

export const clearTutorRateSchema = z.object({ tutorId: z.uuid(), subjectId: optionalSubjectId });

export type SetSubjectPriceInput = z.input<typeof setSubjectPriceSchema>;
export type SetStudentPriceInput = z.input<typeof setStudentPriceSchema>;
export type SetTutorRateInput = z.input<typeof setTutorRateSchema>;

