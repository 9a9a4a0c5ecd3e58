import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, text, time, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { schools } from './schools';
import { students } from './students';
import { rooms, subjects } from './subjects';
import { tutors } from './tutors';

/**
 * A weekly lesson series: the same tutor, subject, place and students on the given weekdays
 * (ISO 1 = Monday … 7 = Sunday) at a wall-clock `startTime` in the school's zone, from
 * `firstDate` to `lastDate` inclusive. Its lessons are ordinary rows in `lessons` with
 * `series_id` set, created up front (so the database's no-overlap constraints judge each one);
 * the series keeps the rule so "this and the following" can be re-planned.
 */
export const lessonSeries = pgTable(
  'lesson_series',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    tutorId: uuid().notNull(),
    subjectId: uuid().notNull(),
    roomId: uuid(),
    meetingUrl: text(),
    /** 'individual' or 'group', as on lessons (text here: lessons.ts imports this file, an enum import back would be circular). */
    kind: text({ enum: ['individual', 'group'] }).notNull().default('individual'),
    capacity: integer().notNull().default(1),
    weekdays: smallint().array().notNull(),
    startTime: time().notNull(),
    durationMinutes: integer().notNull(),
    firstDate: date({ mode: 'string' }).notNull(),
    lastDate: date({ mode: 'string' }).notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('lesson_series_school_id_id_key').on(t.schoolId, t.id),
    foreignKey({ name: 'lesson_series_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }),
    foreignKey({ name: 'lesson_series_subject_fk', columns: [t.schoolId, t.subjectId], foreignColumns: [subjects.schoolId, subjects.id] }),
    foreignKey({ name: 'lesson_series_room_fk', columns: [t.schoolId, t.roomId], foreignColumns: [rooms.schoolId, rooms.id] }),
    check('lesson_series_place_present', sql`${t.roomId} is not null or ${t.meetingUrl} is not null`),
    check('lesson_series_meeting_url_http', sql`${t.meetingUrl} is null or (${t.meetingUrl} ~* '^https?://[^[:space:]]+$' and length(${t.meetingUrl}) <= 500)`),
    check('lesson_series_weekdays_valid', sql`cardinality(${t.weekdays}) between 1 and 7 and ${t.weekdays} <@ array[1,2,3,4,5,6,7]::smallint[]`),
    check('lesson_series_duration_valid', sql`${t.durationMinutes} between 15 and 480`),
    check('lesson_series_dates_valid', sql`${t.firstDate} <= ${t.lastDate} and ${t.lastDate} - ${t.firstDate} <= 400`),
    check('lesson_series_capacity_kind', sql`(${t.kind} = 'individual' and ${t.capacity} = 1) or (${t.kind} = 'group' and ${t.capacity} between 2 and 100)`),
    index('lesson_series_school_idx').on(t.schoolId, t.lastDate),
  ],
);

/** The students of a series: each of its new lessons is booked for them. */
export const seriesStudents = pgTable(
  'series_students',
  {
    schoolId: uuid().notNull(),
    seriesId: uuid().notNull(),
    studentId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.seriesId, t.studentId] }),
    foreignKey({ name: 'series_students_series_fk', columns: [t.schoolId, t.seriesId], foreignColumns: [lessonSeries.schoolId, lessonSeries.id] }).onDelete('cascade'),
    foreignKey({ name: 'series_students_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }),
    index('series_students_student_idx').on(t.studentId),
  ],
);

export type LessonSeries = typeof lessonSeries.$inferSelect;
export type NewLessonSeries = typeof lessonSeries.$inferInsert;
