import { csvResponse, type CsvColumn } from '@/lib/list/csv-response';
import { LABEL, hours, zloty, type ReportRow, type ReportTable } from './table';

type Line = { values: ReportRow; total: boolean };

/**
 * A report as CSV through the lists' one CSV writer (`csvResponse`: `safeCell` on every text
 * cell, a BOM, CRLF): the rows, then the totals row. Money is written as złoty, lengths as
 * hours and rates as fractions, all plain numbers a spreadsheet reads as such.
 * Named "raport-obecnosci-2026-11.csv" from `fileName` (see reportFileName).
 */
export function reportCsv(table: ReportTable, labels: { headers: string[]; totalLabel: string; emptyLabel: string }, fileName: { base: string; period: string }): Response {
  const columns: CsvColumn<Line>[] = table.columns.map((c, i) => ({
    header: labels.headers[i] ?? c.key,
    value: (row) => {
      const v = row.values[c.key];
      if (c.key === LABEL) return row.total ? labels.totalLabel : (v ?? labels.emptyLabel);
      if (v === null || v === undefined) return null;
      switch (c.kind) {
        case 'money':
          return zloty(Number(v));
        case 'minutes':
          return hours(Number(v));
        case 'rate':
          return Math.round(Number(v) * 10_000) / 10_000;
        case 'count':
          return Number(v);
        default:
          return String(v);
      }
    },
  }));
  // csvResponse names the file `${name}-${date}.csv`; the report's period stands in for the date.
  return csvResponse<Line>([...table.rows.map((values) => ({ values, total: false })), { values: table.totals, total: true }], columns, { schoolToday: fileName.period, name: fileName.base });
}
