import { sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { lessonSeries } from './series';
import { students } from './students';
import { rooms, subjects } from './subjects';
import { tutors } from './tutors';

/** A half-open span of time `[start, end)`, as PostgreSQL's `tstzrange` holds it. */
export type TimeSpan = { start: Date; end: Date };

/**
 * `tstzrange` as `{ start, end }`. Always written half-open (`[)`), so a lesson 16:00–17:00
 * and one 17:00–18:00 touch without overlapping. Drizzle has no range type (STACK-NOTES).
 */
export const tstzrange = customType<{ data: TimeSpan; driverData: string }>({
  dataType: () => 'tstzrange',
  toDriver: (span) => `[${span.start.toISOString()},${span.end.toISOString()})`,
  fromDriver: (value) => parseTstzrange(value),
});

/**
 * Parses PostgreSQL's text form of a bounded range: `["2026-12-01 15:00:00+00","2026-12-01 16:00:00+00")`.
 * Bounds come in the session's zone with an offset of hours (`+01`) or hours and minutes.
 */
export function parseTstzrange(value: string): TimeSpan {
  const m = /^[[(]"?([^",]+)"?,"?([^",]+)"?[\])]$/.exec(value.trim());
  if (!m) throw new Error(`not a bounded tstzrange: ${value}`);
  return { start: parsePgTimestamp(m[1]), end: parsePgTimestamp(m[2]) };
}

/** `2026-12-01 15:00:00+00` (or with fractions, `+05:30`) as a Date; ISO strings pass too. */
export function parsePgTimestamp(value: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?(?::?\d{2})?)$/.exec(value.trim());
  if (!m) throw new Error(`not a timestamp with time zone: ${value}`);
  let offset = m[3];
  if (offset !== 'Z') {
    // JavaScript wants ±HH:MM; PostgreSQL may print ±HH or ±HH:MM:SS (historic zones).
    const digits = offset.slice(1).replace(/:/g, '');
    offset = `${offset[0]}${digits.slice(0, 2)}:${(digits.slice(2, 4) || '00')}`;
  }
  const date = new Date(`${m[1]}T${m[2]}${offset}`);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp with time zone: ${value}`);
  return date;
}

export const lessonKind = pgEnum('lesson_kind', ['individual', 'group']);
export const lessonStatus = pgEnum('lesson_status', ['scheduled', 'completed', 'cancelled']);

/**
 * One lesson: a tutor teaching a subject in a room or online, at a time. The database
 * guarantees that no tutor, room or student is in two overlapping non-cancelled lessons
 * (exclusion constraints and the capacity trigger in migration 0010).
 */
export const lessons = pgTable(
  'lessons',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    tutorId: uuid().notNull(),
    subjectId: uuid().notNull(),
    /** Where it takes place; null for an online lesson. */
    roomId: uuid(),
    /** The online meeting (http or https); a lesson has a room, a link, or both. */
    meetingUrl: text(),
    during: tstzrange().notNull(),
    kind: lessonKind().notNull().default('individual'),
    /** Places in the group; always 1 for an individual lesson. */
    capacity: integer().notNull().default(1),
    status: lessonStatus().notNull().default('scheduled'),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    /** The weekly series this lesson was planned from; null for a one-off lesson. */
    seriesId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('lessons_school_id_id_key').on(t.schoolId, t.id),
    foreignKey({ name: 'lessons_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }),
    foreignKey({ name: 'lessons_subject_fk', columns: [t.schoolId, t.subjectId], foreignColumns: [subjects.schoolId, subjects.id] }),
    foreignKey({ name: 'lessons_room_fk', columns: [t.schoolId, t.roomId], foreignColumns: [rooms.schoolId, rooms.id] }),
    foreignKey({ name: 'lessons_series_fk', columns: [t.schoolId, t.seriesId], foreignColumns: [lessonSeries.schoolId, lessonSeries.id] }),
    check('lessons_place_present', sql`${t.roomId} is not null or ${t.meetingUrl} is not null`),
    check('lessons_meeting_url_http', sql`${t.meetingUrl} is null or (${t.meetingUrl} ~* '^https?://[^[:space:]]+$' and length(${t.meetingUrl}) <= 500)`),
    // Bounded, non-empty, half-open, at most 8 hours: what a lesson can be.
    check(
      'lessons_during_valid',
      sql`not isempty(${t.during}) and not lower_inf(${t.during}) and not upper_inf(${t.during}) and lower_inc(${t.during}) and not upper_inc(${t.during}) and upper(${t.during}) - lower(${t.during}) <= interval '8 hours'`,
    ),
    check('lessons_capacity_kind', sql`(${t.kind} = 'individual' and ${t.capacity} = 1) or (${t.kind} = 'group' and ${t.capacity} between 2 and 100)`),
    check('lessons_cancelled_consistent', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    check('lessons_cancel_reason_length', sql`${t.cancelReason} is null or length(${t.cancelReason}) <= 500`),
    index('lessons_school_during_idx').using('gist', t.schoolId, t.during),
    index('lessons_subject_idx').on(t.subjectId),
    index('lessons_room_idx').on(t.roomId),
    index('lessons_series_idx').on(t.seriesId),
    // Lessons by start time: the dashboard's next lessons (school) and a tutor's day and week
    // (tutor) filter and sort on lower(during), which the gist index above cannot order by.
    index('lessons_school_start_idx').on(t.schoolId, sql`lower(${t.during})`),
    index('lessons_tutor_start_idx').on(t.tutorId, sql`lower(${t.during})`),
  ],
);

/**
 * The students of a lesson. `during` and `active` copy the lesson's time and "not cancelled"
 * so that the student exclusion constraint can live on this table; a trigger keeps them in
 * step with the lesson (migration 0010) — never write them from the app.
 */
export const lessonStudents = pgTable(
  'lesson_students',
  {
    schoolId: uuid().notNull(),
    lessonId: uuid().notNull(),
    studentId: uuid().notNull(),
    /** Copied from the lesson by a trigger; the default is only a placeholder it replaces. */
    during: tstzrange()
      .notNull()
      .default(sql`'empty'::tstzrange`),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.lessonId, t.studentId] }),
    foreignKey({ name: 'lesson_students_lesson_fk', columns: [t.schoolId, t.lessonId], foreignColumns: [lessons.schoolId, lessons.id] }).onDelete('cascade'),
    foreignKey({ name: 'lesson_students_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }),
    index('lesson_students_student_idx').on(t.studentId),
  ],
);

export type Lesson = typeof lessons.$inferSelect;
export type NewLesson = typeof lessons.$inferInsert;
export type LessonStudent = typeof lessonStudents.$inferSelect;
export type LessonKind = (typeof lessonKind.enumValues)[number];
export type LessonStatus = (typeof lessonStatus.enumValues)[number];
