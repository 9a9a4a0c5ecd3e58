import fc from 'fast-check';

/**
 * Hostile text for property tests: what a tester pastes into a form, or a script posts to a
 * server action. Shared by the schema property test and the action integration test.
 */
export const hostilePieces = [
  '\u0000', '\u0007', '\b', '\t', '\n', '\r', '\r\n', '\u000b', '\u001b[31m', '\u007f', '\u0085', '\u009b', '\u009f',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u061c', '\u3164',
  '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029',
  '\ud800', '\udfff', '\udc00x',
  ' ', '\u00a0', '\u3000', '\u2003',
  "'; drop table students; --", "' or '1'='1", '%', '_', '\\', '"', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}',
  '=HYPERLINK("http://x")', '+48', '@', '😀', '👨‍👩‍👧', '🇵🇱', 'e\u0301', 'Zo\u0301\u0301\u0301e', 'Zażółć gęślą jaźń', 'ŁUKASZ', 'ß', 'İ', '\u{10ffff}',
  'Anna', 'Kowalska', 'a@b.pl', '601 234 567', '526-025-02-74',
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));

/** Strings made of hostile pieces, random code points, lone surrogates and controls; sometimes very long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...hostilePieces), control, loneSurrogate, fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength: 12 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...hostilePieces) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...hostilePieces), fc.integer({ min: 50, max: 3000 })).map(([p, n]) => p.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('\u200b', '\u200b\u200b', '\ufeff\u200d', ' \u00ad ', '\u3164', '') },
);

/** C0/C1 controls (no line feed), bidi embeddings/overrides/isolates, line separators, lone surrogates. */
const FORBIDDEN_EVERYWHERE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
const INVISIBLE_OR_SPACE = /^[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0]*$/u;

/** Why a stored string is not clean, or null when it is. `multiline` lets "\n" through. */
export function uncleanReason(value: string, { multiline = false, max = 2000 }: { multiline?: boolean; max?: number } = {}): string | null {
  if (FORBIDDEN_EVERYWHERE.test(value)) return 'control, bidi or surrogate character';
  if (!multiline && value.includes('\n')) return 'line break in a one-line field';
  if (value !== '' && INVISIBLE_OR_SPACE.test(value)) return 'invisible-only text';
  if (value !== value.trim()) return 'untrimmed';
  if (value.normalize('NFC') !== value) return 'not NFC';
  // Counted in code points, as zod's max and PostgreSQL's length() count (an astral character is one).
  if ([...value].length > max) return `longer than ${max}`;
  return null;
}
