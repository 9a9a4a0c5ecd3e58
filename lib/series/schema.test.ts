import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClosureSchema } from '@/lib/closures/schema';
import { hostilePieces } from '@/test/hostile';
import { endSeriesSchema, planSeriesSchema, updateSeriesFromSchema } from './schema';

const id = '0b7a1f9e-4a0e-4d64-9a53-8f0c9d5e2a11';
const valid = { tutorId: id, subjectId: id, meetingUrl: 'https://meet.example.test/a', studentIds: [id], weekdays: [2], startTime: '16:00', durationMinutes: 60, firstDate: '2026-09-01', lastDate: '2027-06-25' };

describe('planSeriesSchema', () => {
  it('accepts a school year of Tuesdays and sorts and de-duplicates weekdays', () => {
    const parsed = planSeriesSchema.parse({ ...valid, weekdays: [4, 2, 4] });
    expect(parsed).toMatchObject({ weekdays: [2, 4], kind: 'individual', capacity: 1, roomId: null, skipClashes: false });
  });

  it('names the field that is wrong', () => {
    const issues = (input: object) => planSeriesSchema.safeParse({ ...valid, ...input }).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ lastDate: '2026-08-31' })).toEqual([['lastDate', 'series.lastBeforeFirst']]);
    expect(issues({ lastDate: '2027-12-31' })).toEqual([['lastDate', 'series.tooLong']]);
    expect(issues({ weekdays: [] })).toEqual([['weekdays', 'series.weekdaysRequired']]);
    expect(issues({ weekdays: [0] })?.[0][0]).toBe('weekdays.0');
    expect(issues({ startTime: '24:00' })).toEqual([['startTime', 'series.invalidTime']]);
    expect(issues({ durationMinutes: 10 })).toEqual([['durationMinutes', 'series.invalidDuration']]);
    expect(issues({ firstDate: '2026-02-30' })?.[0]).toEqual(['firstDate', 'series.invalidDate']);
    expect(issues({ meetingUrl: null })).toEqual([['roomId', 'lessons.placeRequired']]);
    expect(issues({ studentIds: [id, id], kind: 'group', capacity: 4 })).toEqual([['studentIds', 'lessons.duplicateStudents']]);
  });

  it('never throws on hostile text in any field', () => {
    const fields = ['tutorId', 'startTime', 'firstDate', 'lastDate', 'meetingUrl', 'durationMinutes'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.oneof(fc.constantFrom(...hostilePieces), fc.string(), fc.anything()), (field, value) => {
        const result = planSeriesSchema.safeParse({ ...valid, [field]: value });
        if (result.success) expect(result.data[field]).toBeDefined();
      }),
      { numRuns: 300 },
    );
    for (const s of [endSeriesSchema, updateSeriesFromSchema, createClosureSchema]) {
      for (const piece of hostilePieces) expect(s.safeParse({ seriesId: piece, fromDate: piece, firstDay: piece, lastDay: piece, name: piece }).success).toBe(false);
    }
  });
});
