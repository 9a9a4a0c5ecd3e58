/** Minutes as hours for a statement: "12,5" / "12.5" (up to two decimals, no trailing zeros). */
export function formatHours(minutes: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 2 }).format(minutes / 60);
}
