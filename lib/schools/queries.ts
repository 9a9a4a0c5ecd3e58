import 'server-only';
import { eq } from 'drizzle-orm';
import { schools } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';

/**
 * The viewer's own school, for pages that show its name: it comes with the session (read with
 * the account at every request, like the time zone), so no page queries the school for it.
 */
export async function getViewerSchool(viewer: Viewer) {
  return { id: viewer.schoolId, name: viewer.schoolName };
}

/** A school's display name by id, for signed-out pages that already proved a link to it. */
export async function getSchoolName(schoolId: string) {
  const [row] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return row?.name ?? 'TutorHub';
}
