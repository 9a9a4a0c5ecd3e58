import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { STUDENT_LEVELS } from '../../lib/students/levels';
import { schools } from './schools';
import { users } from './accounts';
import { sortKey } from './sort-key';

export const studentLevel = pgEnum('student_level', STUDENT_LEVELS);
export const studentStatus = pgEnum('student_status', ['active', 'paused', 'archived']);

/** A learner. Children have parents who pay; an adult student may pay for themself. */
export const students = pgTable(
  'students',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    /** Set when the student has their own login. */
    userId: uuid().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    birthDate: date({ mode: 'string' }),
    /** The student's own school and class, e.g. "SP 12" / "klasa 7". */
    schoolName: text(),
    className: text(),
    level: studentLevel().notNull(),
    email: text(),
    phone: text(),
    /** Staff-only notes; never shown to students or parents. */
    notes: text(),
    status: studentStatus().notNull().default('active'),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** An adult paying their own invoices. */
    isSelfPayer: boolean().notNull().default(false),
    /** When the person's data was erased (GDPR art. 17): the row stays as history, without personal data. */
    anonymisedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Folded name and email for search (see migration 0005); maintained by PostgreSQL. */
    searchText: text().generatedAlwaysAs(sql`tutorhub_fold(first_name || ' ' || last_name || ' ' || coalesce(email, ''))`),
  },
  (t) => [
    index('students_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    unique('students_school_id_id_key').on(t.schoolId, t.id),
    foreignKey({ name: 'students_user_same_school_fk', columns: [t.schoolId, t.userId], foreignColumns: [users.schoolId, users.id] }),
    index('students_school_status_idx').on(t.schoolId, t.status),
    // The list's default order (lib/db/sql.ts polishOrder), so a page of 25 reads 25 rows
    // instead of computing the sort key for every student of the school.
    index('students_name_order_idx').on(t.schoolId, sortKey(t.lastName), t.lastName, sortKey(t.firstName), t.firstName, t.id),
  ],
);

export type Student = typeof students.$inferSelect;
export type NewStudent = typeof students.$inferInsert;
