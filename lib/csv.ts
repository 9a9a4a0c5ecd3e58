/**
 * Spreadsheet apps run a cell that starts with = + - @ as a formula ("CSV injection"); a
 * leading apostrophe makes such a value plain text. Every export applies it to every text
 * cell through `csvResponse` (lib/list/csv-response.ts).
 */
export function safeCell(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
