import { describe, expect, it } from 'vitest';
import { zonedToInstant } from '@/lib/time';
import { hoursOn, outsideAvailability, weekProblem, type WeeklyInterval } from './rules';

const WARSAW = 'Europe/Warsaw';
const at = (date: string, time: string) => zonedToInstant(date, time, WARSAW);
const lesson = (date: string, from: string, to: string, toDate = date) => ({ start: at(date, from), end: at(toDate, to) });

// 2026-12-01 is a Tuesday.
const tuesdays: WeeklyInterval[] = [{ weekday: 2, start: '14:00', end: '20:00' }];

describe('outsideAvailability', () => {
  it('lets a tutor with no weekly hours teach any time', () => {
    expect(outsideAvailability(lesson('2026-12-02', '06:00', '07:00'), [], [], WARSAW)).toBeUndefined();
  });

  it('accepts a lesson inside the hours, including one ending exactly at their end and one starting at their start', () => {
    expect(outsideAvailability(lesson('2026-12-01', '16:00', '17:00'), tuesdays, [], WARSAW)).toBeUndefined();
    expect(outsideAvailability(lesson('2026-12-01', '19:00', '20:00'), tuesdays, [], WARSAW)).toBeUndefined();
    expect(outsideAvailability(lesson('2026-12-01', '14:00', '15:00'), tuesdays, [], WARSAW)).toBeUndefined();
  });

  it('refuses a lesson starting before or ending after the hours, naming the day and its hours', () => {
    const problem = { reason: 'outside_hours', weekday: 2, hours: [{ start: '14:00', end: '20:00' }] };
    expect(outsideAvailability(lesson('2026-12-01', '13:59', '15:00'), tuesdays, [], WARSAW)).toEqual(problem);
    expect(outsideAvailability(lesson('2026-12-01', '19:30', '20:01'), tuesdays, [], WARSAW)).toEqual(problem);
    expect(outsideAvailability({ start: at('2026-12-01', '19:00'), end: new Date(at('2026-12-01', '20:00').getTime() + 1000) }, tuesdays, [], WARSAW)).toEqual(problem);
  });

  it('refuses a lesson on a day without hours', () => {
    expect(outsideAvailability(lesson('2026-12-02', '16:00', '17:00'), tuesdays, [], WARSAW)).toEqual({ reason: 'outside_hours', weekday: 3, hours: [] });
  });

  it('judges by the school clock, not UTC: 14:00 in Warsaw is 13:00 UTC', () => {
    const utc = { start: new Date('2026-12-01T13:00:00Z'), end: new Date('2026-12-01T14:00:00Z') };
    expect(outsideAvailability(utc, tuesdays, [], WARSAW)).toBeUndefined();
    expect(outsideAvailability(utc, tuesdays, [], 'UTC')).toMatchObject({ reason: 'outside_hours' });
  });

  it('keeps wall-clock hours on DST days (spring forward and fall back)', () => {
    const sundays: WeeklyInterval[] = [{ weekday: 7, start: '09:00', end: '12:00' }];
    // 2026-03-29 and 2026-10-25 are Sundays on which Warsaw changes its clocks.
    for (const date of ['2026-03-29', '2026-10-25']) {
      expect(outsideAvailability(lesson(date, '09:00', '12:00'), sundays, [], WARSAW)).toBeUndefined();
      expect(outsideAvailability(lesson(date, '11:30', '12:30'), sundays, [], WARSAW)).toMatchObject({ reason: 'outside_hours' });
    }
    // Across the change itself: a night shift 01:00–04:00 holds 01:30–03:30 wall clock (one real hour in spring).
    const night: WeeklyInterval[] = [{ weekday: 7, start: '01:00', end: '04:00' }];
    expect(outsideAvailability(lesson('2026-03-29', '01:30', '03:30'), night, [], WARSAW)).toBeUndefined();
  });

  it('refuses a lesson spanning midnight even when both days have late and early hours', () => {
    const week: WeeklyInterval[] = [
      { weekday: 2, start: '18:00', end: '23:59' },
      { weekday: 3, start: '00:00', end: '08:00' },
    ];
    expect(outsideAvailability(lesson('2026-12-01', '23:30', '00:30', '2026-12-02'), week, [], WARSAW)).toEqual({
      reason: 'outside_hours',
      weekday: 2,
      hours: [{ start: '18:00', end: '23:59' }],
    });
  });

  it('joins touching intervals, so a lesson across 12:00 between 08–12 and 12–16 fits', () => {
    const split: WeeklyInterval[] = [
      { weekday: 2, start: '12:00', end: '16:00' },
      { weekday: 2, start: '08:00', end: '12:00' },
    ];
    expect(outsideAvailability(lesson('2026-12-01', '11:00', '13:00'), split, [], WARSAW)).toBeUndefined();
    const gap: WeeklyInterval[] = [
      { weekday: 2, start: '08:00', end: '11:00' },
      { weekday: 2, start: '12:00', end: '16:00' },
    ];
    expect(outsideAvailability(lesson('2026-12-01', '10:30', '12:30'), gap, [], WARSAW)).toMatchObject({ reason: 'outside_hours', hours: gap.map(({ start, end }) => ({ start, end })) });
  });

  it('refuses a lesson on a day off, even inside the hours and even for a tutor without hours', () => {
    const off = [{ firstDay: '2026-11-30', lastDay: '2026-12-01' }];
    const problem = { reason: 'time_off', firstDay: '2026-11-30', lastDay: '2026-12-01' };
    expect(outsideAvailability(lesson('2026-12-01', '16:00', '17:00'), tuesdays, off, WARSAW)).toEqual(problem);
    expect(outsideAvailability(lesson('2026-12-01', '16:00', '17:00'), [], off, WARSAW)).toEqual(problem);
    expect(outsideAvailability(lesson('2026-12-08', '16:00', '17:00'), tuesdays, off, WARSAW)).toBeUndefined();
  });

  it('counts days off in the school zone: 23:30 UTC on 1 December is already 2 December in Warsaw', () => {
    const off = [{ firstDay: '2026-12-02', lastDay: '2026-12-02' }];
    const late = { start: new Date('2026-12-01T23:30:00Z'), end: new Date('2026-12-02T00:30:00Z') };
    expect(outsideAvailability(late, [], off, WARSAW)).toMatchObject({ reason: 'time_off' });
    const early = { start: new Date('2026-12-01T21:00:00Z'), end: new Date('2026-12-01T22:00:00Z') };
    expect(outsideAvailability(early, [], off, WARSAW)).toBeUndefined();
    // A lesson ending at midnight does not touch the next day.
    expect(outsideAvailability(lesson('2026-12-01', '22:00', '00:00', '2026-12-02'), [], off, WARSAW)).toBeUndefined();
  });
});

describe('hoursOn', () => {
  it('sorts and joins a day, ignoring other days and seconds', () => {
    expect(
      hoursOn(
        [
          { weekday: 1, start: '15:00:00', end: '18:00:00' },
          { weekday: 1, start: '08:00:00', end: '12:00:00' },
          { weekday: 1, start: '11:00:00', end: '13:00:00' },
          { weekday: 2, start: '08:00:00', end: '09:00:00' },
        ],
        1,
      ),
    ).toEqual([
      { start: '08:00', end: '13:00' },
      { start: '15:00', end: '18:00' },
    ]);
  });
});

describe('weekProblem', () => {
  it('finds an interval ending before it starts and one overlapping another of its day', () => {
    expect(weekProblem([{ weekday: 1, start: '10:00', end: '10:00' }])).toEqual({ index: 0, problem: 'endBeforeStart' });
    expect(
      weekProblem([
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
      ]),
    ).toEqual({ index: 2, problem: 'overlap' });
    expect(
      weekProblem([
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '16:00' },
      ]),
    ).toBeUndefined();
  });
});
