import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { listRooms } from '@/lib/catalog/queries';
import { roomListFilters } from '@/lib/catalog/schema';
import { csvFilename, csvResponse, safeCell } from '@/lib/csv';

/** The rooms list as CSV, with the same filters and order as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = roomListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows }, t] = await Promise.all([listRooms(viewer, filters, { all: true }), getTranslations('catalog')]);
  return csvResponse(
    csvFilename(t('rooms.csv.filename'), viewer.timeZone),
    [t('rooms.csv.name'), t('rooms.csv.capacity'), t('rooms.csv.status')],
    rows.map((r) => [safeCell(r.name), r.capacity, r.isActive ? t('rooms.statusActive') : t('rooms.statusArchived')]),
  );
}
