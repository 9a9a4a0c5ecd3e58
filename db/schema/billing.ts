import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { lessons } from './lessons';
import { parents } from './parents';
import { schools } from './schools';
import { students } from './students';
import { subjects } from './subjects';
import { tutors } from './tutors';

/**
 * Money the school charges and receives. Every amount is whole grosze (lib/money.ts).
 *
 * Prices: a subject's price per 60 minutes for one-to-one and for group lessons (per student),
 * and a student's own price for a subject that overrides it. Invoices are issued once and never
 * change: what they say is their own snapshot (seller, buyer, lines, totals); a later change to a
 * lesson becomes a line on the next invoice, a mistake a correcting invoice. Payments belong to a
 * payer; they are allocated to the payer's invoices oldest first, so an overpayment is a credit
 * that pays the next invoice.
 */

export const subjectPrices = pgTable(
  'subject_prices',
  {
    schoolId: uuid().notNull(),
    subjectId: uuid().notNull(),
    /** One-to-one lesson, per 60 minutes (pro rata for other lengths). */
    individualPer60: integer().notNull(),
    /** A group lesson, per student per 60 minutes; null: the individual price. */
    groupPer60: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectId] }),
    foreignKey({ name: 'subject_prices_subject_fk', columns: [t.schoolId, t.subjectId], foreignColumns: [subjects.schoolId, subjects.id] }).onDelete('cascade'),
    check('subject_prices_amounts', sql`${t.individualPer60} between 0 and 10000000 and (${t.groupPer60} is null or ${t.groupPer60} between 0 and 10000000)`),
  ],
);

export const studentPrices = pgTable(
  'student_prices',
  {
    schoolId: uuid().notNull(),
    studentId: uuid().notNull(),
    subjectId: uuid().notNull(),
    /** This student's price per 60 minutes for the subject, whatever the lesson's kind. */
    per60: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.subjectId] }),
    foreignKey({ name: 'student_prices_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }).onDelete('cascade'),
    foreignKey({ name: 'student_prices_subject_fk', columns: [t.schoolId, t.subjectId], foreignColumns: [subjects.schoolId, subjects.id] }).onDelete('cascade'),
    check('student_prices_amount', sql`${t.per60} between 0 and 10000000`),
  ],
);

export const invoiceKind = pgEnum('invoice_kind', ['invoice', 'correction']);
export const invoiceStatus = pgEnum('invoice_status', ['issued', 'partially_paid', 'paid', 'overdue']);

/** The next number of a school's invoices of a kind in a year, taken inside the invoice's transaction: gapless. */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    kind: invoiceKind().notNull(),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.kind, t.year] })],
);

export const invoices = pgTable(
  'invoices',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    kind: invoiceKind().notNull().default('invoice'),
    /** "FV/0007/11/2026", from the school's format; `year` and `seq` are its counter. */
    number: text().notNull(),
    year: integer().notNull(),
    seq: integer().notNull(),
    /** A correcting invoice: the one it corrects, and why. */
    correctsInvoiceId: uuid(),
    correctionReason: text(),
    /** Exactly one payer: a parent, or an adult student paying for themself. */
    payerParentId: uuid(),
    payerStudentId: uuid(),
    payerKey: uuid()
      .notNull()
      .generatedAlwaysAs(sql`coalesce(payer_parent_id, payer_student_id)`),
    /** The first day of the month billed; null for a correcting invoice. */
    period: date({ mode: 'string' }),
    issueDate: date({ mode: 'string' }).notNull(),
    saleDate: date({ mode: 'string' }).notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    language: text().notNull().default('pl'),
    /** What the invoice says of the seller and the buyer, as it was when issued. */
    seller: jsonb().notNull(),
    buyer: jsonb().notNull(),
    vatMode: text({ enum: ['exempt', 'rate'] }).notNull(),
    vatRate: integer(),
    vatBasis: text(),
    net: integer().notNull(),
    vat: integer().notNull(),
    gross: integer().notNull(),
    /** Allocated from the payer's payments (oldest invoice first); kept by lib/billing. */
    paid: integer().notNull().default(0),
    status: invoiceStatus().notNull().default('issued'),
    transferTitle: text().notNull(),
    /**
     * Set when the buyer's personal data was erased: the last day the tax law still requires the
     * buyer's data on this invoice (lib/gdpr/retention.ts). The `data-retention` job clears the
     * buyer after that day and records when in `buyer_purged_at`.
     */
    buyerRetainedUntil: date({ mode: 'string' }),
    buyerPurgedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The job that issued it ("monthly-billing"), when no person did. */
    createdBySystem: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('invoices_school_id_id_key').on(t.schoolId, t.id),
    unique('invoices_school_number_key').on(t.schoolId, t.number),
    unique('invoices_school_kind_year_seq_key').on(t.schoolId, t.kind, t.year, t.seq),
    // One monthly invoice per payer and month: a second run, or two at once, cannot add another.
    uniqueIndex('invoices_one_per_payer_period').on(t.schoolId, t.payerKey, t.period).where(sql`${t.kind} = 'invoice'`),
    foreignKey({ name: 'invoices_payer_parent_fk', columns: [t.schoolId, t.payerParentId], foreignColumns: [parents.schoolId, parents.id] }),
    foreignKey({ name: 'invoices_payer_student_fk', columns: [t.schoolId, t.payerStudentId], foreignColumns: [students.schoolId, students.id] }),
    foreignKey({ name: 'invoices_corrects_fk', columns: [t.schoolId, t.correctsInvoiceId], foreignColumns: [t.schoolId, t.id] }),
    check('invoices_one_payer', sql`(${t.payerParentId} is null) <> (${t.payerStudentId} is null)`),
    check('invoices_kind_shape', sql`(${t.kind} = 'invoice' and ${t.period} is not null and ${t.correctsInvoiceId} is null) or (${t.kind} = 'correction' and ${t.correctsInvoiceId} is not null and ${t.correctionReason} is not null)`),
    check('invoices_totals', sql`${t.gross} = ${t.net} + ${t.vat}`),
    check('invoices_vat_shape', sql`(${t.vatMode} = 'exempt' and ${t.vat} = 0 and ${t.vatBasis} is not null) or (${t.vatMode} = 'rate' and ${t.vatRate} between 0 and 100)`),
    check('invoices_dates', sql`${t.dueDate} >= ${t.issueDate}`),
    check('invoices_paid_range', sql`${t.paid} >= 0 and (${t.gross} < 0 or ${t.paid} <= ${t.gross})`),
    index('invoices_school_period_idx').on(t.schoolId, t.period),
    index('invoices_school_status_due_idx').on(t.schoolId, t.status, t.dueDate),
    index('invoices_payer_idx').on(t.payerKey, t.issueDate),
    // The invoice list's default order (latest issued first), so a page reads only its own rows.
    index('invoices_school_issued_idx').on(t.schoolId, t.issueDate.desc().nullsFirst(), t.year.desc().nullsFirst(), t.seq.desc().nullsFirst(), t.id),
  ],
);

/**
 * `correction`: a line of a correcting invoice — a description and an amount, with no lesson, so
 * the lesson ledger (lib/billing/plan.ts) never counts it and the next run re-charges nothing.
 */
export const invoiceLineKind = pgEnum('invoice_line_kind', ['lesson', 'late_cancellation', 'adjustment', 'discount', 'correction']);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid().notNull(),
    invoiceId: uuid().notNull(),
    position: integer().notNull(),
    kind: invoiceLineKind().notNull(),
    /**
     * The lesson and student a line charges (or credits back): the sum of a lesson's lines for a
     * student is what was billed for it, which is how a later run finds what changed.
     */
    lessonId: uuid(),
    studentId: uuid(),
    description: text().notNull(),
    serviceDate: date({ mode: 'string' }),
    minutes: integer(),
    unitNet: integer().notNull(),
    net: integer().notNull(),
    /** Facts for the line's words in either language (subject, tutor, student). */
    facts: jsonb(),
  },
  (t) => [
    unique('invoice_lines_position_key').on(t.invoiceId, t.position),
    foreignKey({ name: 'invoice_lines_invoice_fk', columns: [t.schoolId, t.invoiceId], foreignColumns: [invoices.schoolId, invoices.id] }).onDelete('cascade'),
    foreignKey({ name: 'invoice_lines_lesson_fk', columns: [t.schoolId, t.lessonId], foreignColumns: [lessons.schoolId, lessons.id] }),
    foreignKey({ name: 'invoice_lines_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }),
    // Compared as text: the enum value 'correction' is added in the same migration transaction, where PostgreSQL refuses to use it yet.
    check(
      'invoice_lines_lesson_shape',
      sql`${t.kind}::text = 'discount' or (${t.kind}::text = 'correction' and ${t.lessonId} is null) or (${t.kind}::text not in ('discount', 'correction') and ${t.lessonId} is not null and ${t.studentId} is not null)`,
    ),
    index('invoice_lines_lesson_idx').on(t.lessonId, t.studentId),
    index('invoice_lines_invoice_idx').on(t.invoiceId),
  ],
);

export const paymentMethod = pgEnum('payment_method', ['transfer', 'cash', 'card']);

export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    payerParentId: uuid(),
    payerStudentId: uuid(),
    payerKey: uuid()
      .notNull()
      .generatedAlwaysAs(sql`coalesce(payer_parent_id, payer_student_id)`),
    /** The invoice the admin recorded it against (allocation still runs over all the payer's invoices). */
    invoiceId: uuid(),
    amount: integer().notNull(),
    method: paymentMethod().notNull(),
    paidOn: date({ mode: 'string' }).notNull(),
    reference: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'payments_payer_parent_fk', columns: [t.schoolId, t.payerParentId], foreignColumns: [parents.schoolId, parents.id] }),
    foreignKey({ name: 'payments_payer_student_fk', columns: [t.schoolId, t.payerStudentId], foreignColumns: [students.schoolId, students.id] }),
    foreignKey({ name: 'payments_invoice_fk', columns: [t.schoolId, t.invoiceId], foreignColumns: [invoices.schoolId, invoices.id] }),
    check('payments_one_payer', sql`(${t.payerParentId} is null) <> (${t.payerStudentId} is null)`),
    check('payments_amount', sql`${t.amount} between 1 and 1000000000`),
    check('payments_reference_length', sql`${t.reference} is null or length(${t.reference}) <= 200`),
    index('payments_payer_idx').on(t.payerKey, t.paidOn),
    index('payments_school_idx').on(t.schoolId, t.paidOn),
  ],
);

/** A tutor's pay per 60 minutes taught: for a subject, or (subject null) for everything else. */
export const tutorRates = pgTable(
  'tutor_rates',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid().notNull(),
    tutorId: uuid().notNull(),
    subjectId: uuid(),
    per60: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'tutor_rates_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }).onDelete('cascade'),
    foreignKey({ name: 'tutor_rates_subject_fk', columns: [t.schoolId, t.subjectId], foreignColumns: [subjects.schoolId, subjects.id] }).onDelete('cascade'),
    uniqueIndex('tutor_rates_one_per_subject').on(t.tutorId, sql`coalesce(${t.subjectId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    check('tutor_rates_amount', sql`${t.per60} between 0 and 10000000`),
  ],
);

export type SubjectPrice = typeof subjectPrices.$inferSelect;
export type StudentPrice = typeof studentPrices.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type InvoiceStatus = (typeof invoiceStatus.enumValues)[number];
export type InvoiceLineKind = (typeof invoiceLineKind.enumValues)[number];
export type Payment = typeof payments.$inferSelect;
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];
export type TutorRate = typeof tutorRates.$inferSelect;
