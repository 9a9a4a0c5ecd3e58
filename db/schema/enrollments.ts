import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { studentLevel } from './students';
import { students } from './students';
import { subjects } from './subjects';
import { tutors } from './tutors';

/**
 * The subjects a student takes, each with their usual tutor. Until lessons exist this is
 * what makes a student "a tutor's own": a tutor reads the records of students they teach.
 */
export const studentSubjects = pgTable(
  'student_subjects',
  {
    schoolId: uuid().notNull(),
    studentId: uuid().notNull(),
    subjectId: uuid().notNull(),
    tutorId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.subjectId] }),
    foreignKey({ name: 'student_subjects_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }).onDelete('cascade'),
    foreignKey({ name: 'student_subjects_subject_fk', columns: [t.schoolId, t.subjectId], foreignColumns: [subjects.schoolId, subjects.id] }),
    foreignKey({ name: 'student_subjects_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }),
    index('student_subjects_tutor_idx').on(t.tutorId),
  ],
);

export type StudentSubject = typeof studentSubjects.$inferSelect;

/** What a tutor teaches: a subject and the levels they take it at. */
export const tutorSubjects = pgTable(
  'tutor_subjects',
  {
    schoolId: uuid().notNull(),
    tutorId: uuid().notNull(),
    subjectId: uuid().notNull(),
    levels: studentLevel().array().notNull().default(sql`'{}'`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tutorId, t.subjectId] }),
    foreignKey({ name: 'tutor_subjects_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }).onDelete('cascade'),
    foreignKey({ name: 'tutor_subjects_subject_fk', columns: [t.schoolId, t.subjectId], foreignColumns: [subjects.schoolId, subjects.id] }),
    index('tutor_subjects_subject_idx').on(t.subjectId),
  ],
);

export type TutorSubject = typeof tutorSubjects.$inferSelect;
