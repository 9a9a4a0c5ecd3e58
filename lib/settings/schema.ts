import { z } from 'zod';
import { formatPolishIban, isValidPolishIban } from '@/lib/iban';
import { EMAIL_KINDS, isEmailKind } from '@/lib/notifications/kinds';
import { isValidNip, normalizeNip } from '@/lib/nip';
import { nameText, optionalEmail, optionalPhone, optionalText } from '@/lib/records/fields';
import { isTimeZone } from '@/lib/time';

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

// ---------------------------------------------------------------------------------------
// "Billing": when invoices are issued and due, how they are numbered, VAT, sibling discount

export const BILLING_DAY = { min: 1, max: 28 } as const;
export const PAYMENT_TERM_DAYS = { min: 0, max: 90 } as const;
export const SIBLING_DISCOUNT = { min: 1, max: 100 } as const;
/** The longest number format the database keeps. */
export const NUMBER_FORMAT_MAX = 40;
export const VAT_RATES = [23, 8, 5, 0] as const;

const VAT_ACT = 'ustawy z dnia 11 marca 2004 r. o podatku od towarów i usług';

/**
 * The legal bases of a VAT exemption a tutoring school usually invokes, as an invoice must cite
 * them (art. 106e ust. 1 pkt 19): the small-business exemption, and the exemptions of education
 * by a school of the education system, private tutoring by teachers, and language teaching. A
 * school may type another basis.
 */
export const VAT_EXEMPTION_BASES = [
  { key: 'art113', text: `art. 113 ust. 1 ${VAT_ACT}` },
  { key: 'art43pkt26a', text: `art. 43 ust. 1 pkt 26 lit. a ${VAT_ACT}` },
  { key: 'art43pkt27', text: `art. 43 ust. 1 pkt 27 ${VAT_ACT}` },
  { key: 'art43pkt28', text: `art. 43 ust. 1 pkt 28 ${VAT_ACT}` },
] as const;

export type VatExemptionKey = (typeof VAT_EXEMPTION_BASES)[number]['key'];

/** The preset a stored basis is, or 'other' when it was typed in. */
export function exemptionKeyOf(basis: string | null | undefined): VatExemptionKey | 'other' {
  return VAT_EXEMPTION_BASES.find((b) => b.text === basis)?.key ?? 'other';
}

const TOKEN = /\{[^{}]*\}/g;
const KNOWN_TOKEN = /^\{(N{1,9}|MM|YYYY)\}$/;
const LITERAL = /^[\p{L}\p{N} /._-]*$/u;

/**
 * What is wrong with an invoice number format, as a catalog key, or null when it is fine. The
 * sequence `{N…}` must appear once (numbers are gapless per year), and `{YYYY}` too: the counter
 * starts again every January, so without the year next January's first number would repeat
 * this year's. Outside the fields: letters, digits, spaces and / . _ - (a number goes into
 * transfer titles and file names).
 */
export function numberFormatProblem(format: string): string | null {
  if (format === '') return 'billing.settings.formatRequired';
  if (format.length > NUMBER_FORMAT_MAX) return 'billing.settings.formatTooLong';
  const tokens: string[] = format.match(TOKEN) ?? [];
  if (tokens.some((t) => !KNOWN_TOKEN.test(t)) || /[{}]/.test(format.replace(TOKEN, ''))) return 'billing.settings.formatUnknownField';
  if (!LITERAL.test(format.replace(TOKEN, ''))) return 'billing.settings.formatCharacters';
  if (tokens.filter((t) => t.startsWith('{N')).length !== 1) return 'billing.settings.formatNeedsNumber';
  if (!tokens.includes('{YYYY}')) return 'billing.settings.formatNeedsYear';
  return null;
}

/** The fixed text of a format, its fields taken out: two formats with the same one could give the same number. */
export function fixedTextOf(format: string): string {
  return format.replace(TOKEN, '{}');
}

const numberFormat = z
  .string({ message: 'billing.settings.formatRequired' })
  .transform((v) => v.trim())
  .superRefine((v, ctx) => {
    const problem = numberFormatProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** "23", 23 → 23; "", null → null; anything else is refused. */
const vatRate = z
  .union([z.number(), z.string(), z.null()], { message: 'billing.settings.rateInvalid' })
  .optional()
  .transform((v) => (v == null || (typeof v === 'string' && v.trim() === '') ? null : Number(typeof v === 'string' ? v.trim() : v)))
  .refine((v) => v === null || (VAT_RATES as readonly number[]).includes(v), { message: 'billing.settings.rateInvalid' });

export const billingSettingsSchema = z
  .object({
    billingDay: wholeNumber(BILLING_DAY.min, BILLING_DAY.max, 'billing.settings.billingDayInvalid'),
    paymentTermDays: wholeNumber(PAYMENT_TERM_DAYS.min, PAYMENT_TERM_DAYS.max, 'billing.settings.paymentTermInvalid'),
    invoiceNumberFormat: numberFormat,
    correctionNumberFormat: numberFormat,
    vatMode: z.enum(['exempt', 'rate'], { message: 'billing.settings.vatModeInvalid' }),
    vatRate,
    vatExemptionBasis: optionalText(250),
    siblingDiscountPercent: optionalWholeNumber(SIBLING_DISCOUNT.min, SIBLING_DISCOUNT.max, 'billing.settings.siblingDiscountInvalid'),
  })
  .superRefine((v, ctx) => {
    if (v.vatMode === 'exempt' && !v.vatExemptionBasis) ctx.addIssue({ code: 'custom', path: ['vatExemptionBasis'], message: 'billing.settings.basisRequired' });
    if (v.vatMode === 'rate' && v.vatRate === null) ctx.addIssue({ code: 'custom', path: ['vatRate'], message: 'billing.settings.rateInvalid' });
    if (fixedTextOf(v.invoiceNumberFormat) === fixedTextOf(v.correctionNumberFormat)) {
      ctx.addIssue({ code: 'custom', path: ['correctionNumberFormat'], message: 'billing.settings.formatsClash' });
    }
  })
  // An exempt school has no rate and a school charging VAT no exemption basis: the one not in use is cleared.
  .transform((v) => ({
    ...v,
    vatRate: v.vatMode === 'rate' ? v.vatRate : null,
    vatExemptionBasis: v.vatMode === 'exempt' ? v.vatExemptionBasis : null,
  }));

export type BillingSettingsInput = z.input<typeof billingSettingsSchema>;
export type BillingSettings = z.output<typeof billingSettingsSchema>;

// ---------------------------------------------------------------------------------------
// "Invoice details": the seller as every invoice names it

/** "00-514"; "00514" is read as the same code. */
const postalCode = z
  .string({ message: 'billing.seller.postalCodeInvalid' })
  .transform((v) => v.trim().replace(/^(\d{2})(\d{3})$/, '$1-$2'))
  .refine((v) => /^\d{2}-\d{3}$/.test(v), { message: 'billing.seller.postalCodeInvalid' });

const requiredNip = z
  .string({ message: 'billing.seller.nipInvalid' })
  .transform((v) => normalizeNip(v.trim()))
  .refine(isValidNip, { message: 'billing.seller.nipInvalid' });

/** A Polish account number, stored in groups of four; blank: none (the invoice then asks for no transfer). */
const bankAccount = optionalText(60)
  .refine((v) => v == null || isValidPolishIban(v), { message: 'billing.seller.ibanInvalid' })
  .transform((v) => (v == null ? null : formatPolishIban(v)));

export const sellerSettingsSchema = z.object({
  legalName: optionalText(200),
  addressLine: nameText({ max: 200, requiredMessage: 'billing.seller.addressRequired' }),
  postalCode,
  city: nameText({ max: 100, requiredMessage: 'billing.seller.cityRequired' }),
  nip: requiredNip,
  bankAccount,
});

export type SellerSettingsInput = z.input<typeof sellerSettingsSchema>;
export type SellerSettings = z.output<typeof sellerSettingsSchema>;

// ---------------------------------------------------------------------------------------
// "Notifications and reminders": how far ahead people are reminded, when the overdue check
// runs, and which automatic emails the school sends at all

export const PAYMENT_REMINDER_DAYS = { min: 0, max: 60 } as const;
export const OVERDUE_CHECK_HOUR = { min: 0, max: 23 } as const;
export const MAKEUP_NOTICE_DAYS = { min: 0, max: 30 } as const;
export const LESSON_REMINDER_HOURS = { min: 0, max: 168 } as const;

/**
 * The kinds switched off, each at most once and in the catalog's order (so saving the same
 * choice twice compares equal). The form shows them the other way round: a ticked box is a
 * kind that is sent.
 */
const emailKindsOff = z
  // Checked as a whole (not item by item), so a refusal is reported on the field the form shows.
  .array(z.unknown(), { message: 'settings.emailKindsInvalid' })
  .refine((kinds) => kinds.length <= EMAIL_KINDS.length * 2 && kinds.every((k) => typeof k === 'string' && isEmailKind(k)), { message: 'settings.emailKindsInvalid' })
  .transform((kinds) => EMAIL_KINDS.filter((k) => kinds.includes(k)));

export const notificationSettingsSchema = z.object({
  paymentReminderDays: wholeNumber(PAYMENT_REMINDER_DAYS.min, PAYMENT_REMINDER_DAYS.max, 'settings.paymentReminderDaysInvalid'),
  overdueCheckHour: wholeNumber(OVERDUE_CHECK_HOUR.min, OVERDUE_CHECK_HOUR.max, 'settings.overdueCheckHourInvalid'),
  makeupExpiryNoticeDays: wholeNumber(MAKEUP_NOTICE_DAYS.min, MAKEUP_NOTICE_DAYS.max, 'settings.makeupNoticeDaysInvalid'),
  lessonReminderHours: wholeNumber(LESSON_REMINDER_HOURS.min, LESSON_REMINDER_HOURS.max, 'settings.lessonReminderHoursInvalid'),
  emailKindsOff,
});

export type NotificationSettingsInput = z.input<typeof notificationSettingsSchema>;
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

// ---------------------------------------------------------------------------------------
// "The school": its everyday name, how people reach it, where it is and its clock

/** The sixteen Polish voivodeships, as the school's address and the school-year calendar name them. */
export const VOIVODESHIPS = [
  'dolnośląskie',
  'kujawsko-pomorskie',
  'lubelskie',
  'lubuskie',
  'łódzkie',
  'małopolskie',
  'mazowieckie',
  'opolskie',
  'podkarpackie',
  'podlaskie',
  'pomorskie',
  'śląskie',
  'świętokrzyskie',
  'warmińsko-mazurskie',
  'wielkopolskie',
  'zachodniopomorskie',
] as const;

/** The zones a school may choose: the runtime's canonical IANA names ("Europe/Warsaw"), as the select lists them. */
export function timeZones(): readonly string[] {
  return Intl.supportedValuesOf('timeZone');
}

export const schoolProfileSchema = z.object({
  name: nameText({ max: 120, requiredMessage: 'settings.school.nameRequired' }),
  email: optionalEmail,
  phone: optionalPhone,
  voivodeship: z.enum(VOIVODESHIPS, { message: 'settings.school.voivodeshipInvalid' }),
  timeZone: z
    .string({ message: 'settings.school.timeZoneInvalid' })
    .trim()
    .refine((v) => isTimeZone(v) && timeZones().includes(v), { message: 'settings.school.timeZoneInvalid' }),
});

export type SchoolProfileInput = z.input<typeof schoolProfileSchema>;
export type SchoolProfile = z.output<typeof schoolProfileSchema>;

/** The logo's file as the form reads it: a data URL ("data:image/png;base64,…"); the server checks the bytes themselves. */
export const schoolLogoSchema = z.object({
  dataUrl: z
    .string({ message: 'settings.school.logoInvalid' })
    .max(400_000, { message: 'settings.school.logoTooLarge' })
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, { message: 'settings.school.logoInvalid' }),
});
// "Data retention": how long the audit trail keeps IP addresses and the outbox keeps email text

/**
 * Always a bounded period (GDPR art. 5(1)(e), storage limitation): there is no "keep forever".
 * The audit trail keeps the IP address and browser at least 30 days (to investigate a
 * break-in), the outbox an email's text at least 7 (to answer "did you send it?").
 */
export const AUDIT_IP_RETENTION_DAYS = { min: 30, max: 3650 } as const;
export const OUTBOX_BODY_RETENTION_DAYS = { min: 7, max: 3650 } as const;

export const retentionSettingsSchema = z.object({
  auditIpRetentionDays: wholeNumber(AUDIT_IP_RETENTION_DAYS.min, AUDIT_IP_RETENTION_DAYS.max, 'gdpr.retention.auditIpInvalid'),
  outboxBodyRetentionDays: wholeNumber(OUTBOX_BODY_RETENTION_DAYS.min, OUTBOX_BODY_RETENTION_DAYS.max, 'gdpr.retention.outboxBodyInvalid'),
});

export type RetentionSettingsInput = z.input<typeof retentionSettingsSchema>;
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;
