import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { lessons } from './lessons';
import { schools } from './schools';
import { students } from './students';

export const cancellationStatus = pgEnum('cancellation_status', ['pending', 'approved', 'rejected', 'withdrawn']);
export const makeupCreditStatus = pgEnum('makeup_credit_status', ['open', 'used', 'expired']);

/**
 * A student's (or a parent's, for their child) request to miss one future lesson. `late` is
 * fixed when the request is made: with less notice than the school asks for
 * (`schools.cancellation_notice_hours`) an approved request earns no makeup credit and is
 * chargeable by the school's policy. At most one pending request per lesson and student
 * (`cancellation_requests_one_pending`, a name the app maps to a sentence).
 */
export const cancellationRequests = pgTable(
  'cancellation_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    lessonId: uuid().notNull(),
    studentId: uuid().notNull(),
    requestedBy: uuid().notNull(),
    reason: text().notNull(),
    status: cancellationStatus().notNull().default('pending'),
    late: boolean().notNull(),
    /** Who moved it out of pending (the tutor or admin deciding, or the requester withdrawing). */
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('cancellation_requests_school_id_id_key').on(t.schoolId, t.id),
    foreignKey({ name: 'cancellation_requests_lesson_fk', columns: [t.schoolId, t.lessonId], foreignColumns: [lessons.schoolId, lessons.id] }).onDelete('cascade'),
    foreignKey({ name: 'cancellation_requests_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }).onDelete('cascade'),
    foreignKey({ name: 'cancellation_requests_requester_fk', columns: [t.schoolId, t.requestedBy], foreignColumns: [users.schoolId, users.id] }),
    uniqueIndex('cancellation_requests_one_pending').on(t.lessonId, t.studentId).where(sql`${t.status} = 'pending'`),
    check('cancellation_requests_reason_length', sql`length(${t.reason}) between 1 and 500`),
    check('cancellation_requests_note_length', sql`${t.decisionNote} is null or length(${t.decisionNote}) <= 500`),
    check('cancellation_requests_decided_consistent', sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
    index('cancellation_requests_school_status_idx').on(t.schoolId, t.status, t.createdAt),
    index('cancellation_requests_student_idx').on(t.studentId),
    index('cancellation_requests_lesson_idx').on(t.lessonId),
    // Decided requests, latest decision first, a page at a time (the cancellations page).
    index('cancellation_requests_school_decided_idx').on(t.schoolId, t.decidedAt.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

/**
 * One makeup lesson owed to a student, earned by a cancellation approved with enough notice.
 * Open until `expires_at`, then expired by the `makeup-expiry` job; used when a makeup lesson
 * is booked (oldest open credit first). One credit per request at most.
 */
export const makeupCredits = pgTable(
  'makeup_credits',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    studentId: uuid().notNull(),
    sourceLessonId: uuid().notNull(),
    requestId: uuid().unique('makeup_credits_request_key'),
    status: makeupCreditStatus().notNull().default('open'),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedByLessonId: uuid(),
    usedAt: timestamp({ withTimezone: true }),
    expiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'makeup_credits_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }).onDelete('cascade'),
    foreignKey({ name: 'makeup_credits_source_lesson_fk', columns: [t.schoolId, t.sourceLessonId], foreignColumns: [lessons.schoolId, lessons.id] }),
    foreignKey({ name: 'makeup_credits_used_lesson_fk', columns: [t.schoolId, t.usedByLessonId], foreignColumns: [lessons.schoolId, lessons.id] }),
    foreignKey({ name: 'makeup_credits_request_fk', columns: [t.schoolId, t.requestId], foreignColumns: [cancellationRequests.schoolId, cancellationRequests.id] }),
    check('makeup_credits_used_consistent', sql`(${t.status} = 'used') = (${t.usedByLessonId} is not null and ${t.usedAt} is not null)`),
    check('makeup_credits_expired_consistent', sql`(${t.status} = 'expired') = (${t.expiredAt} is not null)`),
    index('makeup_credits_student_status_idx').on(t.studentId, t.status, t.expiresAt),
    index('makeup_credits_open_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'open'`),
  ],
);

export type CancellationRequest = typeof cancellationRequests.$inferSelect;
export type CancellationStatus = (typeof cancellationStatus.enumValues)[number];
export type MakeupCredit = typeof makeupCredits.$inferSelect;
export type MakeupCreditStatus = (typeof makeupCreditStatus.enumValues)[number];
