import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { csvResponse } from '@/lib/list/csv-response';
import { filtersFromUrl } from '@/lib/list/filters';
import { formatDate, todayIn } from '@/lib/time';
import { listTutors } from '@/lib/tutors/queries';
import { tutorListFilters } from '@/lib/tutors/schema';

/** The tutors list as CSV, with the same filters and order as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = filtersFromUrl(tutorListFilters, request.url);
  const [{ rows }, t] = await Promise.all([listTutors(viewer, filters, { all: true }), getTranslations('tutors')]);
  return csvResponse(
    rows,
    [
      { header: t('csv.lastName'), value: (r) => r.lastName },
      { header: t('csv.firstName'), value: (r) => r.firstName },
      { header: t('csv.email'), value: (r) => r.email },
      { header: t('csv.phone'), value: (r) => r.phone },
      { header: t('csv.subjects'), value: (r) => r.subjects.map((s) => `${s.name} (${s.levels.map((l) => t(`levelNames.${l}`)).join(', ')})`).join('; ') },
      { header: t('csv.students'), value: (r) => r.studentCount },
      { header: t('csv.status'), value: (r) => t(`statuses.${r.status}`) },
      { header: t('csv.color'), value: (r) => r.color },
      { header: t('csv.account'), value: (r) => (r.userId ? t('csv.yes') : t('csv.no')) },
      { header: t('csv.created'), value: (r) => formatDate(r.createdAt, viewer.timeZone) },
    ],
    { schoolToday: todayIn(viewer.timeZone), name: t('csv.filename') },
  );
}
