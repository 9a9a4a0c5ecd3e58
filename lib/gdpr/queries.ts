import 'server-only';
import { and, eq } from 'drizzle-orm';
import { parents, parentStudents, students, tutors } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';
import { isUuid } from '@/lib/students/queries';
import type { PersonKind } from './kinds';

export type GdprChild = { studentId: string; name: string; otherParents: number; hasAccount: boolean };
export type GdprSubject = { name: string; anonymisedAt: Date | null; children: GdprChild[] };

/** What the GDPR card needs about a person of the viewer's school: the name, whether erased, and (a parent) the children to decide about. */
export async function getGdprSubject(viewer: Viewer, kind: PersonKind, id: string): Promise<GdprSubject | undefined> {
  if (!can(viewer.role, 'gdpr.manage') || !isUuid(id)) return undefined;
  const db = getDb();
  const table = kind === 'student' ? students : kind === 'parent' ? parents : tutors;
  const [row] = await db
    .select({ firstName: table.firstName, lastName: table.lastName, anonymisedAt: table.anonymisedAt })
    .from(table)
    .where(and(eq(table.schoolId, viewer.schoolId), eq(table.id, id)));
  if (!row) return undefined;
  const children: GdprChild[] = [];
  if (kind === 'parent') {
    const links = await db
      .select({ studentId: students.id, firstName: students.firstName, lastName: students.lastName, userId: students.userId })
      .from(parentStudents)
      .innerJoin(students, eq(students.id, parentStudents.studentId))
      .where(and(eq(parentStudents.schoolId, viewer.schoolId), eq(parentStudents.parentId, id)));
    for (const l of links) {
      const others = await db.select({ p: parentStudents.parentId }).from(parentStudents).where(eq(parentStudents.studentId, l.studentId));
      children.push({ studentId: l.studentId, name: `${l.firstName} ${l.lastName}`, otherParents: others.length - 1, hasAccount: Boolean(l.userId) });
    }
  }
  return { name: `${row.firstName} ${row.lastName}`, anonymisedAt: row.anonymisedAt, children };
}
