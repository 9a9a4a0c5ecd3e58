import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { sortKey } from './sort-key';

export const userRole = pgEnum('user_role', ['admin', 'tutor', 'student', 'parent']);
export const userStatus = pgEnum('user_status', ['invited', 'active', 'deactivated']);

export type Role = (typeof userRole.enumValues)[number];

/**
 * A person who can sign in. A user belongs to exactly one school; the email is unique
 * across the installation (compared case-insensitively) so sign-in needs no school picker.
 */
export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    role: userRole().notNull(),
    status: userStatus().notNull().default('invited'),
    email: text().notNull(),
    name: text().notNull(),
    /** Null for parents (magic link only) and for accounts that have not set a password. */
    passwordHash: text(),
    emailVerified: timestamp({ withTimezone: true }),
    /** Bumped on deactivation or role change: a token carrying an older version is refused. */
    sessionVersion: integer().notNull().default(1),
    locale: text().notNull().default('pl'),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_school_role_idx').on(t.schoolId, t.role),
    // The accounts list's order (lib/db/sql.ts polishOrder): a page reads only its own rows.
    index('users_name_order_idx').on(t.schoolId, sortKey(t.name), t.name, t.id),
    // Lets school-owned tables point at (school_id, user_id) so a link can never cross schools.
    unique('users_school_id_id_key').on(t.schoolId, t.id),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
