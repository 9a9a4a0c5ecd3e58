import { describe, expect, it } from 'vitest';
import { BUSY_SCHOOL_TUTORS, calendarSearch, calendarStateFrom, isCalendarDate, parseClock, parsePolishDate, formatPolishDate, wideViewFor } from './url-state';

const choices = {
  tutors: [{ id: 't1', name: 'Anna', color: '#000000' }],
  rooms: [{ id: 'r1', name: 'Sala 1', capacity: 4 }],
  subjects: [{ id: 's1', name: 'Matematyka', minutes: 60 }],
  students: [{ id: 'u1', name: 'Ola' }],
};

describe('calendar URL state', () => {
  it('reads a bookmarked view and writes it back the same', () => {
    const params = { date: '2026-11-30', view: 'day', tutor: 't1', room: 'r1', subject: 's1', student: 'u1', cancelled: '1' };
    const state = calendarStateFrom(params, { today: '2026-12-01', choices });
    expect(state).toEqual({ date: '2026-11-30', view: 'day', tutor: 't1', room: 'r1', subject: 's1', student: 'u1', cancelled: true });
    expect(Object.fromEntries(new URLSearchParams(calendarSearch(state)))).toEqual(params);
  });

  it('drops what is malformed or not the viewer’s to choose', () => {
    const state = calendarStateFrom({ date: '2026-02-31', view: 'year', tutor: 'someone-else', student: ['x', 'u1'], cancelled: 'yes' }, { today: '2026-12-01', choices });
    expect(state).toEqual({ date: '2026-12-01', view: null, tutor: undefined, room: undefined, subject: undefined, student: undefined, cancelled: false });
    expect(calendarSearch(state)).toBe('date=2026-12-01');
  });

  it('names a parent’s child `child`, as their home does', () => {
    const state = calendarStateFrom({ date: '2026-11-30', student: 'u1' }, { today: '2026-12-01', choices });
    expect(calendarSearch(state, { studentParam: 'child' })).toBe('date=2026-11-30&child=u1');
    expect(calendarSearch({ ...state, student: undefined }, { studentParam: 'child' })).toBe('date=2026-11-30');
  });

  it('checks calendar dates and Polish dates and times', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('26.11.2026')).toBe(false);
    expect(parsePolishDate('26.11.2026')).toBe('2026-11-26');
    expect(parsePolishDate('1.2.2027')).toBe('2027-02-01');
    expect(parsePolishDate('31.11.2026')).toBeUndefined();
    expect(parsePolishDate('2026-11-26')).toBeUndefined();
    expect(formatPolishDate('2026-11-26')).toBe('26.11.2026');
    expect(parseClock('9:05')).toBe('09:05');
    expect(parseClock('16.30')).toBe('16:30');
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('4 pm')).toBeUndefined();
  });

  it("opens the office's calendar of a large school on a day, every other calendar on the week", () => {
    expect(wideViewFor('admin', 12)).toBe('week');
    expect(wideViewFor('admin', BUSY_SCHOOL_TUTORS)).toBe('week');
    expect(wideViewFor('admin', BUSY_SCHOOL_TUTORS + 1)).toBe('day');
    expect(wideViewFor('admin', 121)).toBe('day');
    // A tutor's calendar holds their own lessons only, whatever the school's size.
    expect(wideViewFor('tutor', 121)).toBe('week');
    expect(wideViewFor('parent', 121)).toBe('week');
  });
});
