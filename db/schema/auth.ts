import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';

/**
 * Auth.js magic-link tokens. Auth.js stores only a SHA-256 of token + secret, deletes the
 * row when it is used (single use) and refuses it after `expires` (10 minutes).
 */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const accountTokenPurpose = pgEnum('account_token_purpose', ['invite', 'password_reset']);

/** Invitation and password-reset links: hashed, single use, with an expiry. */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: accountTokenPurpose().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);

/**
 * Fixed-window counters for rate limits (sign-in, magic links). In PostgreSQL, not in
 * memory, so every app replica sees the same counts.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

/**
 * One row per sign-in. The session cookie is a signed JWT carrying this row's id (`sid`), so
 * signing out can end the session on the server (a copied cookie stops working), and a
 * session ends at `expires_at` however active it is (SESSION_MAX_HOURS).
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export type AccountToken = typeof accountTokens.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
