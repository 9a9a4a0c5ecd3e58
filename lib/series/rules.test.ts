import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from '@/lib/time';
import { holidaysBetween, nextWeekday, occurrences, pairReplacedLessons, polishHolidays, schoolYearOf, seriesDates } from './rules';

const WARSAW = 'Europe/Warsaw';

describe('polishHolidays', () => {
  it('has Christmas Eve as a public holiday from 2025 (the 2024 law change), not before', () => {
    expect(polishHolidays(2024).some((h) => h.date === '2024-12-24')).toBe(false);
    expect(polishHolidays(2025).find((h) => h.date === '2025-12-24')?.name).toBe('Wigilia Bożego Narodzenia');
    expect(polishHolidays(2026).some((h) => h.date === '2026-12-24')).toBe(true);
  });

  it('lists only days free by law: Independence Day and Easter Monday yes, Maundy Thursday, 2 May and Mother’s Day no', () => {
    const dates = polishHolidays(2027).map((h) => h.date);
    expect(dates).toContain('2027-11-11');
    expect(dates).toContain('2027-03-29'); // Easter Monday 2027
    expect(dates).not.toContain('2027-03-25'); // Maundy Thursday: a school day off, not a public holiday
    expect(dates).not.toContain('2027-05-02');
    expect(dates).not.toContain('2027-05-26');
    expect(polishHolidays(2027).length).toBeGreaterThanOrEqual(14);
  });

  it('names them in English on request, and caches per year and language', () => {
    expect(polishHolidays(2026, 'en').find((h) => h.date === '2026-11-11')?.name).toMatch(/Independence/);
    expect(polishHolidays(2026)).toBe(polishHolidays(2026));
  });

  it('collects the holidays of a range across a new year', () => {
    const map = holidaysBetween('2026-12-20', '2027-01-10');
    expect([...map.keys()]).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01', '2027-01-06']);
  });
});

describe('seriesDates', () => {
  it('every Tuesday from September to June, skipping 11 November and Christmas Eve and the breaks, with reasons', () => {
    const { dates, skipped } = seriesDates({
      firstDate: '2026-09-01',
      lastDate: '2027-06-25',
      weekdays: [2],
      holidays: holidaysBetween('2026-09-01', '2027-06-25'),
      closures: [
        { firstDay: '2026-12-23', lastDay: '2026-12-31', name: 'Przerwa świąteczna' },
        { firstDay: '2027-03-25', lastDay: '2027-03-30', name: 'Przerwa wiosenna' },
      ],
    });
    expect(dates[0]).toBe('2026-09-01');
    expect(dates.at(-1)).toBe('2027-06-22');
    expect(dates.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 2)).toBe(true);
    // 11 November and 24 December 2026 are a Wednesday and a Thursday: no Tuesday holiday this year.
    expect(skipped).toEqual([
      { date: '2026-12-29', reason: 'closure', name: 'Przerwa świąteczna' },
      { date: '2027-03-30', reason: 'closure', name: 'Przerwa wiosenna' },
    ]);
    expect(dates).not.toContain('2026-12-29');
    expect(dates.length + skipped.length).toBe(43);
  });

  it('skips a Wednesday 11 November and Thursday 24 December as holidays', () => {
    const { dates, skipped } = seriesDates({ firstDate: '2026-11-04', lastDate: '2026-11-25', weekdays: [3], holidays: holidaysBetween('2026-11-04', '2026-11-25') });
    expect(dates).toEqual(['2026-11-04', '2026-11-18', '2026-11-25']);
    expect(skipped).toEqual([{ date: '2026-11-11', reason: 'holiday', name: 'Narodowe Święto Niepodległości' }]);
    const xmas = seriesDates({ firstDate: '2026-12-17', lastDate: '2026-12-31', weekdays: [4], holidays: holidaysBetween('2026-12-17', '2026-12-31') });
    expect(xmas.dates).toEqual(['2026-12-17', '2026-12-31']);
    expect(xmas.skipped).toEqual([{ date: '2026-12-24', reason: 'holiday', name: 'Wigilia Bożego Narodzenia' }]);
  });

  it('names the holiday when a closure covers it too, and takes several weekdays', () => {
    const { dates, skipped } = seriesDates({
      firstDate: '2026-11-09',
      lastDate: '2026-11-15',
      weekdays: [1, 3, 5],
      holidays: holidaysBetween('2026-11-09', '2026-11-15'),
      closures: [{ firstDay: '2026-11-10', lastDay: '2026-11-13', name: 'Dni wolne' }],
    });
    expect(dates).toEqual(['2026-11-09']);
    expect(skipped).toEqual([
      { date: '2026-11-11', reason: 'holiday', name: 'Narodowe Święto Niepodległości' },
      { date: '2026-11-13', reason: 'closure', name: 'Dni wolne' },
    ]);
  });

  it('includes the first and last date when they fall on the weekday; empty for a reversed range', () => {
    expect(seriesDates({ firstDate: '2026-12-01', lastDate: '2026-12-15', weekdays: [2] }).dates).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect(seriesDates({ firstDate: '2026-12-15', lastDate: '2026-12-01', weekdays: [2] })).toEqual({ dates: [], skipped: [] });
  });

  it('refuses a span longer than a school year with margin', () => {
    expect(() => seriesDates({ firstDate: '2026-01-01', lastDate: '2027-12-31', weekdays: [1] })).toThrow(RangeError);
  });
});

describe('occurrences', () => {
  it('keeps 16:00 in Warsaw across the autumn change (25 October 2026)', () => {
    const { dates } = seriesDates({ firstDate: '2026-10-20', lastDate: '2026-10-27', weekdays: [2] });
    const [before, after] = occurrences({ dates, startTime: '16:00', durationMinutes: 60 }, WARSAW);
    expect(before.start.toISOString()).toBe('2026-10-20T14:00:00.000Z');
    expect(after.start.toISOString()).toBe('2026-10-27T15:00:00.000Z');
    expect(after.end.toISOString()).toBe('2026-10-27T16:00:00.000Z');
    expect(instantToZoned(before.start, WARSAW).time).toBe('16:00');
    expect(instantToZoned(after.start, WARSAW).time).toBe('16:00');
    expect(after.start.getTime() - before.start.getTime()).toBe(169 * 3600_000);
  });

  it('keeps 16:00 in Warsaw across the spring change (28 March 2027), skipping Easter Monday 29 March', () => {
    const { dates, skipped } = seriesDates({ firstDate: '2027-03-22', lastDate: '2027-04-05', weekdays: [1], holidays: holidaysBetween('2027-03-22', '2027-04-05') });
    expect(dates).toEqual(['2027-03-22', '2027-04-05']);
    expect(skipped).toEqual([{ date: '2027-03-29', reason: 'holiday', name: 'Drugi dzień Wielkanocy' }]);
    const weekly = occurrences({ dates: ['2027-03-23', '2027-03-30'], startTime: '16:00', durationMinutes: 90 }, WARSAW);
    expect(weekly.map((o) => o.start.toISOString())).toEqual(['2027-03-23T15:00:00.000Z', '2027-03-30T14:00:00.000Z']);
    expect(weekly.map((o) => instantToZoned(o.start, WARSAW).time)).toEqual(['16:00', '16:00']);
    expect(weekly.map((o) => instantToZoned(o.end, WARSAW).time)).toEqual(['17:30', '17:30']);
  });

  it('puts a lesson at a time that does not exist on the change day past the gap', () => {
    const [o] = occurrences({ dates: ['2027-03-28'], startTime: '02:30', durationMinutes: 60 }, WARSAW);
    expect(instantToZoned(o.start, WARSAW)).toMatchObject({ date: '2027-03-28', time: '03:30' });
  });
});

describe('school year and weekdays', () => {
  it('runs September to the day before the summer break', () => {
    expect(schoolYearOf('2026-12-01')).toEqual({ firstDate: '2026-09-01', lastDate: '2027-06-25' });
    expect(schoolYearOf('2027-03-01')).toEqual({ firstDate: '2026-09-01', lastDate: '2027-06-25' });
    expect(schoolYearOf('2027-08-20')).toEqual({ firstDate: '2027-09-01', lastDate: '2028-06-25' });
  });

  it('finds the next given weekday on or after a date', () => {
    expect(nextWeekday('2026-12-01', 2)).toBe('2026-12-01');
    expect(nextWeekday('2026-12-02', 2)).toBe('2026-12-08');
    expect(nextWeekday('2026-12-05', 1)).toBe('2026-12-07');
  });
});

describe('pairReplacedLessons', () => {
  const at = (id: string, date: string, time: string, timeZone = WARSAW) => ({ id, during: { start: zonedToInstant(date, time, timeZone) } });
  const ids = (r: ReturnType<typeof pairReplacedLessons<ReturnType<typeof at>>>) => ({ moved: r.moved.map(([a, b]) => `${a.id}>${b.id}`), cancelled: r.cancelled.map((l) => l.id) });

  it('moves each old lesson to the new one of its week, in time order, and cancels those left over', () => {
    // Tuesdays 16:00 become Thursdays; the last week has no Thursday left in the series.
    const old = [at('t15', '2028-02-15', '16:00'), at('t29', '2028-02-29', '16:00'), at('t22', '2028-02-22', '16:00')];
    const fresh = [at('c24', '2028-02-24', '17:00'), at('c17', '2028-02-17', '17:00')];
    expect(ids(pairReplacedLessons(old, fresh, WARSAW))).toEqual({ moved: ['t15>c17', 't22>c24'], cancelled: ['t29'] });
  });

  it('pairs two a week first to first; a new extra day pairs with nothing', () => {
    const old = [at('mon', '2028-03-06', '16:00'), at('wed', '2028-03-08', '16:00')];
    expect(ids(pairReplacedLessons(old, [at('tue', '2028-03-07', '16:00'), at('thu', '2028-03-09', '16:00'), at('sat', '2028-03-11', '10:00')], WARSAW))).toEqual({ moved: ['mon>tue', 'wed>thu'], cancelled: [] });
    expect(ids(pairReplacedLessons(old, [at('fri', '2028-03-10', '16:00')], WARSAW))).toEqual({ moved: ['mon>fri'], cancelled: ['wed'] });
  });

  it('reads weeks in the school’s zone: a Sunday 23:30 lesson in Warsaw (22:30 UTC) stays in its week', () => {
    // Sunday 12 March 2028 23:30 in Warsaw; moved to Monday 13 March 08:00, the next week.
    expect(ids(pairReplacedLessons([at('sun', '2028-03-12', '23:30')], [at('mon', '2028-03-13', '08:00')], WARSAW))).toEqual({ moved: [], cancelled: ['sun'] });
    expect(ids(pairReplacedLessons([at('sun', '2028-03-12', '23:30')], [at('sat', '2028-03-11', '08:00')], WARSAW))).toEqual({ moved: ['sun>sat'], cancelled: [] });
  });
});
