import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { lessons, lessonStudents } from './lessons';

export const attendanceStatus = pgEnum('attendance_status', ['present', 'late', 'absent', 'excused']);

/**
 * Who came to a lesson: one row per marked student (no row = not marked yet). A table of its
 * own rather than columns on `lesson_students`: that table's rows are rewritten by the
 * lessons triggers (time copy, capacity, locking), and the mark has its own author and time.
 * It hangs off the enrolment, so unenrolling a student takes their mark with it, and off the
 * lesson within the same school, so a mark can never point across schools.
 */
export const lessonAttendance = pgTable(
  'lesson_attendance',
  {
    schoolId: uuid().notNull(),
    lessonId: uuid().notNull(),
    studentId: uuid().notNull(),
    status: attendanceStatus().notNull(),
    markedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.studentId] }),
    foreignKey({ name: 'lesson_attendance_lesson_fk', columns: [t.schoolId, t.lessonId], foreignColumns: [lessons.schoolId, lessons.id] }).onDelete('cascade'),
    foreignKey({
      name: 'lesson_attendance_enrolment_fk',
      columns: [t.lessonId, t.studentId],
      foreignColumns: [lessonStudents.lessonId, lessonStudents.studentId],
    }).onDelete('cascade'),
    index('lesson_attendance_student_idx').on(t.studentId),
  ],
);

/**
 * What a lesson covered, written by its tutor: the topic, the homework and a note. The
 * student and their parents read it as the progress history. One row per lesson.
 */
export const lessonNotes = pgTable(
  'lesson_notes',
  {
    lessonId: uuid().primaryKey(),
    schoolId: uuid().notNull(),
    topic: text(),
    homework: text(),
    note: text(),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'lesson_notes_lesson_fk', columns: [t.schoolId, t.lessonId], foreignColumns: [lessons.schoolId, lessons.id] }).onDelete('cascade'),
    check('lesson_notes_topic_length', sql`${t.topic} is null or length(${t.topic}) <= 200`),
    check('lesson_notes_homework_length', sql`${t.homework} is null or length(${t.homework}) <= 2000`),
    check('lesson_notes_note_length', sql`${t.note} is null or length(${t.note}) <= 2000`),
  ],
);

export type LessonAttendance = typeof lessonAttendance.$inferSelect;
export type AttendanceStatus = (typeof attendanceStatus.enumValues)[number];
export type LessonNotes = typeof lessonNotes.$inferSelect;
