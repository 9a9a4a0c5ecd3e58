import 'server-only';
import { eq } from 'drizzle-orm';
import { schools } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb } from '@/lib/db';

/** The viewer's own school: name and the settings pages need. */
export async function getViewerSchool(viewer: Viewer) {
  const [row] = await getDb()
    .select({ id: schools.id, name: schools.name, city: schools.city, timeZone: schools.timeZone })
    .from(schools)
    .where(eq(schools.id, viewer.schoolId));
  return row;
}

/** A school's display name by id, for signed-out pages that already proved a link to it. */
export async function getSchoolName(schoolId: string) {
  const [row] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return row?.name ?? 'TutorHub';
}
