/**
 * Polish bank account numbers (NRB) as IBAN: "PL" and 26 digits, the two after "PL" a check of
 * the rest (ISO 13616, mod 97). People type them with spaces, dashes, without "PL" or in lower
 * case; they are stored and printed one way, in groups of four: "PL61 1090 1014 0000 0712 1981 2874".
 */

/** Letters and digits only, upper case, with "PL" in front of a bare 26-digit NRB. */
function compact(input: string): string {
  const s = input.replace(/[\s\u00a0-]/g, '').toUpperCase();
  return /^\d{26}$/.test(s) ? `PL${s}` : s;
}

/** ISO 13616 check: the country and check digits moved to the end, letters as 10–35, the whole number mod 97 is 1. */
function mod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch);
    rest = Number(`${rest}${value}`) % 97;
  }
  return rest;
}

/** Whether `input` is a Polish account number with a correct check (with or without "PL", spaces or dashes). */
export function isValidPolishIban(input: string): boolean {
  const iban = compact(input);
  return /^PL\d{26}$/.test(iban) && mod97(iban) === 1;
}

/** "pl61109010140000071219812874" → "PL61 1090 1014 0000 0712 1981 2874"; call only on a valid number. */
export function formatPolishIban(input: string): string {
  return compact(input).replace(/(.{4})(?=.)/g, '$1 ');
}
