import { isValidPolishIban } from '@/lib/iban';
import type { Grosze } from '@/lib/money';
import { normalizeNip } from '@/lib/nip';

/**
 * The text of a Polish transfer QR code ("kod dwuwymiarowy", Związek Banków Polskich,
 * "Rekomendacja dotycząca standardu 2D", 2013), which Polish banking apps scan to fill in a
 * domestic transfer. Nine fields separated by "|":
 *
 *   NIP | PL | account (26 digits) | amount in grosze (6 digits) | recipient (≤ 20) | title (≤ 32) | | |
 *
 * e.g. `1234567890|PL|92124012340001567890123456|001200|Odbiorca 1|FV 1234/34/2012|||`. The
 * last three fields are reserved and stay empty. The code carries the text as UTF-8 (Polish
 * letters allowed) at error correction level L.
 */

/** The largest amount the code can carry: six digits of grosze, 9 999,99 zł. */
export const MAX_QR_GROSZE = 999_999;

const LIMITS = { recipient: 20, title: 32 } as const;

export type PaymentQrInput = {
  /** The recipient's NIP; any other than ten digits (after dropping spaces and dashes) is left out — the field may be empty. */
  nip: string | null | undefined;
  /** The recipient's account: 26 digits of an NRB, with or without "PL", spaces or dashes. */
  account: string | null | undefined;
  /** What to pay, in grosze: 1 to 999 999. */
  amountMinor: Grosze;
  recipient: string;
  title: string;
};

/**
 * The payload for `input`, or null when a banking app could not take it: no account, one that
 * is not a valid Polish account (a foreign IBAN, a typo), an amount of nothing or above
 * 9 999,99 zł. Text fields lose "|" and control characters, keep Polish letters, and are cut
 * to their limits at a word's end.
 */
export function zbpPaymentPayload(input: PaymentQrInput): string | null {
  const account = nrb(input.account);
  if (!account) return null;
  const { amountMinor } = input;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > MAX_QR_GROSZE) return null;
  const nip = normalizeNip(input.nip ?? '');
  return [
    /^\d{10}$/.test(nip) ? nip : '',
    'PL',
    account,
    String(amountMinor).padStart(6, '0'),
    field(input.recipient, LIMITS.recipient),
    field(input.title, LIMITS.title),
    '',
    '',
    '',
  ].join('|');
}

/** 26 digits, no "PL", no spaces; null unless it is a Polish account with a correct check. */
function nrb(account: string | null | undefined): string | null {
  if (!account || !isValidPolishIban(account)) return null;
  return account.replace(/\D/g, '');
}

/**
 * One line of text without "|", at most `max` characters. Composed (NFC), so "ą" is one
 * character however it was typed; invisible format characters (a soft hyphen) go. Too long, it
 * is cut before the word the limit falls in ("FV/0029/10/2026 Laurencja", not "… Duszyń"),
 * unless that word is the first, and loses the comma or space it would end on.
 */
function field(text: string, max: number): string {
  const clean = text
    .normalize('NFC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[|\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  let cut = chars.slice(0, max).join('');
  if (chars[max] !== ' ' && cut.includes(' ')) cut = cut.slice(0, cut.lastIndexOf(' '));
  return cut.replace(/[\s,;:–—-]+$/u, '');
}
