import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, smallint, text, time, timestamp, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { tutors } from './tutors';

/**
 * A tutor's weekly working hours: on `weekday` (1 = Monday … 7 = Sunday) from `startTime` to
 * `endTime`, school wall-clock time (so 14:00 stays 14:00 across DST). A day may hold several
 * intervals; intervals of one tutor and weekday never overlap (exclusion constraint
 * `tutor_availability_no_overlap`, a custom migration). A tutor with no rows is not restricted.
 */
export const tutorAvailability = pgTable(
  'tutor_availability',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    tutorId: uuid().notNull(),
    weekday: smallint().notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'tutor_availability_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }).onDelete('cascade'),
    check('tutor_availability_weekday_check', sql`${t.weekday} between 1 and 7`),
    check('tutor_availability_span_check', sql`${t.startTime} < ${t.endTime}`),
    index('tutor_availability_tutor_idx').on(t.tutorId, t.weekday),
  ],
);

export type TutorAvailability = typeof tutorAvailability.$inferSelect;

/**
 * Whole days a tutor does not teach, `firstDay` to `lastDay` inclusive, as calendar dates in
 * the school's zone (a holiday, a conference, sick leave).
 */
export const tutorTimeOff = pgTable(
  'tutor_time_off',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    tutorId: uuid().notNull(),
    firstDay: date({ mode: 'string' }).notNull(),
    lastDay: date({ mode: 'string' }).notNull(),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'tutor_time_off_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }).onDelete('cascade'),
    check('tutor_time_off_span_check', sql`${t.firstDay} <= ${t.lastDay}`),
    index('tutor_time_off_tutor_idx').on(t.tutorId, t.lastDay),
  ],
);

export type TutorTimeOff = typeof tutorTimeOff.$inferSelect;
