import { toDecimalString, type Grosze } from '@/lib/money';

/** Grosze as a form field shows them: "120,50" in Polish, "120.50" in English; null as an empty field. */
export function moneyFieldValue(amount: Grosze | null | undefined, locale: string): string {
  if (amount == null) return '';
  const text = toDecimalString(amount);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** The locale `formatMoney` takes. */
export function moneyLocale(locale: string): 'pl' | 'en' {
  return locale === 'en' ? 'en' : 'pl';
}
