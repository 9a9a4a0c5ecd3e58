import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { schoolClosures } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';

/** The school's closures, in date order. */
export async function listClosures(viewer: Viewer) {
  if (!can(viewer.role, 'closures.manage')) return [];
  return getDb()
    .select({ id: schoolClosures.id, firstDay: schoolClosures.firstDay, lastDay: schoolClosures.lastDay, name: schoolClosures.name, kind: schoolClosures.kind })
    .from(schoolClosures)
    .where(eq(schoolClosures.schoolId, viewer.schoolId))
    .orderBy(asc(schoolClosures.firstDay));
}

export type ClosureRow = Awaited<ReturnType<typeof listClosures>>[number];
