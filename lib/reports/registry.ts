import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { attendanceReport, attendanceSpec } from './attendance';
import { cancellationsReport, cancellationsSpec } from './cancellations';
import { earningsReport, earningsSpec } from './earnings';
import { outstandingReport, outstandingSpec } from './outstanding';
import { revenueReport, revenueSpec } from './revenue';
import { parseFilters, scopeIds, type FilterSpec, type ParsedFilters, type ReportFilters, type SearchInput } from './filters';
import type { ReportTable } from './table';

export const reportKeys = ['attendance', 'revenue', 'outstanding', 'earnings', 'cancellations'] as const;
export type ReportKey = (typeof reportKeys)[number];

export function isReportKey(value: string): value is ReportKey {
  return (reportKeys as readonly string[]).includes(value);
}

type ReportDefinition = {
  spec: FilterSpec;
  load: (viewer: Viewer, filters: ReportFilters) => Promise<ReportTable>;
  /** The download's name before its period: Polish and English. */
  fileName: { pl: string; en: string };
};

export const reportDefinitions: Record<ReportKey, ReportDefinition> = {
  attendance: { spec: attendanceSpec, load: attendanceReport, fileName: { pl: 'raport-obecnosci', en: 'attendance-report' } },
  revenue: { spec: revenueSpec, load: revenueReport, fileName: { pl: 'raport-przychodow', en: 'revenue-report' } },
  outstanding: { spec: outstandingSpec, load: outstandingReport, fileName: { pl: 'raport-naleznosci', en: 'outstanding-report' } },
  earnings: { spec: earningsSpec, load: earningsReport, fileName: { pl: 'raport-godzin-lektorow', en: 'tutor-hours-report' } },
  cancellations: { spec: cancellationsSpec, load: cancellationsReport, fileName: { pl: 'raport-odwolan', en: 'cancellations-report' } },
};

export type LoadedReport = ParsedFilters & { key: ReportKey; table: ReportTable };

/** Reads a report's filters from the URL (ids checked against the viewer's school) and runs it. */
export async function loadReport(viewer: Viewer, key: ReportKey, search: SearchInput, now: Date = new Date()): Promise<LoadedReport> {
  const def = reportDefinitions[key];
  const parsed = await scopeIds(viewer, parseFilters(search, def.spec, viewer.timeZone, now));
  const table = await def.load(viewer, parsed.filters);
  return { ...parsed, key, table };
}

/**
 * "raport-obecnosci-2026-11": the report's name and the period it covers — one month as
 * "2026-11", whole months as "2026-01_2026-12", days as "2026-11-03_2026-11-17", a report date as itself.
 */
export function reportFileName(key: ReportKey, filters: ReportFilters, locale: string): { base: string; period: string } {
  const def = reportDefinitions[key];
  const base = locale === 'en' ? def.fileName.en : def.fileName.pl;
  const { from, to } = filters;
  let period: string;
  if (def.spec.period === 'asOf') period = from;
  else if (from.endsWith('-01') && isLastDay(to)) period = from.slice(0, 7) === to.slice(0, 7) ? from.slice(0, 7) : `${from.slice(0, 7)}_${to.slice(0, 7)}`;
  else period = `${from}_${to}`;
  return { base, period };
}

function isLastDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

/** The headings of a report's columns: the label column is named by the grouping (or "Payer"), the rest by their key. */
export function columnHeaders(key: ReportKey, table: ReportTable, group: string, t: (key: string) => string): string[] {
  return table.columns.map((c) => (c.key === 'label' ? t(`groups.${key === 'outstanding' ? 'payer' : group}`) : t(`columns.${c.key}`)));
}
