import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { csvFilename, csvResponse, safeCell } from '@/lib/csv';
import { listParents } from '@/lib/parents/queries';
import { formatNip, parentListFilters } from '@/lib/parents/schema';
import { formatDate } from '@/lib/time';

/** The parents list as CSV, with the same filters as the page (its query string). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer.role, 'records.manage')) return new Response('Not found', { status: 404 });
  const filters = parentListFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ rows }, t] = await Promise.all([listParents(viewer, filters, { all: true }), getTranslations('parents')]);
  return csvResponse(
    csvFilename(t('title').toLowerCase(), viewer.timeZone),
    [
      t('csv.lastName'),
      t('csv.firstName'),
      t('csv.email'),
      t('csv.phone'),
      t('csv.language'),
      t('csv.children'),
      t('csv.payer'),
      t('csv.billingType'),
      t('csv.billingName'),
      t('csv.billingAddress'),
      t('csv.companyName'),
      t('csv.companyNip'),
      t('csv.companyAddress'),
      t('csv.archivedAt'),
    ],
    rows.map((p) => [
      safeCell(p.lastName),
      safeCell(p.firstName),
      safeCell(p.email),
      safeCell(p.phone),
      p.preferredLanguage === 'en' ? t('languages.en') : t('languages.pl'),
      p.children.map((c) => safeCell(c.name)).join('; '),
      p.isPayer ? t('csv.yes') : t('csv.no'),
      t(`billingFilter.${p.billingType}`),
      safeCell(p.billingName),
      safeCell(p.billingAddress),
      safeCell(p.companyName),
      formatNip(p.companyNip),
      safeCell(p.companyAddress),
      p.archivedAt ? formatDate(p.archivedAt, viewer.timeZone) : '',
    ]),
  );
}
