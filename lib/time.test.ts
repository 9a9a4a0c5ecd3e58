import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addLocalDays,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatTime,
  formatTimeRange,
  instantToZoned,
  isTimeZone,
  startOfWeekIn,
  todayIn,
  zonedToInstant,
} from './time';

describe('formatDateTime', () => {
  it('shows a UTC instant in Warsaw time, Polish style, across the DST change', () => {
    expect(formatDateTime(new Date('2026-11-26T13:05:00Z'))).toBe('26.11.2026 14:05'); // CET, UTC+1
    expect(formatDateTime(new Date('2026-07-01T13:05:00Z'))).toBe('01.07.2026 15:05'); // CEST, UTC+2
    expect(formatDateTime('2026-03-29T00:30:00Z')).toBe('29.03.2026 01:30'); // just before the clocks go forward
    expect(formatDateTime('2026-03-29T01:30:00Z')).toBe('29.03.2026 03:30'); // just after
  });
  it('uses 00 for midnight, not 24', () => {
    expect(formatDateTime('2026-11-25T23:00:00Z')).toBe('26.11.2026 00:00');
  });
  it('formats dates in other zones and without time', () => {
    expect(formatDate('2026-11-26T23:30:00Z')).toBe('27.11.2026');
    expect(formatDate('2026-11-26T23:30:00Z', 'UTC')).toBe('26.11.2026');
  });
});

const WARSAW = 'Europe/Warsaw';
const AUCKLAND = 'Pacific/Auckland';

describe('todayIn', () => {
  it('is the calendar date in the zone, not in UTC', () => {
    const newYearsEveUtc = new Date('2026-12-31T23:30:00Z');
    expect(todayIn(WARSAW, newYearsEveUtc)).toBe('2027-01-01');
    expect(todayIn('UTC', newYearsEveUtc)).toBe('2026-12-31');
    // Auckland (UTC+13 in summer) is a day ahead of UTC from 11:00 UTC.
    expect(todayIn(AUCKLAND, new Date('2026-12-01T10:59:00Z'))).toBe('2026-12-01');
    expect(todayIn(AUCKLAND, new Date('2026-12-01T11:00:00Z'))).toBe('2026-12-02');
    expect(todayIn('America/Los_Angeles', new Date('2026-12-01T07:59:00Z'))).toBe('2026-11-30');
  });
  it('defaults to now', () => {
    expect(todayIn(WARSAW)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('refuses an unknown zone instead of guessing', () => {
    expect(() => todayIn('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone(WARSAW)).toBe(true);
  });
});

describe('zonedToInstant', () => {
  it('reads a wall-clock time in the zone, in winter and summer', () => {
    expect(zonedToInstant('2026-01-15', '16:00', WARSAW).toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(zonedToInstant('2026-03-29', '16:00', WARSAW).toISOString()).toBe('2026-03-29T14:00:00.000Z');
    expect(zonedToInstant('2026-10-25', '16:00', WARSAW).toISOString()).toBe('2026-10-25T15:00:00.000Z');
    expect(zonedToInstant('2026-07-01', '09:15:30', WARSAW).toISOString()).toBe('2026-07-01T07:15:30.000Z');
    expect(zonedToInstant('2026-12-01', '08:00', AUCKLAND).toISOString()).toBe('2026-11-30T19:00:00.000Z');
  });
  it('moves a time the spring change skips forward by the gap', () => {
    // 2026-03-29 in Warsaw: 02:00 CET becomes 03:00 CEST; 02:00–02:59 never happen.
    expect(zonedToInstant('2026-03-29', '01:59', WARSAW).toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(zonedToInstant('2026-03-29', '02:00', WARSAW).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedToInstant('2026-03-29', '02:30', WARSAW).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToZoned(zonedToInstant('2026-03-29', '02:30', WARSAW), WARSAW).time).toBe('03:30');
    expect(zonedToInstant('2026-03-29', '03:00', WARSAW).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // Auckland springs forward on 2026-09-27 at 02:00 NZST (+12) to 03:00 NZDT (+13).
    expect(zonedToInstant('2026-09-27', '02:30', AUCKLAND).toISOString()).toBe('2026-09-26T14:30:00.000Z');
  });
  it('takes the first of a time the autumn change repeats', () => {
    // 2026-10-25 in Warsaw: 03:00 CEST becomes 02:00 CET; 02:00–02:59 happen twice.
    expect(zonedToInstant('2026-10-25', '02:30', WARSAW).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedToInstant('2026-10-25', '01:59', WARSAW).toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(zonedToInstant('2026-10-25', '03:00', WARSAW).toISOString()).toBe('2026-10-25T02:00:00.000Z');
    // Auckland falls back on 2026-04-05 at 03:00 NZDT (+13) to 02:00 NZST (+12).
    expect(zonedToInstant('2026-04-05', '02:30', AUCKLAND).toISOString()).toBe('2026-04-04T13:30:00.000Z');
    // New York, where the machine's zone once changed TZDate's answer for this hour.
    expect(zonedToInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
  it('refuses dates and times that are not real', () => {
    expect(() => zonedToInstant('2026-02-30', '10:00', WARSAW)).toThrow(RangeError);
    expect(() => zonedToInstant('2026-2-3', '10:00', WARSAW)).toThrow(RangeError);
    expect(() => zonedToInstant('2026-02-03', '24:00', WARSAW)).toThrow(RangeError);
    expect(() => zonedToInstant('2026-02-03', '9:00', WARSAW)).toThrow(RangeError);
    expect(() => zonedToInstant('2026-02-03', '09:00', 'Nowhere/Land')).toThrow(RangeError);
  });
});

describe('instantToZoned', () => {
  it('gives the date, time and ISO weekday the zone sees', () => {
    // Sunday 23:30 UTC is already Monday in Warsaw and Monday noon in Auckland.
    const at = new Date('2026-11-29T23:30:00Z');
    expect(instantToZoned(at, 'UTC')).toEqual({ date: '2026-11-29', time: '23:30', weekday: 7 });
    expect(instantToZoned(at, WARSAW)).toEqual({ date: '2026-11-30', time: '00:30', weekday: 1 });
    expect(instantToZoned(at, AUCKLAND)).toEqual({ date: '2026-11-30', time: '12:30', weekday: 1 });
  });
  it('shows both passes through the repeated autumn hour as 02:30', () => {
    expect(instantToZoned(new Date('2026-10-25T00:30:00Z'), WARSAW).time).toBe('02:30');
    expect(instantToZoned(new Date('2026-10-25T01:30:00Z'), WARSAW).time).toBe('02:30');
  });
  it('round-trips with zonedToInstant', () => {
    for (const [date, time] of [['2026-03-29', '16:00'], ['2026-10-25', '16:00'], ['2026-12-31', '23:59'], ['2027-01-01', '00:00']]) {
      expect(instantToZoned(zonedToInstant(date, time, AUCKLAND), AUCKLAND)).toMatchObject({ date, time });
      expect(instantToZoned(zonedToInstant(date, time, WARSAW), WARSAW)).toMatchObject({ date, time });
    }
  });
});

describe('startOfWeekIn and addCalendarDays', () => {
  it('finds the Monday of the week', () => {
    expect(startOfWeekIn('2026-12-01')).toBe('2026-11-30'); // a Tuesday
    expect(startOfWeekIn('2026-11-30')).toBe('2026-11-30'); // a Monday is its own week's start
    expect(startOfWeekIn('2026-12-06')).toBe('2026-11-30'); // a Sunday ends the week, not starts it
    expect(startOfWeekIn('2027-01-01')).toBe('2026-12-28'); // across a year
    expect(startOfWeekIn('2026-03-29')).toBe('2026-03-23'); // the Sunday the clocks change
  });
  it('counts calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(addCalendarDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('refuses a date that is not real', () => {
    expect(() => startOfWeekIn('2026-13-01')).toThrow(RangeError);
  });
});

describe('addLocalDays', () => {
  it('keeps 16:00 at 16:00 across the spring change (167 hours pass)', () => {
    const before = zonedToInstant('2026-03-22', '16:00', WARSAW);
    const after = addLocalDays(before, 7, WARSAW);
    expect(after.toISOString()).toBe('2026-03-29T14:00:00.000Z');
    expect(formatTime(after, WARSAW)).toBe('16:00');
    expect((after.getTime() - before.getTime()) / 3_600_000).toBe(167);
  });
  it('keeps 16:00 at 16:00 across the autumn change (169 hours pass)', () => {
    const before = zonedToInstant('2026-10-18', '16:00', WARSAW);
    const after = addLocalDays(before, 7, WARSAW);
    expect(after.toISOString()).toBe('2026-10-25T15:00:00.000Z');
    expect((after.getTime() - before.getTime()) / 3_600_000).toBe(169);
    expect(addLocalDays(after, -7, WARSAW).toISOString()).toBe(before.toISOString());
  });
  it('steps one day at a time through the change day', () => {
    const sat = zonedToInstant('2026-03-28', '16:00', WARSAW);
    expect(addLocalDays(sat, 1, WARSAW).toISOString()).toBe('2026-03-29T14:00:00.000Z');
    expect(addLocalDays(sat, 2, WARSAW).toISOString()).toBe('2026-03-30T14:00:00.000Z');
  });
  it('works far from UTC, where the local day differs from the UTC day', () => {
    // 08:00 in Auckland on 2026-04-01 (NZDT, +13) is 2026-03-31 19:00 UTC.
    const start = zonedToInstant('2026-04-01', '08:00', AUCKLAND);
    expect(start.toISOString()).toBe('2026-03-31T19:00:00.000Z');
    expect(addLocalDays(start, 7, AUCKLAND).toISOString()).toBe('2026-04-07T20:00:00.000Z'); // NZST, +12
    expect(instantToZoned(addLocalDays(start, 7, AUCKLAND), AUCKLAND)).toEqual({ date: '2026-04-08', time: '08:00', weekday: 3 });
  });
  it('resolves a time the target day skips as zonedToInstant does', () => {
    const sat = zonedToInstant('2026-03-28', '02:30', WARSAW);
    expect(instantToZoned(addLocalDays(sat, 1, WARSAW), WARSAW).time).toBe('03:30');
  });
  it('keeps seconds and milliseconds', () => {
    const at = new Date('2026-03-28T15:00:07.250Z');
    expect(addLocalDays(at, 1, WARSAW).toISOString()).toBe('2026-03-29T14:00:07.250Z');
  });
});

describe('formatTime and formatTimeRange', () => {
  it('shows 24-hour local times joined by an en dash', () => {
    const start = zonedToInstant('2026-10-25', '16:00', WARSAW);
    const end = new Date(start.getTime() + 3_600_000);
    expect(formatTime(start, WARSAW)).toBe('16:00');
    expect(formatTimeRange(start, end, WARSAW)).toBe('16:00–17:00');
    expect(formatTimeRange(start, end, AUCKLAND)).toBe('04:00–05:00');
    expect(formatTime('2026-11-25T23:00:00Z')).toBe('00:00'); // the default zone; midnight is 00, not 24
  });
});

describe('formatCalendarDate', () => {
  it('shows a zone-less date as the same day wherever the school is', () => {
    expect(formatCalendarDate('2014-05-31')).toBe('31.05.2014');
    expect(formatCalendarDate('2026-12-01')).toBe('01.12.2026');
    // The old way, noon UTC read in the zone, moves it a day in Auckland's summer.
    expect(formatDate('2026-12-01T12:00:00Z', 'Pacific/Auckland')).toBe('02.12.2026');
    expect(() => formatCalendarDate('2026-02-30')).toThrow(RangeError);
  });
});
