import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { students, tutors } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { parentAccess } from '@/lib/families/access';

/**
 * Who may ask to cancel (or withdraw a request for) a student's lesson: the student
 * themself, or a parent with `full` access to that child. A parent with `view` access is
 * told they cannot (FORBIDDEN: they already see the child, nothing is probed); anyone else
 * gets NOT_FOUND.
 */
export async function assertMayRequestFor(tx: Tx, viewer: Viewer, studentId: string): Promise<void> {
  if (viewer.role === 'student') {
    const [own] = await tx
      .select({ id: students.id })
      .from(students)
      .where(and(eq(students.id, studentId), eq(students.userId, viewer.userId), eq(students.schoolId, viewer.schoolId)));
    if (!own) throw new AppError('NOT_FOUND');
    return;
  }
  if (viewer.role === 'parent') {
    const access = await parentAccess(tx, viewer, studentId);
    if (!access) throw new AppError('NOT_FOUND');
    if (access !== 'full') throw new AppError('FORBIDDEN', (await getTranslations('cancellations'))('viewOnly'));
    return;
  }
  throw new AppError('FORBIDDEN');
}

/** The tutor record of a signed-in tutor, or undefined for anyone else. */
export async function ownTutorId(tx: Tx, viewer: Viewer): Promise<string | undefined> {
  if (viewer.role !== 'tutor') return undefined;
  const [row] = await tx
    .select({ id: tutors.id })
    .from(tutors)
    .where(and(eq(tutors.userId, viewer.userId), eq(tutors.schoolId, viewer.schoolId)));
  return row?.id;
}
