import 'server-only';
import { eq } from 'drizzle-orm';
import { schools } from '@/db/schema';
import { getDb } from '@/lib/db';

/** A school's display name by id, for signed-out pages that already proved a link to it. */
export async function getSchoolName(schoolId: string) {
  const [row] = await getDb().select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  return row?.name ?? 'TutorHub';
}
