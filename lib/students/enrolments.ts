import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { studentSubjects, subjects, tutors } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';

/**
 * Subjects and tutors picked in a form must be this school's: an id from the client is never
 * trusted (the composite foreign keys would refuse too, but this answers in words).
 */
export async function assertEnrolmentsInSchool(tx: Tx, viewer: Viewer, list: { subjectId: string; tutorId: string | null }[]) {
  const subjectIds = [...new Set(list.map((e) => e.subjectId))];
  const tutorIds = [...new Set(list.map((e) => e.tutorId).filter((v): v is string => Boolean(v)))];
  const [foundSubjects, foundTutors] = await Promise.all([
    subjectIds.length ? tx.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.schoolId, viewer.schoolId), inArray(subjects.id, subjectIds))) : [],
    tutorIds.length ? tx.select({ id: tutors.id }).from(tutors).where(and(eq(tutors.schoolId, viewer.schoolId), inArray(tutors.id, tutorIds))) : [],
  ]);
  if (foundSubjects.length !== subjectIds.length || foundTutors.length !== tutorIds.length) throw new AppError('NOT_FOUND');
}

/** Replaces a student's subjects (with their usual tutors) by `list`. */
export async function replaceEnrolments(tx: Tx, viewer: Viewer, studentId: string, list: { subjectId: string; tutorId: string | null }[]) {
  await tx.delete(studentSubjects).where(eq(studentSubjects.studentId, studentId));
  if (list.length) await tx.insert(studentSubjects).values(list.map((e) => ({ schoolId: viewer.schoolId, studentId, subjectId: e.subjectId, tutorId: e.tutorId })));
}

