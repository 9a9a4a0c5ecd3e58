import 'server-only';
import { and, asc, eq, ne } from 'drizzle-orm';
import { parents, parentStudents, students } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { polishOrder } from '@/lib/db/sql';
import { pickChild } from './rules';

/**
 * Reads for the family portal's choice of child. The child's lessons, progress and requests
 * come from their own domains (attendance, cancellations), each scoped to the viewer there.
 */

export type OwnChild = {
  id: string;
  firstName: string;
  lastName: string;
  level: string;
  schoolName: string | null;
  className: string | null;
  status: 'active' | 'paused' | 'archived';
  /** What this parent may do for the child: `full` asks for cancellations, `view` only reads. */
  access: 'view' | 'full';
};

/**
 * A parent's own children (not archived) with their access to each, in Polish surname then
 * first-name order, as the rest of the portal lists them. Nobody else has children: [].
 */
export async function listOwnChildren(viewer: Viewer): Promise<OwnChild[]> {
  if (viewer.role !== 'parent' || !can(viewer.role, 'home.view')) return [];
  return getDb()
    .select({
      id: students.id,
      firstName: students.firstName,
      lastName: students.lastName,
      level: students.level,
      schoolName: students.schoolName,
      className: students.className,
      status: students.status,
      access: parentStudents.access,
    })
    .from(parentStudents)
    .innerJoin(parents, eq(parents.id, parentStudents.parentId))
    .innerJoin(students, and(eq(students.id, parentStudents.studentId), eq(students.schoolId, viewer.schoolId)))
    .where(and(eq(parents.userId, viewer.userId), eq(parents.schoolId, viewer.schoolId), eq(parentStudents.schoolId, viewer.schoolId), ne(students.status, 'archived')))
    .orderBy(...polishOrder(students.lastName), ...polishOrder(students.firstName), asc(students.id));
}

/**
 * The child a parent's page is about: the one `requested` in the URL (`?child=`) when it is
 * one of theirs, else the first. An id of someone else's child, of another school, or
 * malformed is treated as no choice at all — never an error, never a leak. `child` is
 * undefined only for a parent without children.
 */
export async function chooseChild(viewer: Viewer, requested: string | string[] | undefined): Promise<{ children: OwnChild[]; child: OwnChild | undefined }> {
  const children = await listOwnChildren(viewer);
  return { children, child: pickChild(children, requested) };
}
