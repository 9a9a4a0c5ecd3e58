import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRealDate, nameText, optionalMultiline, optionalPastDate, optionalPhone, optionalText, personName } from './fields';

const value = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? r.data : 'refused';
};
const messages = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('record field rules', () => {
  it('accepts only dates that exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-02-31')).toBe(false);
    expect(isRealDate('2023-13-01')).toBe(false);
    expect(isRealDate('1.2.2023')).toBe(false);
    expect(optionalPastDate.safeParse('2023-02-31').success).toBe(false);
    expect(optionalPastDate.safeParse('').data).toBeNull();
  });

  describe('a past date', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    it("accepts today in the school's zone when UTC is still on yesterday", () => {
      // 23:30 UTC on Dec 31 is 00:30 on Jan 1 in Warsaw: a child born tonight is born "today".
      vi.useFakeTimers({ now: new Date('2026-12-31T23:30:00Z') });
      expect(optionalPastDate.safeParse('2027-01-01').success).toBe(true);
      expect(optionalPastDate.safeParse('2026-12-31').success).toBe(true);
      // The day after is in the future everywhere (it is 13:30 on Jan 1 at UTC+14).
      expect(optionalPastDate.safeParse('2027-01-02').success).toBe(false);
      expect(optionalPastDate.safeParse('2041-05-31').success).toBe(false);
    });
    it('refuses the day after today anywhere on Earth, and dates before 1900', () => {
      vi.useFakeTimers({ now: new Date('2026-06-15T12:00:00Z') });
      expect(optionalPastDate.safeParse('2026-06-16').success).toBe(true); // already the 16th at UTC+14
      expect(optionalPastDate.safeParse('2026-06-17').success).toBe(false);
      expect(optionalPastDate.safeParse('1899-12-31').success).toBe(false);
      expect(optionalPastDate.safeParse('1900-01-01').success).toBe(true);
    });
  });

  it('refuses control characters in names: NUL, bell, line breaks, tab, C1', () => {
    for (const bad of ['Zo\u0000sia', 'Sala\u0007', 'Sala\n2', 'Sala\r', 'Sala\t2', 'Sala\u0085', 'Sala\u009b2', 'A\u2028B']) {
      expect(messages(personName, bad), JSON.stringify(bad)).toEqual(['records.invalidCharacters']);
    }
    expect(value(optionalText(100), 'ul. Polna 1\u0000')).toBe('refused');
    expect(value(optionalText(100), 'ul. Polna 1\nm. 2')).toBe('refused');
  });

  it('refuses bidi overrides and isolates anywhere, and lone surrogates', () => {
    for (const bad of ['Anna\u202eKowalska', '\u202aAnna', 'Anna\u2066x\u2069', 'Ann\ud800a', 'Ann\udc00a']) {
      expect(value(personName, bad), JSON.stringify(bad)).toBe('refused');
      expect(value(optionalMultiline(100), bad), JSON.stringify(bad)).toBe('refused');
    }
  });

  it('treats invisible-only text as blank: required names are refused, optional text becomes null', () => {
    for (const blank of ['\u200b', '\u200b\u200c\u200d', '\ufeff', '\u00ad', ' \u2060 ', '\u3000', '\u00a0\u200e']) {
      expect(messages(personName, blank), JSON.stringify(blank)).toHaveLength(1);
      expect(value(optionalText(40), blank), JSON.stringify(blank)).toBeNull();
      expect(value(optionalMultiline(40), blank), JSON.stringify(blank)).toBeNull();
    }
    expect(messages(nameText({ max: 60, requiredMessage: 'catalog.nameRequired' }), '\u200b')).toEqual(['catalog.nameRequired']);
  });

  it('trims Unicode spaces and stray invisible characters, keeps letters, emoji and joiners', () => {
    expect(value(personName, '\u00a0 Łucja\u200b\u3000')).toBe('Łucja');
    expect(value(personName, 'Ann\u00ada')).toBe('Anna');
    expect(value(personName, 'Żółć 👨‍👩‍👧')).toBe('Żółć 👨‍👩‍👧');
    expect(value(personName, "O'Brien-Kowalska")).toBe("O'Brien-Kowalska");
  });

  it('stores names NFC-normalised, so "ó" typed two ways is one name', () => {
    const decomposed = 'Jo\u0301zef'; // o + combining acute
    expect(value(personName, decomposed)).toBe('Józef');
    expect((value(personName, decomposed) as string).length).toBe(5);
  });

  it('limits length after trimming', () => {
    expect(value(personName, `  ${'a'.repeat(80)}  `)).toBe('a'.repeat(80));
    expect(value(personName, 'a'.repeat(81))).toBe('refused');
    expect(value(personName, 'x'.repeat(1_000_000))).toBe('refused');
  });

  it('keeps line breaks in multi-line text, as "\\n", and nothing else of the controls', () => {
    expect(value(optionalMultiline(100), 'ul. Polna 1\r\nm. 2\rWarszawa')).toBe('ul. Polna 1\nm. 2\nWarszawa');
    expect(value(optionalMultiline(100), 'a\tb')).toBe('refused');
    expect(value(optionalMultiline(100), 'a\u0000b')).toBe('refused');
    expect(value(optionalMultiline(100), '\n\n  note \n')).toBe('note');
  });

  it('checks phone numbers by the numbering plan and stores them in one international format', () => {
    expect(value(optionalPhone, '601234567')).toBe('+48 601 234 567');
    expect(value(optionalPhone, '+48 601-234-567')).toBe('+48 601 234 567');
    expect(value(optionalPhone, '(22) 555 01 23')).toBe('+48 22 555 01 23');
    expect(value(optionalPhone, '+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(value(optionalPhone, '')).toBeNull();
    for (const bad of ['123', 'zadzwoń później', '+48 000 000 000', '601234567\u0000', '6'.repeat(41)]) {
      expect(value(optionalPhone, bad), bad).toBe('refused');
    }
    expect(messages(optionalPhone, '123')).toEqual(['records.invalidPhone']);
  });
});
