import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { schools } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';

/**
 * The viewer's own school, for pages that show its name. Not for its time zone: that comes
 * with the viewer (`viewer.timeZone`) at no extra query. Cached per request, so the layout and
 * the page under it read the row once.
 */
export const getViewerSchool = cache(async (viewer: Viewer) => {
  const [row] = await getDb().select({ id: schools.id, name: schools.name, city: schools.city }).from(schools).where(eq(schools.id, viewer.schoolId));
  return row;
});

/** A school's display name by id, for signed-out pages that already proved a link to it. */
export async function getSchoolName(schoolId: string) {
  const [row] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return row?.name ?? 'TutorHub';
}
