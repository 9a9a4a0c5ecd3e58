import { stringify } from 'csv-stringify/sync';
import { safeCell } from '@/lib/csv';

/** One column of an export: its heading and what a row shows in it. */
export type CsvColumn<R> = { header: string; value: (row: R) => string | number | null | undefined };

/**
 * A list as a CSV download Excel opens right:
 * - every text cell goes through `safeCell`, headings and translated words included, so a
 *   value typed by a person ("=HYPERLINK(…)") is never run as a formula; numbers are written
 *   as numbers (a count or "-5" is not a formula);
 * - UTF-8 with a byte-order mark (without it Excel guesses a legacy code page and mangles
 *   Polish letters), CRLF line ends, fields quoted as needed;
 * - named by the school's date, "uczniowie-2026-12-01.csv": `schoolToday` is today in the
 *   school's zone (`todayIn`), so an export made just after midnight in Warsaw (still
 *   yesterday in UTC) carries the date the office sees.
 */
export function csvResponse<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], { schoolToday, name }: { schoolToday: string; name: string }): Response {
  const cell = (v: string | number | null | undefined) => (typeof v === 'number' ? String(v) : safeCell(v));
  const table = [columns.map((c) => cell(c.header)), ...rows.map((r) => columns.map((c) => cell(c.value(r))))];
  const body = '\uFEFF' + stringify(table, { record_delimiter: '\r\n' });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`${name}-${schoolToday}.csv`),
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * `attachment; filename="…"`, plus the RFC 6266 `filename*` when the name is not plain ASCII
 * (an English or Polish word with a letter such as "ó"), so every browser keeps the letters.
 */
function contentDisposition(filename: string): string {
  const plain = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (plain === filename) return `attachment; filename="${filename}"`;
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
