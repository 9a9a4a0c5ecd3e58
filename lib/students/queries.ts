import 'server-only';
import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { parents, parentStudents, students, studentSubjects, tutors } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';

/**
 * Which students the viewer may see, as one SQL condition: an admin every student of the
 * school; a tutor the students they teach; a parent their linked children; a student themself.
 * Always within the viewer's school.
 */
export function studentVisibility(viewer: Viewer): SQL {
  const school = eq(students.schoolId, viewer.schoolId);
  switch (viewer.role) {
    case 'admin':
      return school;
    case 'tutor':
      return and(
        school,
        exists(
          getDb()
            .select({ one: sql`1` })
            .from(studentSubjects)
            .innerJoin(tutors, eq(tutors.id, studentSubjects.tutorId))
            .where(and(eq(studentSubjects.studentId, students.id), eq(tutors.userId, viewer.userId))),
        ),
      )!;
    case 'parent':
      return and(
        school,
        exists(
          getDb()
            .select({ one: sql`1` })
            .from(parentStudents)
            .innerJoin(parents, eq(parents.id, parentStudents.parentId))
            .where(and(eq(parentStudents.studentId, students.id), eq(parents.userId, viewer.userId))),
        ),
      )!;
    case 'student':
      return and(school, eq(students.userId, viewer.userId))!;
  }
}

const studentSummary = {
  id: students.id,
  firstName: students.firstName,
  lastName: students.lastName,
  level: students.level,
  status: students.status,
  schoolName: students.schoolName,
  className: students.className,
};

/** One student if the viewer may see them, else undefined (the page answers 404). */
export async function getStudent(viewer: Viewer, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await getDb()
    .select({ ...studentSummary, email: students.email, phone: students.phone, birthDate: students.birthDate })
    .from(students)
    .where(and(eq(students.id, id), studentVisibility(viewer)));
  return row;
}

/** The students the viewer may see, sorted by surname in Polish order (Ł after L). */
export async function listVisibleStudents(viewer: Viewer, options: { limit?: number } = {}) {
  return getDb()
    .select(studentSummary)
    .from(students)
    .where(and(studentVisibility(viewer), sql`${students.status} <> 'archived'`))
    .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName))
    .limit(options.limit ?? 50);
}

/** A parent's access to one of their children: 'full', 'view', or undefined when not linked. */
export async function parentAccessTo(viewer: Viewer, studentId: string) {
  const [row] = await getDb()
    .select({ access: parentStudents.access })
    .from(parentStudents)
    .innerJoin(parents, eq(parents.id, parentStudents.parentId))
    .where(and(eq(parentStudents.studentId, studentId), eq(parents.userId, viewer.userId), eq(parentStudents.schoolId, viewer.schoolId)));
  return row?.access;
}

export function isUuid(value: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
