import { sql } from 'drizzle-orm';
import { boolean, check, customType, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DEFAULT_TIME_ZONE } from '@/lib/time';

/** Raw bytes (`bytea`), read and written as a Node Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A tutoring school: the tenant. Every school-owned row carries `school_id`, and every
 * query filters by the viewer's school. Settings live here, one row per school.
 */
export const schools = pgTable(
  'schools',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Short stable handle used in seeds and logs ("na-piatke"). */
    slug: text().notNull().unique(),
    name: text().notNull(),
    /** Legal name printed on invoices; falls back to `name`. */
    legalName: text(),
    addressLine: text().notNull().default(''),
    postalCode: text().notNull().default(''),
    city: text().notNull().default(''),
    voivodeship: text().notNull().default(''),
    nip: text(),
    bankAccount: text(),
    email: text(),
    phone: text(),
    /** IANA zone used for display, "08:00 daily", "the 25th" and recurrence across DST. */
    timeZone: text().notNull().default(DEFAULT_TIME_ZONE),
    locale: text().notNull().default('pl'),
    currency: text().notNull().default('PLN'),
    /** Day of the month on which monthly invoices are issued. */
    billingDay: integer().notNull().default(25),
    /** Days between issue and due date. */
    paymentTermDays: integer().notNull().default(14),
    /** Hours of notice a cancellation needs to earn a makeup credit; less is a late cancellation. */
    cancellationNoticeHours: integer().notNull().default(24),
    /** Days a makeup credit stays open (to the end of that local day). */
    makeupCreditDays: integer().notNull().default(30),
    /** Most makeup credits a student earns per term (Sep–Jan, Feb–Aug); null = no cap. */
    makeupCapPerTerm: integer(),
    /** Whether a late cancellation is billed as if the lesson took place. */
    lateCancellationCharged: boolean().notNull().default(true),
    /** Invoice numbers: {NNNN} the year's sequence (zero-padded to as many digits), {MM} month, {YYYY} year. */
    invoiceNumberFormat: text().notNull().default('FV/{NNNN}/{MM}/{YYYY}'),
    correctionNumberFormat: text().notNull().default('FK/{NNNN}/{MM}/{YYYY}'),
    /** VAT: exempt with a legal basis printed on every invoice, or a rate in percent. */
    vatMode: text({ enum: ['exempt', 'rate'] }).notNull().default('exempt'),
    vatRate: integer(),
    vatExemptionBasis: text().default('art. 43 ust. 1 pkt 26 lit. a ustawy o VAT'),
    /** Off the lessons of every child when a payer has two or more children billed in a month; null: none. */
    siblingDiscountPercent: integer(),
    /** Days before an invoice's due date that its payer is reminded; 0: no payment reminders. */
    paymentReminderDays: integer().notNull().default(7),
    /** Local hour (0–23) at which the daily overdue check runs and its notices go out. */
    overdueCheckHour: integer().notNull().default(8),
    /** Days before a makeup credit expires that the student or parent is told; 0: not told. */
    makeupExpiryNoticeDays: integer().notNull().default(5),
    /** Hours before a lesson that its students, parents and tutor are reminded; 0: no lesson reminders. */
    lessonReminderHours: integer().notNull().default(24),
    /** Email kinds the school switched off (see lib/notifications/kinds.ts). */
    emailKindsOff: text().array().notNull().default(sql`'{}'::text[]`),
    /**
     * Days the audit trail keeps the IP address and browser of each entry; after that the
     * daily `data-retention` job clears them (the entry itself stays). Always a bounded period:
     * GDPR art. 5(1)(e) asks for a limit, so there is no "keep forever".
     */
    auditIpRetentionDays: integer().notNull().default(365),
    /** Days the outbox keeps the text of a sent email; after that the job clears the body (address and subject stay). */
    outboxBodyRetentionDays: integer().notNull().default(90),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('schools_billing_day_range', sql`${t.billingDay} between 1 and 28`),
    check('schools_locale_known', sql`${t.locale} in ('pl', 'en')`),
    check('schools_payment_term_range', sql`${t.paymentTermDays} between 0 and 90`),
    check('schools_cancellation_notice_range', sql`${t.cancellationNoticeHours} between 0 and 720`),
    check('schools_makeup_credit_days_range', sql`${t.makeupCreditDays} between 1 and 365`),
    check('schools_makeup_cap_range', sql`${t.makeupCapPerTerm} is null or ${t.makeupCapPerTerm} between 0 and 100`),
    check('schools_vat_shape', sql`(${t.vatMode} = 'exempt' and ${t.vatExemptionBasis} is not null) or (${t.vatMode} = 'rate' and ${t.vatRate} between 0 and 100)`),
    check('schools_sibling_discount_range', sql`${t.siblingDiscountPercent} is null or ${t.siblingDiscountPercent} between 1 and 100`),
    check('schools_payment_reminder_days_range', sql`${t.paymentReminderDays} between 0 and 60`),
    check('schools_overdue_check_hour_range', sql`${t.overdueCheckHour} between 0 and 23`),
    check('schools_makeup_expiry_notice_range', sql`${t.makeupExpiryNoticeDays} between 0 and 30`),
    check('schools_lesson_reminder_hours_range', sql`${t.lessonReminderHours} between 0 and 168`),
    check('schools_audit_ip_retention_range', sql`${t.auditIpRetentionDays} between 30 and 3650`),
    check('schools_outbox_body_retention_range', sql`${t.outboxBodyRetentionDays} between 7 and 3650`),
    check('schools_number_formats', sql`${t.invoiceNumberFormat} like '%{N%' and ${t.correctionNumberFormat} like '%{N%' and length(${t.invoiceNumberFormat}) <= 40 and length(${t.correctionNumberFormat}) <= 40`),
  ],
);

export type School = typeof schools.$inferSelect;
export type NewSchool = typeof schools.$inferInsert;

/**
 * The school's logo, printed on its invoices and at the top of its emails. A table of its own
 * so that reading a school never drags the image along. PNG or JPEG, at most 256 kB; `sha256`
 * names the version (the public URL carries it, so a new logo is never served from a cache).
 */
export const schoolLogos = pgTable(
  'school_logos',
  {
    schoolId: uuid()
      .primaryKey()
      .references(() => schools.id, { onDelete: 'cascade' }),
    contentType: text({ enum: ['image/png', 'image/jpeg'] }).notNull(),
    data: bytea().notNull(),
    sha256: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('school_logos_content_type', sql`${t.contentType} in ('image/png', 'image/jpeg')`), check('school_logos_size', sql`octet_length(${t.data}) <= 262144`)],
);

export type SchoolLogo = typeof schoolLogos.$inferSelect;
