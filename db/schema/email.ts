import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools';

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'logged', 'failed']);

/**
 * Every message the system sends, written before delivery. Without an email provider a
 * message stays `logged` (stored and printed), which is how magic links work on a laptop.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid().references(() => schools.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    subject: text().notNull(),
    template: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    /** Non-secret metadata for the outbox page (e.g. lesson id); never tokens. */
    meta: jsonb().$type<Record<string, unknown>>(),
    /**
     * Makes a message at-most-once: "lesson-reminder:<lesson>:<recipient>". A second send with
     * the same key (an Inngest retry, a job run twice) is not stored and not delivered.
     */
    dedupeKey: text(),
    status: emailStatus().notNull().default('queued'),
    providerId: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('email_outbox_school_created_idx').on(t.schoolId, t.createdAt),
    uniqueIndex('email_outbox_dedupe_key').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

export type EmailOutbox = typeof emailOutbox.$inferSelect;

/**
 * Addresses that asked, through the link in an email's footer, to receive no more reminders
 * from a school (lesson, payment and makeup reminders, overdue notices). Per school and
 * address, since a reminder may go to a person without an account.
 */
export const emailUnsubscribes = pgTable(
  'email_unsubscribes',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_unsubscribes_school_email_key').on(t.schoolId, sql`lower(${t.email})`)],
);

export type EmailUnsubscribe = typeof emailUnsubscribes.$inferSelect;
