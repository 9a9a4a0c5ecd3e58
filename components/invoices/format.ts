/**
 * "listopad 2026" / "November 2026" for a billing period ("2026-11" or "2026-11-01"). The month
 * is a calendar month, not an instant: it is formatted at noon UTC of its first day, in UTC, so
 * no time zone can move it into the month before.
 */
export function formatPeriod(period: string, locale: string): string {
  const [y, m] = period.split('-').map(Number);
  const text = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'pl-PL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1, 12)));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
