import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    status: emailStatus().notNull().default('queued'),
    providerId: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('email_outbox_school_created_idx').on(t.schoolId, t.createdAt)],
);

export type EmailOutbox = typeof emailOutbox.$inferSelect;
