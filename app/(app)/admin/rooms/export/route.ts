import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { listRooms } from '@/lib/catalog/queries';
import { roomListFilters } from '@/lib/catalog/schema';
import { csvResponse } from '@/lib/list/csv-response';
import { filtersFromUrl } from '@/lib/list/filters';
import { todayIn } from '@/lib/time';

/** The rooms list as CSV, with the same filters and order as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = filtersFromUrl(roomListFilters, request.url);
  const [{ rows }, t] = await Promise.all([listRooms(viewer, filters, { all: true }), getTranslations('catalog')]);
  return csvResponse(
    rows,
    [
      { header: t('rooms.csv.name'), value: (r) => r.name },
      { header: t('rooms.csv.capacity'), value: (r) => r.capacity },
      { header: t('rooms.csv.status'), value: (r) => (r.isActive ? t('rooms.statusActive') : t('rooms.statusArchived')) },
    ],
    { schoolToday: todayIn(viewer.timeZone), name: t('rooms.csv.filename') },
  );
}
