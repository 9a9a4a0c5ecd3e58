import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { isValidNip, normalizeNip } from '@/lib/nip';
import { todayIn } from '@/lib/time';

/**
 * Field rules shared by every records form and action. Custom messages are catalog keys
 * ("records.invalidNip"); forms and the action wrapper translate them, and zod's own
 * issues get our plain sentences through `zodErrorMap` (lib/i18n/zod.ts).
 */

// ---------------------------------------------------------------------------------------
// Text: one rule for every name-like field, one for multi-line free text

/**
 * Characters refused anywhere: C0 and C1 controls (a NUL byte makes PostgreSQL refuse the
 * row; a bell or line break inside a name breaks lists, CSV exports and invoices), lone
 * surrogates (not valid UTF-8, the driver would silently replace them), and the bidi
 * embedding/override/isolate controls, which can make "Kowalski" display as something else
 * ("Trojan Source"). Multi-line text keeps line ends ("\r\n" is stored as "\n").
 */
const FORBIDDEN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
const FORBIDDEN_MULTILINE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

/**
 * Characters that draw nothing. Text made only of them (and spaces) looks blank, so it counts
 * as blank; at the start or end of a value they only make "Anna" and "Anna\u200b" two
 * different names, so they are trimmed there like spaces. Inside a value ZWJ/ZWNJ stay: they
 * shape emoji and some scripts.
 */
const INVISIBLE = '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u2060-\\u2064\\u3164\\ufeff\\uffa0';
const EDGES = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'gu');
/** Never meaningful inside a name typed by a person; pasted from Word or web pages. */
const STRAY_IN_NAME = /[\u00ad\u200b\u2060\ufeff]/g;

/** Trimmed (Unicode spaces and invisible characters) and NFC, so "ó" is stored one way. */
function tidyLine(v: string): string {
  return v.normalize('NFC').replace(STRAY_IN_NAME, '').replace(EDGES, '');
}

/** As `tidyLine`, keeping inner line breaks; Windows and old Mac line ends become "\n". */
function tidyMultiline(v: string): string {
  return v.normalize('NFC').replace(/\r\n?/g, '\n').replace(EDGES, '');
}

const noForbidden = (pattern: RegExp) => (v: string) => !pattern.test(v);

type TextOptions = {
  /** Longest value, counted after trimming. */
  max: number;
  /** Catalog keys for this field's own wording ("catalog.nameRequired"); else the plain default. */
  requiredMessage?: string;
  tooLongMessage?: string;
};

/**
 * A required one-line name: a person's first or last name, a subject, a room. The
 * control-character check runs on the raw value, before trimming, so a trailing "\n" is
 * refused rather than quietly dropped (it means the value was not typed into a field).
 */
export function nameText({ max, requiredMessage, tooLongMessage }: TextOptions) {
  return z
    .string()
    .refine(noForbidden(FORBIDDEN_LINE), { message: 'records.invalidCharacters', abort: true })
    .overwrite(tidyLine)
    .min(1, requiredMessage ? { message: requiredMessage } : undefined)
    .max(max, tooLongMessage ? { message: tooLongMessage } : undefined);
}

/** A person's first or last name. */
export const personName = nameText({ max: 80 });

/** Optional one-line text (a school's name, a class): blank becomes null so the database never stores "". */
export const optionalText = (max: number) =>
  z
    .string()
    .refine(noForbidden(FORBIDDEN_LINE), { message: 'records.invalidCharacters', abort: true })
    .overwrite(tidyLine)
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** Optional multi-line text (notes, a bio, an address): keeps line breaks, nothing else of the controls. */
export const optionalMultiline = (max: number) =>
  z
    .string()
    .refine(noForbidden(FORBIDDEN_MULTILINE), { message: 'records.invalidCharacters', abort: true })
    .overwrite(tidyMultiline)
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** True when `v` is text a records rule would store unchanged: for tests and the property check. */
export function isCleanLine(v: string): boolean {
  return !FORBIDDEN_LINE.test(v) && tidyLine(v) === v && v.length > 0;
}

export function isCleanMultiline(v: string): boolean {
  return !FORBIDDEN_MULTILINE.test(v) && tidyMultiline(v) === v && v.length > 0;
}

// ---------------------------------------------------------------------------------------
// Email, phone, NIP, dates, colours

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .nullish()
  .transform((v) => (v ? v : null))
  .pipe(z.email().nullable());

export const requiredEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

/**
 * A phone number checked against the numbering plan of its country (Poland unless it starts
 * with "+"), stored in one international format ("+48 601 234 567") whatever way it was
 * typed, so lists, exports and search see the same text.
 */
export const optionalPhone = optionalText(40)
  .refine((v) => v == null || Boolean(parsePhoneNumberFromString(v, 'PL')?.isValid()), { message: 'records.invalidPhone' })
  .transform((v) => (v == null ? null : parsePhoneNumberFromString(v, 'PL')!.formatInternational()));

/** A Polish NIP, stored as ten digits; blank is allowed (use `.refine` when required). */
export const optionalNip = optionalText(20)
  .refine((v) => v == null || isValidNip(v), { message: 'records.invalidNip' })
  .transform((v) => (v == null ? null : normalizeNip(v)));

/**
 * The zone where a day starts first (UTC+14 all year). This schema is shared by the browser
 * form and the server action and is built once, before anyone's school is known, so "not in
 * the future" means "not after today anywhere": a date that is today in the school's zone is
 * never refused (UTC's today would refuse Jan 1 from midnight to 01:00 in Warsaw), at the
 * price of letting tomorrow through for part of the day, which is harmless for a birth date —
 * the rule is there to catch a mistyped year.
 */
const EARLIEST_ZONE = 'Pacific/Kiritimati';

/** A calendar date "2014-05-31", not in the future. */
export const optionalPastDate = optionalText(10).refine((v) => v == null || (isRealDate(v) && v <= todayIn(EARLIEST_ZONE) && v >= '1900-01-01'), {
  message: 'records.invalidDate',
});

/**
 * "2023-02-31" parses in JavaScript (it rolls over to March) but is no day at all. UTC here
 * is only a frame for checking that a zone-less calendar date exists; it says nothing about
 * which day it is anywhere.
 */
export function isRealDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** "#2563eb" */
export const hexColor = z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, { message: 'records.invalidColor' });

/** A message that is a catalog key ("records.invalidNip") rather than a sentence. */
export function isMessageKey(message: string) {
  return /^[a-z]+\.[a-zA-Z.]+$/.test(message);
}
