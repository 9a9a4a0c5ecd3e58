import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { parents } from './parents';
import { schools } from './schools';
import { CONSENT_KINDS, CONSENT_SOURCES } from '../../lib/gdpr/kinds';
import { students } from './students';

export { CONSENT_KINDS, CONSENT_SOURCES };

export const consentKind = pgEnum('consent_kind', CONSENT_KINDS);
export const consentSource = pgEnum('consent_source', CONSENT_SOURCES);

/**
 * The consents a school collects from a student or a parent (the use of their image, marketing
 * messages). Never updated: each grant or withdrawal is a new row, so the history shows who
 * recorded what, when and how it was given; the newest row of a kind is the current state.
 * Erasure keeps the rows (proof that the school asked) but clears the note.
 */
export const personConsents = pgTable(
  'person_consents',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    studentId: uuid(),
    parentId: uuid(),
    kind: consentKind().notNull(),
    granted: boolean().notNull(),
    /** The day the person gave or withdrew it (the form's date), in the school's calendar. */
    givenOn: date({ mode: 'string' }).notNull(),
    source: consentSource().notNull(),
    note: text(),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'person_consents_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }).onDelete('cascade'),
    foreignKey({ name: 'person_consents_parent_fk', columns: [t.schoolId, t.parentId], foreignColumns: [parents.schoolId, parents.id] }).onDelete('cascade'),
    check('person_consents_one_person', sql`(${t.studentId} is null) <> (${t.parentId} is null)`),
    check('person_consents_note_length', sql`${t.note} is null or length(${t.note}) <= 500`),
    index('person_consents_student_idx').on(t.studentId, t.kind, t.createdAt),
    index('person_consents_parent_idx').on(t.parentId, t.kind, t.createdAt),
  ],
);

export type PersonConsent = typeof personConsents.$inferSelect;
export type { ConsentKind, ConsentSource } from '../../lib/gdpr/kinds';
