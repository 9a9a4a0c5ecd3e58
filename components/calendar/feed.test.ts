import { describe, expect, it } from 'vitest';
import { parseFeedQuery, readableTextOn, toLessonEvent, type FeedLesson } from './feed';

const lesson: FeedLesson = {
  id: 'l1',
  start: new Date('2026-12-01T15:00:00Z'),
  end: new Date('2026-12-01T16:00:00Z'),
  kind: 'group',
  capacity: 4,
  status: 'scheduled',
  meetingUrl: null,
  cancelReason: null,
  tutor: { id: 't1', name: 'Anna Kowalczyk', color: '#ffffff' },
  subject: { id: 's1', name: 'Matematyka' },
  room: { id: 'r1', name: 'Sala 2' },
  students: [
    { id: 'u1', name: 'Ola Nowak' },
    { id: 'u2', name: 'Iga Adamczyk' },
  ],
};

describe('calendar feed', () => {
  it('picks black or white text by contrast', () => {
    expect(readableTextOn('#ffffff')).toBe('#000000');
    expect(readableTextOn('#fde047')).toBe('#000000');
    expect(readableTextOn('#000000')).toBe('#ffffff');
    expect(readableTextOn('#1e3a8a')).toBe('#ffffff');
    expect(readableTextOn('#2563eb')).toBe('#ffffff');
    expect(readableTextOn('not a colour')).toBe('#ffffff');
  });

  it('builds the event: title, times as instants, colour, who may move it, which names are shown', () => {
    const event = toLessonEvent(lesson, { canChange: true, onlineLabel: 'online' });
    expect(event).toMatchObject({ title: 'Matematyka · Anna Kowalczyk · Sala 2', start: '2026-12-01T15:00:00.000Z', color: '#ffffff', contrastColor: '#000000', editable: true });
    expect(toLessonEvent({ ...lesson, status: 'cancelled' }, { canChange: true, onlineLabel: 'online' }).editable).toBe(false);
    expect(toLessonEvent({ ...lesson, room: null }, { canChange: false, onlineLabel: 'online' }).title).toBe('Matematyka · Anna Kowalczyk · online');
    const family = toLessonEvent(lesson, { canChange: false, visibleStudentIds: new Set(['u2']), onlineLabel: 'online' });
    expect(family.extendedProps.students).toEqual([{ id: 'u2', name: 'Iga Adamczyk' }]);
    // A colour that is not #rrggbb never reaches the page as CSS.
    expect(toLessonEvent({ ...lesson, tutor: { ...lesson.tutor, color: 'red;background:url(x)' } }, { canChange: false, onlineLabel: 'online' }).color).toBe('#64748b');
  });

  it('reads the range with offsets and refuses what is not one', () => {
    const ok = parseFeedQuery(new URLSearchParams('start=2026-11-30T00:00:00+01:00&end=2026-12-07T00:00:00+01:00&tutorId='));
    expect(ok).toEqual({ ok: true, query: { from: new Date('2026-11-29T23:00:00Z'), to: new Date('2026-12-06T23:00:00Z') } });
    expect(parseFeedQuery(new URLSearchParams('start=2026-11-30T00:00:00&end=2026-12-07T00:00:00'))).toEqual({ ok: false, problem: 'rangeInvalid' });
    expect(parseFeedQuery(new URLSearchParams('start=2026-11-30T00:00:00Z&end=2027-02-01T00:00:00Z'))).toEqual({ ok: false, problem: 'rangeTooLong' });
    expect(parseFeedQuery(new URLSearchParams('start=2026-11-30T00:00:00Z&end=2026-12-01T00:00:00Z&roomId=x'))).toEqual({ ok: false, problem: 'filterInvalid' });
  });
});
