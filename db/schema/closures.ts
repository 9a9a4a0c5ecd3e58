import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { schools } from './schools';

export const closureKind = pgEnum('closure_kind', ['break', 'day_off']);

/**
 * Days the school does not teach, `firstDay` to `lastDay` inclusive, as calendar dates in the
 * school's zone: breaks (winter break differs per voivodeship and year, so it is data the
 * admin keeps, not a rule) and single days off. Public holidays are not stored here: they come
 * from the holiday library.
 */
export const schoolClosures = pgTable(
  'school_closures',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    firstDay: date({ mode: 'string' }).notNull(),
    lastDay: date({ mode: 'string' }).notNull(),
    name: text().notNull(),
    kind: closureKind().notNull().default('day_off'),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('school_closures_span_check', sql`${t.firstDay} <= ${t.lastDay} and ${t.lastDay} - ${t.firstDay} <= 120`),
    check('school_closures_name_check', sql`length(btrim(${t.name})) between 1 and 120`),
    index('school_closures_school_idx').on(t.schoolId, t.firstDay),
  ],
);

export type SchoolClosure = typeof schoolClosures.$inferSelect;
export type ClosureKind = (typeof closureKind.enumValues)[number];
