import 'server-only';
import { and, eq } from 'drizzle-orm';
import { parents, parentStudents } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { Queryable } from '@/lib/db';

/**
 * A signed-in parent's access to a child of their school: `full`, `view`, or null when the
 * child is not theirs (or the viewer is no parent). Pass the mutation's transaction to decide
 * inside it; a page passes `getDb()`.
 */
export async function parentAccess(db: Queryable, viewer: Viewer, studentId: string): Promise<'view' | 'full' | null> {
  if (viewer.role !== 'parent') return null;
  const [link] = await db
    .select({ access: parentStudents.access })
    .from(parentStudents)
    .innerJoin(parents, eq(parents.id, parentStudents.parentId))
    .where(and(eq(parentStudents.studentId, studentId), eq(parents.userId, viewer.userId), eq(parentStudents.schoolId, viewer.schoolId)));
  return link?.access ?? null;
}
