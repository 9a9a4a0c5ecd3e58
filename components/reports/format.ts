import { moneyLocale } from '@/components/billing/money-field';
import { formatHours } from '@/components/billing/earnings-format';
import { formatPeriod } from '@/components/invoices/format';
import { formatRate } from '@/lib/attendance/rules';
import { formatMoney } from '@/lib/money';
import type { CellKind, ReportValue } from '@/lib/reports/table';
import { formatCalendarDate } from '@/lib/time';

/** A report's cell for people: money as "1 234,50 zł", minutes as hours, a rate as "87 %", a month as "Listopad 2026". */
export function formatCell(kind: CellKind, value: ReportValue, locale: string): string {
  if (value === null || value === undefined) return kind === 'rate' ? formatRate(null) : '—';
  switch (kind) {
    case 'money':
      return formatMoney(Number(value), moneyLocale(locale));
    case 'minutes':
      return formatHours(Number(value), locale);
    case 'rate':
      return formatRate(Number(value));
    case 'count':
      return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'pl-PL').format(Number(value));
    case 'month':
      return formatPeriod(String(value), locale);
    case 'date':
      return formatCalendarDate(String(value));
    default:
      return String(value);
  }
}

/** A row's label: a month in words, "other" where a row has none. */
export function formatLabel(value: ReportValue, group: string, locale: string, other: string): string {
  if (value === null || value === '') return other;
  return group === 'month' ? formatPeriod(String(value), locale) : String(value);
}
