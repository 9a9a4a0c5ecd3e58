import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { listSubjects } from '@/lib/catalog/queries';
import { subjectListFilters } from '@/lib/catalog/schema';
import { csvFilename, csvResponse, safeCell } from '@/lib/csv';

/** The subjects list as CSV, with the same filters and order as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = subjectListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows }, t] = await Promise.all([listSubjects(viewer, filters, { all: true }), getTranslations('catalog')]);
  return csvResponse(
    csvFilename(t('subjects.csv.filename'), viewer.timeZone),
    [t('subjects.csv.name'), t('subjects.csv.levels'), t('subjects.csv.length'), t('subjects.csv.color'), t('subjects.csv.students'), t('subjects.csv.tutors'), t('subjects.csv.status')],
    rows.map((s) => [
      safeCell(s.name),
      s.levels.map((l) => t(`levels.${l}`)).join(', '),
      s.defaultDurationMin,
      safeCell(s.color),
      s.studentCount,
      s.tutorCount,
      s.archivedAt ? t('subjects.statusArchived') : t('subjects.statusActive'),
    ]),
  );
}
