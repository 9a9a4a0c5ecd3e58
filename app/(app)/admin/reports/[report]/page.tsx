import type { Metadata } from 'next';
import { ArrowLeft, Download, FileBarChart } from 'lucide-react';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/list/empty-state';
import { PageHeader } from '@/components/list/page-header';
import { chartFor } from '@/components/reports/chart-data';
import { formatLabel } from '@/components/reports/format';
import { ReportChart } from '@/components/reports/report-chart';
import { ReportFilterForm } from '@/components/reports/report-filters';
import { ReportTable } from '@/components/reports/report-table';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { requirePage } from '@/lib/auth/viewer';
import { filtersToParams, listFilterOptions } from '@/lib/reports/filters';
import { columnHeaders, isReportKey, loadReport, reportDefinitions } from '@/lib/reports/registry';
import { formatCalendarDate } from '@/lib/time';

type Params = Promise<{ report: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { report } = await params;
  if (!isReportKey(report)) return {};
  return { title: (await getTranslations('reports'))(`cards.${report}.title`) };
}

/**
 * One report: its filters in the URL (a GET form), a chart where a picture helps, the table with
 * its totals, and the same view as CSV or XLSX.
 */
export default async function ReportPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const viewer = await requirePage('reports.read', 'admin');
  const { report } = await params;
  if (!isReportKey(report)) notFound();
  const spec = reportDefinitions[report].spec;
  const [t, locale, loaded, options] = await Promise.all([getTranslations('reports'), getLocale(), loadReport(viewer, report, await searchParams), listFilterOptions(viewer, spec.ids)]);
  const { filters, table } = loaded;
  const path = `/admin/reports/${report}`;
  const query = new URLSearchParams(filtersToParams(spec, filters));
  const title = t(`cards.${report}.title`);
  const period = spec.period === 'asOf' ? t('asOf', { date: formatCalendarDate(filters.from) }) : t('period', { from: formatCalendarDate(filters.from), to: formatCalendarDate(filters.to) });
  const headers = columnHeaders(report, table, filters.group, (k) => t(k as never));
  const labelGroup = report === 'outstanding' ? 'payer' : filters.group;
  const chart = chartFor(
    report,
    table,
    (v) => formatLabel(v, labelGroup, locale, t('other')),
    (c) => t(`columns.${c}` as never),
    ' zł',
  );
  const invalid = [...new Set(loaded.invalid)].map((f) => t(`filters.${f}` as never));
  const download = (format: 'csv' | 'xlsx') => `/api/reports/${report}?${new URLSearchParams({ format, ...Object.fromEntries(query) }).toString()}`;

  return (
    <div className="mx-auto grid w-full min-w-0 max-w-6xl grid-cols-1 gap-6">
      <div>
        <Button asChild variant="ghost" size="sm" className="-ml-2">
          <Link href="/admin/reports">
            <ArrowLeft className="size-4" aria-hidden /> {t('allReports')}
          </Link>
        </Button>
      </div>
      <PageHeader
        title={title}
        description={t(`cards.${report}.description`)}
        testId="report-title"
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={download('csv')} download aria-label={t('downloadCsv')} data-testid="download-csv">
                <Download className="size-4" aria-hidden /> {t('csv')}
              </a>
            </Button>
            <Button variant="outline" asChild>
              <a href={download('xlsx')} download aria-label={t('downloadXlsx')} data-testid="download-xlsx">
                <Download className="size-4" aria-hidden /> {t('xlsx')}
              </a>
            </Button>
          </>
        }
      />
      <Card className="min-w-0">
        <CardContent>
          <ReportFilterForm
            path={path}
            spec={spec}
            filters={filters}
            options={options}
            words={{
              legend: t('filters.legend'),
              from: t('filters.from'),
              to: t('filters.to'),
              date: t('filters.date'),
              group: t('filters.group'),
              show: t('filters.show'),
              all: t('filters.all'),
              ids: { tutor: t('filters.tutor'), subject: t('filters.subject'), student: t('filters.student') },
              groups: Object.fromEntries(spec.groups.map((g) => [g, t(`groups.${g}` as never)])),
            }}
          />
        </CardContent>
      </Card>
      {invalid.length > 0 && <Notice tone="warning">{t('filters.invalid', { fields: invalid.join(', ') })}</Notice>}
      {table.rows.length === 0 ? (
        <EmptyState icon={<FileBarChart aria-hidden />} title={t('empty')} body={t('emptyBody')} />
      ) : (
        <>
          {chart && (
            <Card className="min-w-0">
              <CardHeader>
                <CardTitle className="text-base">{title}</CardTitle>
                <CardDescription>{period}</CardDescription>
              </CardHeader>
              <CardContent>
                <ReportChart points={chart.points} series={chart.series} stacked={chart.stacked} unit={chart.unit} locale={locale} />
              </CardContent>
            </Card>
          )}
          <Card className="min-w-0 gap-0 py-0">
            <ReportTable
              table={table}
              headers={headers}
              caption={t('tableCaption', { title, period })}
              group={labelGroup}
              locale={locale}
              totalLabel={t('total')}
              otherLabel={t('other')}
            />
          </Card>
        </>
      )}
      <p className="text-sm text-muted-foreground">
        {period} · {t(`notes.${report}`)}
      </p>
    </div>
  );
}
