import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileString } from '@/test/hostile';
import { addTimeOffSchema, setWeeklyHoursSchema } from './schema';

const tutorId = '7b0c3f0e-4a8e-4a51-9a53-0d2a4c1e8f10';

describe('setWeeklyHoursSchema', () => {
  it('accepts a week with several intervals a day and an empty week', () => {
    expect(setWeeklyHoursSchema.safeParse({ tutorId, intervals: [] }).success).toBe(true);
    const week = [
      { weekday: 1, start: '08:00', end: '12:00' },
      { weekday: 1, start: '12:00', end: '16:00' },
      { weekday: 7, start: '00:00', end: '23:59' },
    ];
    expect(setWeeklyHoursSchema.parse({ tutorId, intervals: week }).intervals).toEqual(week);
  });

  it('refuses bad times, weekdays and shapes with catalog keys, never by throwing', () => {
    const bad = (intervals: unknown) => setWeeklyHoursSchema.safeParse({ tutorId, intervals });
    expect(bad([{ weekday: 0, start: '08:00', end: '09:00' }]).error?.issues[0].message).toBe('availability.invalidWeekday');
    expect(bad([{ weekday: 1.5, start: '08:00', end: '09:00' }]).success).toBe(false);
    expect(bad([{ weekday: 1, start: '8:00', end: '09:00' }]).error?.issues[0].message).toBe('availability.invalidTime');
    expect(bad([{ weekday: 1, start: '08:00', end: '24:00' }]).error?.issues[0].message).toBe('availability.invalidTime');
    expect(bad([{ weekday: 1, start: '09:00', end: '08:00' }]).error?.issues).toMatchObject([{ path: ['intervals', 0, 'end'], message: 'availability.endBeforeStart' }]);
    expect(bad([null]).success).toBe(false);
    expect(bad('monday').success).toBe(false);
    expect(bad(Array.from({ length: 71 }, () => ({ weekday: 1, start: '08:00', end: '09:00' }))).success).toBe(false);
  });

  it('survives hostile text anywhere in an interval', () => {
    fc.assert(
      fc.property(hostileString, hostileString, fc.anything(), (start, end, weekday) => {
        const result = setWeeklyHoursSchema.safeParse({ tutorId, intervals: [{ weekday, start, end }] });
        if (result.success) expect(result.data.intervals[0].start < result.data.intervals[0].end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addTimeOffSchema', () => {
  it('takes calendar dates first to last and tidies the reason', () => {
    expect(addTimeOffSchema.parse({ tutorId, firstDay: '2026-12-24', lastDay: '2026-12-31', reason: '  Święta  ' })).toEqual({
      tutorId,
      firstDay: '2026-12-24',
      lastDay: '2026-12-31',
      reason: 'Święta',
    });
    expect(addTimeOffSchema.parse({ tutorId, firstDay: '2026-12-24', lastDay: '2026-12-24', reason: '' }).reason).toBeNull();
  });

  it('survives hostile dates and reasons', () => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (firstDay, lastDay, reason) => {
        const result = addTimeOffSchema.safeParse({ tutorId, firstDay, lastDay, reason });
        if (result.success) expect(result.data.firstDay <= result.data.lastDay).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
