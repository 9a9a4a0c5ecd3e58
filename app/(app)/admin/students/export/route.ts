import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { csvResponse } from '@/lib/list/csv-response';
import { filtersFromUrl } from '@/lib/list/filters';
import { listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';
import { formatDate, todayIn } from '@/lib/time';

/** The students list as CSV, with the same filters as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = filtersFromUrl(studentListFilters, request.url);
  const [{ rows }, t] = await Promise.all([listStudents(viewer, filters, { all: true }), getTranslations('students')]);
  return csvResponse(
    rows,
    [
      { header: t('csv.lastName'), value: (s) => s.lastName },
      { header: t('csv.firstName'), value: (s) => s.firstName },
      { header: t('csv.level'), value: (s) => t(`levels.${s.level}`) },
      { header: t('csv.school'), value: (s) => s.schoolName },
      { header: t('csv.class'), value: (s) => s.className },
      { header: t('csv.email'), value: (s) => s.email },
      { header: t('csv.phone'), value: (s) => s.phone },
      { header: t('csv.subjects'), value: (s) => s.subjects.map((x) => (x.tutor ? `${x.name} (${x.tutor})` : x.name)).join('; ') },
      { header: t('csv.parents'), value: (s) => (s.isSelfPayer ? t('selfPayer') : s.parents.map((p) => p.name).join('; ')) },
      { header: t('csv.status'), value: (s) => t(`statuses.${s.status}`) },
      { header: t('csv.statusSince'), value: (s) => formatDate(s.statusChangedAt, viewer.timeZone) },
    ],
    { schoolToday: todayIn(viewer.timeZone), name: t('title').toLowerCase() },
  );
}
