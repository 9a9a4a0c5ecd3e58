import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { csvFilename, csvResponse, safeCell } from '@/lib/csv';
import { formatDate } from '@/lib/time';
import { listTutors } from '@/lib/tutors/queries';
import { tutorListFilters } from '@/lib/tutors/schema';

/** The tutors list as CSV, with the same filters and order as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = tutorListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows }, t] = await Promise.all([listTutors(viewer, filters, { all: true }), getTranslations('tutors')]);
  return csvResponse(
    csvFilename(t('csv.filename'), viewer.timeZone),
    [t('csv.lastName'), t('csv.firstName'), t('csv.email'), t('csv.phone'), t('csv.subjects'), t('csv.students'), t('csv.status'), t('csv.color'), t('csv.account'), t('csv.created')],
    rows.map((r) => [
      safeCell(r.lastName),
      safeCell(r.firstName),
      safeCell(r.email),
      safeCell(r.phone),
      safeCell(r.subjects.map((s) => `${s.name} (${s.levels.map((l) => t(`levelNames.${l}`)).join(', ')})`).join('; ')),
      r.studentCount,
      t(`statuses.${r.status}`),
      r.color,
      r.userId ? t('csv.yes') : t('csv.no'),
      formatDate(r.createdAt, viewer.timeZone),
    ]),
  );
}
