import type { ReportKey } from '@/lib/reports/registry';
import { LABEL, hours, zloty, type ReportTable } from '@/lib/reports/table';
import type { ChartPoint, ChartSeries } from './report-chart';

/** The most bars a chart draws; a longer report (every student of a big school) is left to its table. */
export const MAX_BARS = 24;

export type ChartSpec = { points: ChartPoint[]; series: ChartSeries[]; stacked: boolean; unit: string };

/**
 * What each report draws: attendance marks stacked per row, revenue's gross per row, the
 * outstanding total per ageing bucket, tutors' hours per row, and cancellations with makeups
 * per row. Undefined when a picture would not help (nothing to show, or too many rows).
 */
export function chartFor(key: ReportKey, table: ReportTable, label: (value: ReportTable['rows'][number][string]) => string, name: (column: string) => string, zl: string): ChartSpec | undefined {
  const series = (keys: string[], colors: string[]): ChartSeries[] => keys.map((k, i) => ({ key: k, name: name(k), color: colors[i] }));
  if (key === 'outstanding') {
    const buckets = ['notDue', 'days30', 'days60', 'days90', 'over90'];
    if (!Number(table.totals.outstanding)) return undefined;
    return { points: buckets.map((b) => ({ label: name(b), value: zloty(Number(table.totals[b])) })), series: [{ key: 'value', name: name('outstanding'), color: 'var(--chart-1)' }], stacked: false, unit: zl };
  }
  if (table.rows.length === 0 || table.rows.length > MAX_BARS) return undefined;
  const points = (pick: (row: ReportTable['rows'][number]) => Record<string, number>) => table.rows.map((r) => ({ label: label(r[LABEL]), ...pick(r) }) as ChartPoint);
  switch (key) {
    case 'attendance':
      return {
        points: points((r) => ({ present: Number(r.present), late: Number(r.late), absent: Number(r.absent), excused: Number(r.excused) })),
        series: series(['present', 'late', 'absent', 'excused'], ['var(--success)', 'var(--warning)', 'var(--destructive)', 'var(--muted-foreground)']),
        stacked: true,
        unit: '',
      };
    case 'revenue':
      return { points: points((r) => ({ gross: zloty(Number(r.gross)) })), series: series(['gross'], ['var(--primary)']), stacked: false, unit: zl };
    case 'earnings':
      return { points: points((r) => ({ minutes: hours(Number(r.minutes)) })), series: series(['minutes'], ['var(--primary)']), stacked: false, unit: ' h' };
    case 'cancellations':
      return {
        points: points((r) => ({ requests: Number(r.requests), bySchool: Number(r.bySchool), creditsIssued: Number(r.creditsIssued) })),
        series: series(['requests', 'bySchool', 'creditsIssued'], ['var(--chart-1)', 'var(--chart-5)', 'var(--chart-2)']),
        stacked: false,
        unit: '',
      };
  }
}
