import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { listSubjects } from '@/lib/catalog/queries';
import { subjectListFilters } from '@/lib/catalog/schema';
import { csvResponse } from '@/lib/list/csv-response';
import { filtersFromUrl } from '@/lib/list/filters';
import { todayIn } from '@/lib/time';

/** The subjects list as CSV, with the same filters and order as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = filtersFromUrl(subjectListFilters, request.url);
  const [{ rows }, t] = await Promise.all([listSubjects(viewer, filters, { all: true }), getTranslations('catalog')]);
  return csvResponse(
    rows,
    [
      { header: t('subjects.csv.name'), value: (s) => s.name },
      { header: t('subjects.csv.levels'), value: (s) => s.levels.map((l) => t(`levels.${l}`)).join(', ') },
      { header: t('subjects.csv.length'), value: (s) => s.defaultDurationMin },
      { header: t('subjects.csv.color'), value: (s) => s.color },
      { header: t('subjects.csv.students'), value: (s) => s.studentCount },
      { header: t('subjects.csv.tutors'), value: (s) => s.tutorCount },
      { header: t('subjects.csv.status'), value: (s) => (s.archivedAt ? t('subjects.statusArchived') : t('subjects.statusActive')) },
    ],
    { schoolToday: todayIn(viewer.timeZone), name: t('subjects.csv.filename') },
  );
}
