import { describe, expect, it } from 'vitest';
import { parsePgTimestamp, parseTstzrange } from '@/db/schema/lessons';
import { cancelLessonSchema, createLessonSchema, meetingUrl, moveLessonSchema, updateLessonSchema } from './schema';

const id = '8b0e6f0a-1c1d-4a4e-9d3e-1a2b3c4d5e6f';
const valid = { tutorId: id, subjectId: id, meetingUrl: 'https://meet.example.test/abc', start: '2026-12-01T15:00:00Z', end: '2026-12-01T16:00:00+00:00', studentIds: [id] };
const issuesOf = (input: unknown) => createLessonSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('createLessonSchema', () => {
  it('accepts an online individual lesson and gives instants', () => {
    const parsed = createLessonSchema.parse(valid);
    expect(parsed).toMatchObject({ kind: 'individual', capacity: 1, roomId: null, start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-01T16:00:00Z') });
  });

  it('needs a room or a link, and only http(s) links', () => {
    expect(issuesOf({ ...valid, meetingUrl: '' })).toContain('roomId:lessons.placeRequired');
    expect(createLessonSchema.parse({ ...valid, meetingUrl: undefined, roomId: id })).toMatchObject({ roomId: id, meetingUrl: null });
    for (const bad of ['javascript:alert(1)', 'ftp://x.test', 'https://', 'https://x.test/a b', `https://x.test/${'a'.repeat(500)}`, 'data:text/html,hi']) {
      expect(meetingUrl.safeParse(bad).success, bad).toBe(false);
    }
    expect(meetingUrl.parse('  https://zoom.us/j/123?pwd=x  ')).toBe('https://zoom.us/j/123?pwd=x');
  });

  it('refuses times without a zone, backwards, too short or too long', () => {
    expect(issuesOf({ ...valid, start: '2026-12-01T15:00:00' })).toContain('start:lessons.invalidStart');
    expect(issuesOf({ ...valid, end: '2026-12-01T14:00:00Z' })).toContain('end:lessons.endBeforeStart');
    expect(issuesOf({ ...valid, end: '2026-12-01T15:10:00Z' })).toContain('end:lessons.tooShort');
    expect(issuesOf({ ...valid, end: '2026-12-01T23:30:00Z' })).toContain('end:lessons.tooLong');
  });

  it('keeps individual lessons to one student and groups to 2–100 places', () => {
    expect(issuesOf({ ...valid, studentIds: [] })).toContain('studentIds:lessons.individualStudent');
    expect(issuesOf({ ...valid, capacity: 3 })).toContain('capacity:lessons.individualCapacity');
    expect(issuesOf({ ...valid, kind: 'group', capacity: 1 })).toContain('capacity:lessons.groupCapacity');
    expect(issuesOf({ ...valid, kind: 'group', capacity: 6, studentIds: [id, id] })).toContain('studentIds:lessons.duplicateStudents');
    expect(createLessonSchema.safeParse({ ...valid, kind: 'group', capacity: 6, studentIds: [] }).success).toBe(true);
  });

  it('never throws on hostile shapes', () => {
    for (const input of [null, 42, 'x', [], { ...valid, start: 1 }, { ...valid, studentIds: 'all' }, { ...valid, end: {} }]) {
      expect(() => createLessonSchema.safeParse(input)).not.toThrow();
      expect(createLessonSchema.safeParse(input).success).toBe(false);
    }
  });
});

describe('updateLessonSchema', () => {
  const edit = { lessonId: id, subjectId: id, roomId: id, meetingUrl: null, kind: 'individual', capacity: 1, studentIds: [id] };
  const issues = (input: unknown) => updateLessonSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

  it('takes the whole state of the lesson by the rules of planning, keeping the tutor unless named', () => {
    expect(updateLessonSchema.parse(edit)).toEqual({ ...edit, meetingUrl: null });
    expect(updateLessonSchema.parse({ ...edit, tutorId: id, knownStudentIds: [] })).toMatchObject({ tutorId: id, knownStudentIds: [] });
    expect(issues({ ...edit, roomId: null })).toContain('roomId:lessons.placeRequired');
    expect(issues({ ...edit, studentIds: [] })).toContain('studentIds:lessons.individualStudent');
    expect(issues({ ...edit, kind: 'group', capacity: 1 })).toContain('capacity:lessons.groupCapacity');
    expect(issues({ ...edit, kind: 'group', capacity: 4, studentIds: [id, id] })).toContain('studentIds:lessons.duplicateStudents');
  });

  it('has no defaults that could change a lesson by omission', () => {
    for (const key of ['subjectId', 'kind', 'capacity', 'studentIds'] as const) {
      const { [key]: _omitted, ...rest } = edit;
      expect(updateLessonSchema.safeParse(rest).success, key).toBe(false);
    }
  });

  it('never throws on hostile shapes', () => {
    for (const input of [null, 42, 'x', [], { ...edit, lessonId: 1 }, { ...edit, studentIds: 'all' }, { ...edit, knownStudentIds: {} }, { ...edit, tutorId: '' }]) {
      expect(() => updateLessonSchema.safeParse(input)).not.toThrow();
      expect(updateLessonSchema.safeParse(input).success).toBe(false);
    }
  });
});

describe('move and cancel', () => {
  it('checks the new span and the reason', () => {
    expect(moveLessonSchema.safeParse({ lessonId: id, start: '2026-12-01T15:00:00Z', end: '2026-12-01T15:00:00Z' }).success).toBe(false);
    expect(cancelLessonSchema.parse({ lessonId: id, reason: '  Choroba ' })).toEqual({ lessonId: id, reason: 'Choroba' });
    expect(cancelLessonSchema.safeParse({ lessonId: id, reason: '   ' }).success).toBe(false);
    expect(cancelLessonSchema.safeParse({ lessonId: id, reason: 'a\u0000b' }).success).toBe(false);
  });
});

describe('tstzrange text', () => {
  it('reads what PostgreSQL prints, in any session zone', () => {
    expect(parseTstzrange('["2026-12-01 15:00:00+00","2026-12-01 16:00:00+00")')).toEqual({ start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-01T16:00:00Z') });
    expect(parseTstzrange('["2026-12-01 16:00:00+01","2026-12-01 17:30:00.5+01")')).toEqual({ start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-01T16:30:00.500Z') });
    expect(parsePgTimestamp('2026-12-01 20:30:00+05:30')).toEqual(new Date('2026-12-01T15:00:00Z'));
    expect(() => parseTstzrange('empty')).toThrow();
  });
});
