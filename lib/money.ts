import { z } from 'zod';

/**
 * Money as whole grosze (1 zł = 100 gr) in plain integers: every amount the app stores, sums
 * or compares is one. Fractions appear only inside a rule (pro rata, a percentage, VAT) and are
 * rounded there, once, by one rule: half away from zero to the grosz, as Polish invoicing does
 * (art. 106e ust. 11 of the VAT act: "końcówki kwot wynoszące mniej niż 0,5 grosza pomija się,
 * a końcówki kwot wynoszące 0,5 grosza i więcej zaokrągla się do 1 grosza"). The arithmetic is on
 * integers, so 0.1 + 0.2 never happens.
 */
export type Grosze = number;

/** The largest amount the app accepts anywhere: 10 million zł, far below 2^53 grosze even multiplied by minutes. */
export const MAX_GROSZE = 1_000_000_000;

/** `a / b` rounded half away from zero, for integers (b > 0). */
export function divRound(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b <= 0) throw new RangeError(`divRound needs integers and a positive divisor: ${a} / ${b}`);
  const q = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 ? -q : q;
}

/** Whether `value` is a whole number of grosze within the app's range (negative allowed: credits). */
export function isGrosze(value: unknown): value is Grosze {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_GROSZE;
}

/** The price of `minutes` when `per60` is the price of 60 minutes: 45 min at 100,00 zł is 75,00 zł. */
export function proRata(per60: Grosze, minutes: number): Grosze {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`minutes must be a whole non-negative number: ${minutes}`);
  return divRound(per60 * minutes, 60);
}

/**
 * `percent` of `amount` (a discount, a VAT rate), with at most two decimals in the percentage
 * (12,5 % is fine): computed in basis points, rounded once.
 */
export function percentOf(amount: Grosze, percent: number): Grosze {
  const basisPoints = Math.round(percent * 100);
  if (Math.abs(basisPoints - percent * 100) > 1e-6 || basisPoints < 0 || basisPoints > 10_000) throw new RangeError(`not a percentage with at most two decimals: ${percent}`);
  return divRound(amount * basisPoints, 10_000);
}

/**
 * VAT of a net amount at a whole-number rate (23, 8, 5, 0), and the gross. On an invoice the
 * VAT is computed once per rate from the sum of the net amounts of that rate (art. 106e ust. 1
 * pkt 14), not per line: pass the sum.
 */
export function vatFromNet(net: Grosze, ratePercent: number): { net: Grosze; vat: Grosze; gross: Grosze } {
  const vat = percentOf(net, ratePercent);
  return { net, vat, gross: net + vat };
}

/** The sum of amounts, checked to stay whole grosze. */
export function sumGrosze(values: readonly Grosze[]): Grosze {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not whole grosze: ${v}`);
    total += v;
  }
  return total;
}

const SPACES = /[\s\u00a0\u202f]/g;
const AMOUNT = /^(-)?(\d{1,8})(?:[.,](\d{1,2}))?$/;

/**
 * A typed amount in złoty as grosze: "1 234,50", "1234.5", "12", "12,5 zł", "-5,00" (spaces,
 * a comma or a dot, and a trailing "zł"/"PLN" are all fine). Null when it is not an amount with
 * at most two decimals.
 */
export function parseMoney(text: string): Grosze | null {
  const clean = text.replace(SPACES, '').replace(/(zł|pln)$/i, '');
  const m = AMOUNT.exec(clean);
  if (!m) return null;
  const whole = Number(m[2]);
  const fraction = Number((m[3] ?? '0').padEnd(2, '0'));
  const value = whole * 100 + fraction;
  if (value > MAX_GROSZE) return null;
  return m[1] && value ? -value : value;
}

/** Grosze as a plain decimal for inputs and CSV: 123450 → "1234.50" (no grouping, a dot). */
export function toDecimalString(amount: Grosze): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * "1 234,50 zł" in Polish (thousands always grouped, with a non-breaking space, as invoices
 * write them; Intl's Polish default would leave 1234 ungrouped), "PLN 1,234.50" in English.
 */
export function formatMoney(amount: Grosze, locale: 'pl' | 'en' = 'pl', currency = 'PLN'): string {
  const key = `${locale}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { style: 'currency', currency, useGrouping: 'always' } as Intl.NumberFormatOptions);
    formatters.set(key, f);
  }
  // Division by 100 of an integer below 2^53 is exact to the cent for display.
  return f.format(amount / 100);
}

/**
 * A form's money field: a typed string ("1 234,50") or a number of złoty, to grosze, not below
 * zero. The message keys are the `validation` catalog's (lib/i18n/zod.ts).
 */
export const moneyInput = z.unknown().transform((value, ctx) => {
  const grosze =
    typeof value === 'number' ? (Number.isFinite(value) && Math.abs(value) < 1e8 ? parseMoney(value.toFixed(2)) : null) : typeof value === 'string' ? parseMoney(value) : null;
  if (grosze === null || grosze < 0) {
    ctx.addIssue({ code: 'custom', message: 'validation.money' });
    return z.NEVER;
  }
  return grosze;
});
