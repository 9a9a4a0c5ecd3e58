import { describe, expect, it } from 'vitest';
import type { School } from '@/db/schema';
import { countsInWords, scheduleOf } from './describe';

const school = { billingDay: 25, overdueCheckHour: 8 } as School;
// The catalog stand-in: "counts.issued {n=3}".
const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('scheduleOf', () => {
  it('reads hourly, daily and monthly schedules off the job and the school', () => {
    expect(scheduleOf({ isDue: () => true }, school)).toEqual({ kind: 'hourly' });
    expect(scheduleOf({ isDue: (s, l) => l.hour === s.overdueCheckHour }, school)).toEqual({ kind: 'daily', hours: [8] });
    expect(scheduleOf({ isDue: (_s, l) => l.hour === 9 || l.hour === 21 }, school)).toEqual({ kind: 'daily', hours: [9, 21] });
    expect(scheduleOf({ isDue: (s, l) => l.day === s.billingDay && l.hour === 6 }, school)).toEqual({ kind: 'monthly', days: [25], hours: [6] });
    expect(scheduleOf({ isDue: () => false }, school)).toEqual({ kind: 'never' });
  });

  it('hands the job a consistent local moment: the date matches the day', () => {
    const seen: string[] = [];
    scheduleOf(
      {
        isDue: (_s, l) => {
          seen.push(`${l.date}|${l.day}`);
          return false;
        },
      },
      school,
    );
    expect(seen).toHaveLength(31 * 24);
    for (const s of seen) expect(Number(s.slice(8, 10))).toBe(Number(s.split('|')[1]));
  });
});

describe('countsInWords', () => {
  it('puts known counts in words in the order the job gave them, and still shows a count it has no words for', () => {
    expect(countsInWords(t, { issued: 168, emailed: 168 })).toBe('counts.issued {"n":168}, counts.emailed {"n":168}');
    expect(countsInWords(t, { expired: 0, newThing: 2 })).toBe('counts.expired {"n":0}, new thing: 2');
  });

  it('says there was nothing to do when the job reported no counts', () => {
    expect(countsInWords(t, {})).toBe('counts.none');
    expect(countsInWords(t, null)).toBe('counts.none');
  });
});
