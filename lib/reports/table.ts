/**
 * What every report hands to its page and its downloads: columns with the kind of value they
 * hold, the rows, and a totals row. Values stay raw (grosze, minutes, a 0–1 rate), so the page
 * formats them for people and the XLSX writer stores them as numbers.
 */

/**
 * `text` a name or word; `month` "2026-11"; `date` "2026-11-30"; `count` a whole number;
 * `money` grosze; `minutes` a length (shown as hours); `rate` a fraction 0–1 or null.
 */
export type CellKind = 'text' | 'month' | 'date' | 'count' | 'money' | 'minutes' | 'rate';

export type ReportColumn = { key: string; kind: CellKind };

export type ReportValue = string | number | null;
export type ReportRow = Record<string, ReportValue>;

export type ReportTable = {
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The same keys as a row; the label column holds null (the page and files say "Total"). */
  totals: ReportRow;
};

/** The column every report starts with: what a row is about (a person, a subject, a month). */
export const LABEL = 'label';

/** Grosze as złoty for a spreadsheet cell: 12345 → 123.45 (exact to the cent for any invoice amount). */
export function zloty(grosze: number): number {
  return Math.round(grosze) / 100;
}

/** Minutes as hours, to two decimals: 90 → 1.5. */
export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
