import 'server-only';
import { and, eq, exists, isNotNull, sql, type SQL } from 'drizzle-orm';
import { messageThreads, students, tutors } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { studentVisibility } from '@/lib/students/queries';

/**
 * The threads a viewer may read, as SQL over `message_threads`:
 * - admin: every thread of the school (the office's and every tutor's);
 * - tutor: threads addressed to them, about a student they teach now;
 * - parent: `family` threads about their children (view or full access);
 * - student: their own `student` threads.
 */
export function threadVisibility(viewer: Viewer): SQL {
  const school = eq(messageThreads.schoolId, viewer.schoolId);
  const db = getDb();
  // The thread's student is one the viewer may see (their own, their child, their student):
  // the students domain's own rule, not a copy of it.
  const aboutVisibleStudent = exists(db.select({ one: sql`1` }).from(students).where(and(eq(students.id, messageThreads.studentId), studentVisibility(viewer))));
  switch (viewer.role) {
    case 'admin':
      return school;
    case 'tutor':
      return and(
        school,
        isNotNull(messageThreads.tutorId),
        exists(db.select({ one: sql`1` }).from(tutors).where(and(eq(tutors.id, messageThreads.tutorId), eq(tutors.userId, viewer.userId)))),
        aboutVisibleStudent,
      )!;
    case 'parent':
      return and(school, eq(messageThreads.audience, 'family'), aboutVisibleStudent)!;
    case 'student':
      return and(school, eq(messageThreads.audience, 'student'), aboutVisibleStudent)!;
  }
}

/**
 * Whether the viewer may write in a thread they can read: staff and the student always; a
 * parent only with `full` access to the child (a `view` parent reads, and that is all).
 */
export function mayWrite(role: Viewer['role'], access: 'view' | 'full' | null): boolean {
  return role !== 'parent' || access === 'full';
}
