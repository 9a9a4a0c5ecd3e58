import { z } from 'zod';
import { isValidNip, normalizeNip } from '@/lib/nip';

/**
 * Field rules shared by every records form and action. Custom messages are catalog keys
 * ("records.invalidNip"); forms and the action wrapper translate them, zod's own messages
 * come translated through its locale.
 */
/** No control characters in stored text (a NUL byte makes PostgreSQL refuse the row). */
 
const plainText = (s: z.ZodString) => s.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, { message: 'records.invalidCharacters' });

export const personName = plainText(z.string().trim().min(1).max(80));

/** Optional text: blank becomes null so the database never stores "". */
export const optionalText = (max: number) =>
  plainText(z.string().trim().max(max))
    .nullish()
    .transform((v) => (v ? v : null));

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.email().nullable());

export const requiredEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const optionalPhone = optionalText(40).refine((v) => v == null || /^\+?[0-9 ()-]{6,40}$/.test(v), { message: 'records.invalidPhone' });

/** A Polish NIP, stored as ten digits; blank is allowed (use `.refine` when required). */
export const optionalNip = optionalText(20)
  .refine((v) => v == null || isValidNip(v), { message: 'records.invalidNip' })
  .transform((v) => (v == null ? null : normalizeNip(v)));

/** A calendar date "2014-05-31", not in the future. */
export const optionalPastDate = optionalText(10).refine((v) => v == null || (isRealDate(v) && v <= new Date().toISOString().slice(0, 10) && v >= '1900-01-01'), {
  message: 'records.invalidDate',
});

/** "2023-02-31" parses in JavaScript (it rolls over to March) but is no day at all. */
export function isRealDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** "#2563eb" */
export const hexColor = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, { message: 'records.invalidColor' });

/** A message that is a catalog key ("records.invalidNip") rather than a sentence. */
export function isMessageKey(message: string) {
  return /^[a-z]+\.[a-zA-Z.]+$/.test(message);
}
