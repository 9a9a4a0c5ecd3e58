import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { users } from './accounts';
import { students } from './students';
import { sortKey } from './sort-key';

export const linkAccess = pgEnum('link_access', ['view', 'full']);

/** A parent or guardian. Billing details are what goes on their invoices. */
export const parents = pgTable(
  'parents',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text().notNull(),
    phone: text(),
    preferredLanguage: text().notNull().default('pl'),
    billingName: text(),
    billingAddress: text(),
    /** Set when an employer pays: invoices then go to the company with its NIP. */
    companyName: text(),
    companyNip: text(),
    companyAddress: text(),
    archivedAt: timestamp({ withTimezone: true }),
    /** When the person's data was erased (GDPR art. 17): the row stays as history, without personal data. */
    anonymisedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Folded name, email, phone and company for search (see migration 0005). */
    searchText: text().generatedAlwaysAs(
      sql`tutorhub_fold(first_name || ' ' || last_name || ' ' || email || ' ' || coalesce(phone, '') || ' ' || coalesce(company_name, ''))`,
    ),
  },
  (t) => [
    index('parents_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    unique('parents_school_id_id_key').on(t.schoolId, t.id),
    foreignKey({ name: 'parents_user_same_school_fk', columns: [t.schoolId, t.userId], foreignColumns: [users.schoolId, users.id] }),
    index('parents_school_idx').on(t.schoolId),
    // The list's default order (lib/db/sql.ts polishOrder): a page reads only its own rows.
    index('parents_name_order_idx').on(t.schoolId, sortKey(t.lastName), t.lastName, sortKey(t.firstName), t.firstName, t.id),
  ],
);

/**
 * Who may see a child and who pays for them. A child may have two parents, a parent several
 * children. The composite keys make a link across two schools impossible.
 */
export const parentStudents = pgTable(
  'parent_students',
  {
    schoolId: uuid().notNull(),
    parentId: uuid().notNull(),
    studentId: uuid().notNull(),
    access: linkAccess().notNull().default('full'),
    isPayer: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.parentId, t.studentId] }),
    foreignKey({ name: 'parent_students_parent_fk', columns: [t.schoolId, t.parentId], foreignColumns: [parents.schoolId, parents.id] }).onDelete('cascade'),
    foreignKey({ name: 'parent_students_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }).onDelete('cascade'),
    index('parent_students_student_idx').on(t.studentId),
  ],
);

export type Parent = typeof parents.$inferSelect;
export type NewParent = typeof parents.$inferInsert;
export type ParentStudent = typeof parentStudents.$inferSelect;
