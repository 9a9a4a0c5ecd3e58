import { describe, expect, it } from 'vitest';
import { conflictingKey, dbConflictOf, rangeBounds } from './conflicts';

describe('dbConflictOf', () => {
  it('finds the constraint on a wrapped postgres.js or PGlite error', () => {
    const postgresJs = Object.assign(new Error('Failed query'), { cause: { code: '23P01', constraint_name: 'lessons_tutor_no_overlap', detail: 'Key …' } });
    expect(dbConflictOf(postgresJs)).toEqual({ sqlState: '23P01', constraint: 'lessons_tutor_no_overlap', detail: 'Key …' });
    const pglite = Object.assign(new Error('Failed query'), { cause: { code: '23505', constraint: 'rooms_school_name_key' } });
    expect(dbConflictOf(pglite)).toEqual({ sqlState: '23505', constraint: 'rooms_school_name_key', detail: undefined });
  });
  it('ignores other errors, including Node error codes that look like SQLSTATEs', () => {
    expect(dbConflictOf(new Error('boom'))).toBeUndefined();
    expect(dbConflictOf({ code: '40001' })).toBeUndefined();
    expect(dbConflictOf({ code: 'EPIPE' })).toBeUndefined();
  });
});

describe('conflictingKey', () => {
  it('reads the existing row of an exclusion constraint, ranges included', () => {
    const detail =
      'Key (school_id, tutor_id, during)=(5c1, 7d2, ["2026-12-01 15:30:00+00","2026-12-01 16:30:00+00")) conflicts with existing key (school_id, tutor_id, during)=(5c1, 7d2, ["2026-12-01 15:00:00+00","2026-12-01 16:00:00+00")).';
    const key = conflictingKey(detail)!;
    expect(key).toEqual({ school_id: '5c1', tutor_id: '7d2', during: '["2026-12-01 15:00:00+00","2026-12-01 16:00:00+00")' });
    expect(rangeBounds(key.during)).toEqual({ start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-01T16:00:00Z') });
  });
  it('reads a unique key, and answers undefined for text without one', () => {
    expect(conflictingKey('Key (school_id, name)=(5c1, Sala 2, piętro) already exists.')).toBeUndefined(); // a comma inside a value is ambiguous
    expect(conflictingKey('Key (school_id, name)=(5c1, Sala 2) already exists.')).toEqual({ school_id: '5c1', name: 'Sala 2' });
    expect(conflictingKey(undefined)).toBeUndefined();
    expect(conflictingKey('something else')).toBeUndefined();
  });
  it('reads ranges printed in a zone other than UTC', () => {
    expect(rangeBounds('["2026-12-01 16:00:00+01","2026-12-01 17:00:00+01")')).toEqual({ start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-01T16:00:00Z') });
    expect(rangeBounds('not a range')).toBeUndefined();
  });
});
