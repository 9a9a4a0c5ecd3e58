import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { csvResponse } from '@/lib/list/csv-response';
import { filtersFromUrl } from '@/lib/list/filters';
import { listParents } from '@/lib/parents/queries';
import { formatNip, parentListFilters } from '@/lib/parents/schema';
import { formatDate, todayIn } from '@/lib/time';

/** The parents list as CSV, with the same filters as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = filtersFromUrl(parentListFilters, request.url);
  const [{ rows }, t] = await Promise.all([listParents(viewer, filters, { all: true }), getTranslations('parents')]);
  return csvResponse(
    rows,
    [
      { header: t('csv.lastName'), value: (p) => p.lastName },
      { header: t('csv.firstName'), value: (p) => p.firstName },
      { header: t('csv.email'), value: (p) => p.email },
      { header: t('csv.phone'), value: (p) => p.phone },
      { header: t('csv.language'), value: (p) => (p.preferredLanguage === 'en' ? t('languages.en') : t('languages.pl')) },
      { header: t('csv.children'), value: (p) => p.children.map((c) => c.name).join('; ') },
      { header: t('csv.payer'), value: (p) => (p.isPayer ? t('csv.yes') : t('csv.no')) },
      { header: t('csv.billingType'), value: (p) => t(`billingFilter.${p.billingType}`) },
      { header: t('csv.billingName'), value: (p) => p.billingName },
      { header: t('csv.billingAddress'), value: (p) => p.billingAddress },
      { header: t('csv.companyName'), value: (p) => p.companyName },
      { header: t('csv.companyNip'), value: (p) => formatNip(p.companyNip) },
      { header: t('csv.companyAddress'), value: (p) => p.companyAddress },
      { header: t('csv.archivedAt'), value: (p) => (p.archivedAt ? formatDate(p.archivedAt, viewer.timeZone) : '') },
    ],
    { schoolToday: todayIn(viewer.timeZone), name: t('title').toLowerCase() },
  );
}
