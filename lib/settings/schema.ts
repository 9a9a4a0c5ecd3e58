import { z } from 'zod';

/**
 * Inputs of the school's settings page, one schema per section (each section is its own form
 * and its own action). Fields are named after the `schools` columns they set, so a section's
 * values go straight into the update and the audit. Numbers arrive as the strings a form
 * field holds, or as numbers; messages are catalog keys (`settings.*`), one per field, that
 * say the whole rule ("a whole number of hours from 0 to 720").
 */

/** "24", " 24 ", "024" → 24; anything else ("", "24,5", "1e3", "+5", "0x10") → NaN, which the pipe refuses. */
function wholeNumberFromText(v: string | number): number {
  if (typeof v === 'number') return v;
  const s = v.trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : Number.NaN;
}

/** A required whole number in [min, max], typed into a field or sent as a number. */
export function wholeNumber(min: number, max: number, message: string) {
  return z
    .union([z.number(), z.string()], { message })
    .transform(wholeNumberFromText)
    .pipe(z.number({ message }).int({ message }).min(min, { message }).max(max, { message }));
}

/** As `wholeNumber`, but an empty field (or null) means "none" and becomes null. */
export function optionalWholeNumber(min: number, max: number, message: string) {
  return z
    .union([z.number(), z.string(), z.null()], { message })
    .optional()
    .transform((v) => (v == null || (typeof v === 'string' && v.trim() === '') ? null : wholeNumberFromText(v)))
    .pipe(z.number({ message }).int({ message }).min(min, { message }).max(max, { message }).nullable());
}

/**
 * A yes/no switch: a boolean, or the strings a form posts. Never `z.coerce.boolean()`, which
 * reads "false" as true.
 */
export function yesNo(message: string) {
  return z.union([z.boolean(), z.enum(['true', 'false', 'on', 'off'])], { message }).transform((v) => v === true || v === 'true' || v === 'on');
}

// The ranges are the database's own checks on `schools` (db/schema/schools.ts).
export const NOTICE_HOURS = { min: 0, max: 720 } as const;
export const CREDIT_DAYS = { min: 1, max: 365 } as const;
export const CAP_PER_TERM = { min: 0, max: 100 } as const;

/** "Cancellations and makeups": when a cancellation earns a makeup, and for how long. */
export const cancellationSettingsSchema = z.object({
  cancellationNoticeHours: wholeNumber(NOTICE_HOURS.min, NOTICE_HOURS.max, 'settings.noticeHoursInvalid'),
  makeupCreditDays: wholeNumber(CREDIT_DAYS.min, CREDIT_DAYS.max, 'settings.creditDaysInvalid'),
  makeupCapPerTerm: optionalWholeNumber(CAP_PER_TERM.min, CAP_PER_TERM.max, 'settings.capInvalid'),
  lateCancellationCharged: yesNo('settings.lateChargedInvalid'),
});

export type CancellationSettingsInput = z.input<typeof cancellationSettingsSchema>;
export type CancellationSettings = z.output<typeof cancellationSettingsSchema>;
