import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { csvFilename, csvResponse, safeCell } from '@/lib/csv';
import { listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';
import { formatDate } from '@/lib/time';

/** The students list as CSV, with the same filters as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = studentListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows }, t] = await Promise.all([listStudents(viewer, filters, { all: true }), getTranslations('students')]);
  return csvResponse(
    csvFilename(t('title').toLowerCase(), viewer.timeZone),
    [t('csv.lastName'), t('csv.firstName'), t('csv.level'), t('csv.school'), t('csv.class'), t('csv.email'), t('csv.phone'), t('csv.subjects'), t('csv.parents'), t('csv.status'), t('csv.statusSince')],
    rows.map((s) => [
      safeCell(s.lastName),
      safeCell(s.firstName),
      t(`levels.${s.level}`),
      safeCell(s.schoolName),
      safeCell(s.className),
      safeCell(s.email),
      safeCell(s.phone),
      safeCell(s.subjects.map((x) => (x.tutor ? `${x.name} (${x.tutor})` : x.name)).join('; ')),
      s.isSelfPayer ? t('selfPayer') : safeCell(s.parents.map((p) => p.name).join('; ')),
      t(`statuses.${s.status}`),
      formatDate(s.statusChangedAt, viewer.timeZone),
    ]),
  );
}
