import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { getViewer } from '@/lib/auth/viewer';
import { formatCalendarDate } from '@/lib/time';
import { reportCsv } from '@/lib/reports/csv';
import { columnHeaders, isReportKey, loadReport, reportDefinitions, reportFileName } from '@/lib/reports/registry';
import { reportXlsx } from '@/lib/reports/xlsx';

/**
 * A report as a file: `GET /api/reports/attendance?format=xlsx&from=…&to=…&group=…` with the
 * page's filters. The route checks the session and the permission itself (a route handler is
 * a public URL): no session or an unknown report answers 404, a signed-in person without
 * `reports.read` 403. A format or filter that does not parse answers 400 in words.
 */
export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  const { report } = await params;
  const viewer = await getViewer();
  if (!viewer || !isReportKey(report)) return text('Not found', 404);
  if (!can(viewer.role, 'reports.read')) return text('Forbidden', 403);
  const search = new URL(request.url).searchParams;
  const format = search.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') return text('Unknown format: use csv or xlsx.', 400);

  const loaded = await loadReport(viewer, report, search);
  if (loaded.invalid.length) return text(`Invalid filters: ${[...new Set(loaded.invalid)].join(', ')}.`, 400);
  const [t, locale] = await Promise.all([getTranslations('reports'), getLocale()]);
  const headers = columnHeaders(report, loaded.table, loaded.filters.group, (k) => t(k as never));
  const file = reportFileName(report, loaded.filters, locale);
  const labels = { headers, totalLabel: t('total'), emptyLabel: report === 'revenue' ? t('other') : '' };
  if (format === 'csv') return reportCsv(loaded.table, labels, file);

  const { from, to } = loaded.filters;
  const period = reportDefinitions[report].spec.period === 'asOf' ? formatCalendarDate(from) : `${formatCalendarDate(from)} – ${formatCalendarDate(to)}`;
  const title = t(`cards.${report}.title` as never);
  const body = await reportXlsx(loaded.table, { ...labels, name: title, title: [title, t('sheet.filters', { period })] });
  const name = `${file.base}-${file.period}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}

function text(message: string, status: number): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}
