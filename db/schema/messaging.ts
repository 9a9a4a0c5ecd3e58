import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { schools } from './schools';
import { students } from './students';
import { tutors } from './tutors';

/**
 * Who a thread's family side is: `family` is the student's parents (every parent linked to the
 * child reads it; those with `full` access write), `student` is the student themself. A child
 * does not read what their parents write to the school, nor the other way round.
 */
export const threadAudience = pgEnum('thread_audience', ['family', 'student']);

/**
 * A conversation about one student between their family side and the school's side: one tutor
 * (`tutor_id`), or the office (`tutor_id` null: every admin reads it). A tutor reads only
 * threads addressed to them about students they teach; the admin reads all of the school's.
 * Threads are never deleted with a person: archiving keeps them readable for the school.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    studentId: uuid().notNull(),
    /** The tutor the family writes with; null for the office. */
    tutorId: uuid(),
    audience: threadAudience().notNull(),
    subject: text().notNull(),
    createdBy: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The newest message's time: threads list newest first, and unread counts compare to it. */
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('message_threads_school_id_id_key').on(t.schoolId, t.id),
    foreignKey({ name: 'message_threads_student_fk', columns: [t.schoolId, t.studentId], foreignColumns: [students.schoolId, students.id] }).onDelete('cascade'),
    foreignKey({ name: 'message_threads_tutor_fk', columns: [t.schoolId, t.tutorId], foreignColumns: [tutors.schoolId, tutors.id] }),
    foreignKey({ name: 'message_threads_creator_fk', columns: [t.schoolId, t.createdBy], foreignColumns: [users.schoolId, users.id] }),
    check('message_threads_subject_length', sql`length(${t.subject}) between 1 and 120`),
    index('message_threads_school_last_idx').on(t.schoolId, t.lastMessageAt),
    index('message_threads_student_idx').on(t.studentId),
    index('message_threads_tutor_idx').on(t.tutorId, t.lastMessageAt),
  ],
);

export type MessageThread = typeof messageThreads.$inferSelect;

/** One message: plain text, shown as text (never as HTML). */
export const messages = pgTable(
  'messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    threadId: uuid().notNull(),
    authorId: uuid().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'messages_thread_fk', columns: [t.schoolId, t.threadId], foreignColumns: [messageThreads.schoolId, messageThreads.id] }).onDelete('cascade'),
    foreignKey({ name: 'messages_author_fk', columns: [t.schoolId, t.authorId], foreignColumns: [users.schoolId, users.id] }),
    check('messages_body_length', sql`length(${t.body}) between 1 and 4000`),
    index('messages_thread_created_idx').on(t.threadId, t.createdAt),
  ],
);

export type Message = typeof messages.$inferSelect;

/**
 * Per person and thread: how far they have read (`last_read_at`), and how far the new-message
 * email has told them (`notified_at`), so the digest job never mentions a message twice and
 * skips what was read in the app first.
 */
export const messageReads = pgTable(
  'message_reads',
  {
    schoolId: uuid().notNull(),
    threadId: uuid().notNull(),
    userId: uuid().notNull(),
    lastReadAt: timestamp({ withTimezone: true }),
    notifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.userId] }),
    foreignKey({ name: 'message_reads_thread_fk', columns: [t.schoolId, t.threadId], foreignColumns: [messageThreads.schoolId, messageThreads.id] }).onDelete('cascade'),
    foreignKey({ name: 'message_reads_user_fk', columns: [t.schoolId, t.userId], foreignColumns: [users.schoolId, users.id] }).onDelete('cascade'),
    index('message_reads_user_idx').on(t.userId),
  ],
);
