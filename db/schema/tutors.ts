import { sql } from 'drizzle-orm';
import { foreignKey, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { users } from './accounts';

export const tutorStatus = pgEnum('tutor_status', ['active', 'on_leave', 'left']);

/** A tutor of the school. Their colour marks their lessons in the calendar. */
export const tutors = pgTable(
  'tutors',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text(),
    phone: text(),
    color: text().notNull().default('#6366f1'),
    bio: text(),
    status: tutorStatus().notNull().default('active'),
    /** When the person's data was erased (GDPR art. 17): the row stays as history, without personal data. */
    anonymisedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Folded name and email for search (see migration 0005). */
    searchText: text().generatedAlwaysAs(sql`tutorhub_fold(first_name || ' ' || last_name || ' ' || coalesce(email, ''))`),
  },
  (t) => [
    index('tutors_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    unique('tutors_school_id_id_key').on(t.schoolId, t.id),
    foreignKey({ name: 'tutors_user_same_school_fk', columns: [t.schoolId, t.userId], foreignColumns: [users.schoolId, users.id] }),
    index('tutors_school_status_idx').on(t.schoolId, t.status),
  ],
);

export type Tutor = typeof tutors.$inferSelect;
export type NewTutor = typeof tutors.$inferInsert;
