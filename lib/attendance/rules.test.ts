import { describe, expect, it } from 'vitest';
import { addMonths, attendanceRateOf, canMarkAt, daySpan, formatRate, isFullyMarked, isMonth, monthSpan } from './rules';

const WAW = 'Europe/Warsaw';

describe('canMarkAt', () => {
  const now = new Date('2026-12-01T10:00:00Z'); // 11:00 in Warsaw
  it('allows a lesson that has started, even days ago', () => {
    expect(canMarkAt(new Date('2026-12-01T09:30:00Z'), now, WAW)).toBe(true);
    expect(canMarkAt(new Date('2026-11-20T15:00:00Z'), now, WAW)).toBe(true);
  });
  it('allows a lesson later today in the school’s zone', () => {
    expect(canMarkAt(new Date('2026-12-01T22:30:00Z'), now, WAW)).toBe(true); // 23:30 Warsaw, same day
  });
  it('refuses a lesson on a later local day, even when UTC still says today', () => {
    expect(canMarkAt(new Date('2026-12-01T23:30:00Z'), now, WAW)).toBe(false); // 00:30 on Dec 2 in Warsaw
    expect(canMarkAt(new Date('2026-12-05T15:00:00Z'), now, WAW)).toBe(false);
  });
});

describe('isFullyMarked', () => {
  it('completes only when every student is marked', () => {
    expect(isFullyMarked(2, 1)).toBe(false);
    expect(isFullyMarked(2, 2)).toBe(true);
    expect(isFullyMarked(0, 0)).toBe(false);
  });
});

describe('attendance rate', () => {
  it('counts present and late over all marks', () => {
    expect(attendanceRateOf({ present: 2, late: 1, absent: 1, excused: 0 })).toBe(0.75);
    expect(attendanceRateOf({ present: 0, late: 0, absent: 0, excused: 0 })).toBeNull();
    expect(formatRate(0.754)).toBe('75 %');
    expect(formatRate(null)).toBe('—');
  });
});

describe('months', () => {
  it('validates and steps months across years', () => {
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth("2026-12' or 1=1")).toBe(false);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });
  it('spans a month and a day in the school’s zone, across the clock change', () => {
    expect(monthSpan('2026-12', WAW)).toEqual({ from: new Date('2026-11-30T23:00:00Z'), to: new Date('2026-12-31T23:00:00Z') });
    expect(monthSpan('2026-03', WAW)).toEqual({ from: new Date('2026-02-28T23:00:00Z'), to: new Date('2026-03-31T22:00:00Z') });
    const d = daySpan('2026-03-29', WAW);
    expect(d.to.getTime() - d.from.getTime()).toBe(23 * 3600_000);
  });
});
