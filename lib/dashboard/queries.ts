import 'server-only';
import { and, count, eq, gte, isNull, ne, notExists, sql } from 'drizzle-orm';
import { emailOutbox, parents, parentStudents, students, studentSubjects, tutors, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';

/**
 * The owner's overview of their school: how many people, and what needs attention (children
 * nobody pays for, subjects without a tutor, invitations not accepted, emails that failed).
 * One round of small counting queries, all scoped to the viewer's school.
 */
export async function getSchoolOverview(viewer: Viewer) {
  if (!can(viewer.role, 'records.manage')) return undefined;
  const db = getDb();
  const school = viewer.schoolId;
  const current = and(eq(students.schoolId, school), ne(students.status, 'archived'));
  const [byStatus, tutorRows, [parentCount], [noPayer], [noTutor], [invited], [failed]] = await Promise.all([
    db.select({ status: students.status, n: count() }).from(students).where(eq(students.schoolId, school)).groupBy(students.status),
    db.select({ status: tutors.status, n: count() }).from(tutors).where(eq(tutors.schoolId, school)).groupBy(tutors.status),
    db.select({ n: count() }).from(parents).where(and(eq(parents.schoolId, school), isNull(parents.archivedAt))),
    // Children (not adults paying for themselves) with no paying parent: nobody to invoice.
    db
      .select({ n: count() })
      .from(students)
      .where(
        and(
          current,
          eq(students.isSelfPayer, false),
          notExists(db.select({ one: sql`1` }).from(parentStudents).where(and(eq(parentStudents.studentId, students.id), eq(parentStudents.isPayer, true)))),
        ),
      ),
    db
      .select({ n: sql<number>`count(distinct ${studentSubjects.studentId})`.mapWith(Number) })
      .from(studentSubjects)
      .innerJoin(students, eq(students.id, studentSubjects.studentId))
      .where(and(current, isNull(studentSubjects.tutorId))),
    db.select({ n: count() }).from(users).where(and(eq(users.schoolId, school), eq(users.status, 'invited'))),
    db
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.schoolId, school), eq(emailOutbox.status, 'failed'), gte(emailOutbox.createdAt, sql`now() - interval '30 days'`))),
  ]);
  const statusCount = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const tutorCount = (s: string) => tutorRows.find((r) => r.status === s)?.n ?? 0;
  return {
    students: { active: statusCount('active'), paused: statusCount('paused'), archived: statusCount('archived') },
    tutors: { active: tutorCount('active'), onLeave: tutorCount('on_leave') },
    parents: parentCount.n,
    attention: { childrenWithoutPayer: noPayer.n, studentsWithoutTutor: noTutor.n, pendingInvitations: invited.n, failedEmails: failed.n },
  };
}
