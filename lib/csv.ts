import { stringify } from 'csv-stringify/sync';

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
