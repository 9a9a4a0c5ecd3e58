import { stringify } from 'csv-stringify/sync';
import { todayIn } from '@/lib/time';

/**
 * "students-2027-01-01.csv": dated with today in the school's zone, so an export made just
 * after midnight in Warsaw (still yesterday in UTC) carries the date the office sees.
 */
export function csvFilename(name: string, timeZone: string, now: Date = new Date()): string {
  return `${name}-${todayIn(timeZone, now)}.csv`;
}

/**
 * A CSV download Excel opens right: UTF-8 with a byte-order mark (without it Excel guesses a
 * legacy code page and mangles Polish letters), CRLF line ends, every field quoted as needed.
 */
export function csvResponse(filename: string, header: string[], rows: (string | number | null | undefined)[][]): Response {
  const body = '\uFEFF' + stringify([header, ...rows.map((r) => r.map((v) => (v == null ? '' : String(v))))], { record_delimiter: '\r\n' });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * Spreadsheet apps run a cell that starts with = + - @ as a formula ("CSV injection"); a
 * leading apostrophe makes such a value plain text. Applied to every value that came from a person.
 */
export function safeCell(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
