import { describe, expect, it } from 'vitest';
import { todayIn } from '@/lib/time';
import { calendarDayHref, foldText, formatDayInWords, matchesWords, paletteQuery, parsePaletteDate } from './rules';

describe('paletteQuery', () => {
  it('trims and refuses what is too short or too long to search', () => {
    expect(paletteQuery('  ada  ')).toBe('ada');
    expect(paletteQuery('a')).toBeUndefined();
    expect(paletteQuery('  a ')).toBeUndefined();
    expect(paletteQuery('')).toBeUndefined();
    expect(paletteQuery(null)).toBeUndefined();
    expect(paletteQuery('x'.repeat(100))).toHaveLength(100);
    expect(paletteQuery('x'.repeat(101))).toBeUndefined();
  });

  it('turns control characters into spaces (a NUL byte would make PostgreSQL refuse the query)', () => {
    expect(paletteQuery('an\u0000na')).toBe('an na');
    expect(paletteQuery('\u0000a\u0000')).toBeUndefined();
  });
});

describe('foldText and matchesWords', () => {
  it('fold as the database does: lower case, no Polish letters', () => {
    expect(foldText('Zażółć gęślą jaźń ŁÓDŹ')).toBe('zazolc gesla jazn lodz');
  });

  it('match every word anywhere, typed with or without Polish letters', () => {
    expect(matchesWords('Faktury', 'fakt')).toBe(true);
    expect(matchesWords('Zadania automatyczne', 'auto zad')).toBe(true);
    expect(matchesWords('Wysłane e-maile', 'wyslane')).toBe(true);
    expect(matchesWords('Przerwy i dni wolne', 'dni wolne sala')).toBe(false);
    expect(matchesWords('Sale', 'łódź')).toBe(false);
  });
});

describe('parsePaletteDate', () => {
  const today = '2026-11-30';

  it('reads words for today, tomorrow and yesterday in both languages, with or without Polish letters', () => {
    for (const word of ['dziś', 'dzis', 'DZIŚ', 'dzisiaj', 'today', ' Today ']) expect(parsePaletteDate(word, today), word).toBe('2026-11-30');
    for (const word of ['jutro', 'tomorrow']) expect(parsePaletteDate(word, today), word).toBe('2026-12-01');
    expect(parsePaletteDate('pojutrze', today)).toBe('2026-12-02');
    for (const word of ['wczoraj', 'yesterday']) expect(parsePaletteDate(word, today), word).toBe('2026-11-29');
    expect(parsePaletteDate('jutro', '2026-12-31')).toBe('2027-01-01');
  });

  it('reads a full Polish date, a two-digit year, slashes and the ISO form', () => {
    expect(parsePaletteDate('12.12.2026', today)).toBe('2026-12-12');
    expect(parsePaletteDate('1.2.2027', today)).toBe('2027-02-01');
    expect(parsePaletteDate('12.12.26', today)).toBe('2026-12-12');
    expect(parsePaletteDate('12/12/2026', today)).toBe('2026-12-12');
    expect(parsePaletteDate('2026-12-12', today)).toBe('2026-12-12');
    expect(parsePaletteDate('2026-2-3', today)).toBe('2026-02-03');
    expect(parsePaletteDate('12.12.', today)).toBe('2026-12-12');
  });

  it('takes a day without a year as the nearest one to today, before or after', () => {
    expect(parsePaletteDate('12.12', today)).toBe('2026-12-12');
    expect(parsePaletteDate('12.12', '2027-01-10')).toBe('2026-12-12');
    expect(parsePaletteDate('5.01', '2026-12-20')).toBe('2027-01-05');
    expect(parsePaletteDate('1.09', '2026-06-15')).toBe('2026-09-01');
    expect(parsePaletteDate('1.03', '2026-06-15')).toBe('2026-03-01');
    // 29 February exists only in leap years: the nearest one.
    expect(parsePaletteDate('29.02', today)).toBe('2028-02-29');
    expect(parsePaletteDate('29.02', '2028-01-10')).toBe('2028-02-29');
  });

  it('refuses what is not a real date, a mixed separator, or a name', () => {
    for (const q of ['31.02.2026', '32.01', '12.13', '0.1', '2026-02-30', '12.12.1999', '12.12.2101', '12-12', '12.12/2026', '12', 'ada', 'fv/2026/11', '0003', '12.12.2026 ada']) {
      expect(parsePaletteDate(q, today), q).toBeUndefined();
    }
  });

  it('counts "today" in the school’s zone, not the machine’s: late evening in Warsaw is already the next day there', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Warsaw (tests run with TZ=UTC).
    const now = new Date('2026-12-31T23:30:00Z');
    expect(parsePaletteDate('dziś', todayIn('Europe/Warsaw', now))).toBe('2027-01-01');
    expect(parsePaletteDate('jutro', todayIn('Europe/Warsaw', now))).toBe('2027-01-02');
    expect(parsePaletteDate('dziś', todayIn('UTC', now))).toBe('2026-12-31');
  });
});

describe('calendar day in words and link', () => {
  it('names the day in Polish and English whatever the machine’s zone', () => {
    expect(formatDayInWords('2026-12-12', 'pl')).toBe('sobota, 12 grudnia 2026');
    expect(formatDayInWords('2026-12-12', 'en')).toMatch(/^Saturday,? 12 December 2026$/);
    expect(formatDayInWords('2027-01-01', 'pl')).toBe('piątek, 1 stycznia 2027');
  });

  it('opens the role’s calendar on that day', () => {
    expect(calendarDayHref('admin', '2026-12-12')).toBe('/admin/calendar?date=2026-12-12&view=day');
    expect(calendarDayHref('tutor', '2026-12-12')).toBe('/tutor/calendar?date=2026-12-12&view=day');
  });
});
