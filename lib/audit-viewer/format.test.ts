import { describe, expect, it } from 'vitest';
import { changesOf, collectUuids, toValue } from './format';

const TUTOR = '0b9c3e1a-1111-4a4a-8888-000000000001';
const ROOM = '0b9c3e1a-2222-4a4a-8888-000000000002';
const names = new Map([
  [TUTOR, { label: 'Anna Nowak', href: `/admin/tutors/${TUTOR}` }],
  [ROOM, { label: 'Sala Zielona' }],
]);

describe('audit values', () => {
  it('types values by shape and field: money in grosze, instants, dates, words, ids by name', () => {
    expect(toValue('gross', 14950, names)).toEqual({ kind: 'money', grosze: 14950 });
    expect(toValue('capacity', 4, names)).toEqual({ kind: 'number', value: 4 });
    expect(toValue('isActive', false, names)).toEqual({ kind: 'bool', value: false });
    expect(toValue('start', '2026-11-26T15:00:00.000Z', names)).toEqual({ kind: 'instant', iso: '2026-11-26T15:00:00.000Z' });
    expect(toValue('dueOn', '2026-12-10', names)).toEqual({ kind: 'date', date: '2026-12-10' });
    expect(toValue('status', 'on_leave', names)).toEqual({ kind: 'enum', value: 'on_leave' });
    expect(toValue('reason', 'Choroba dziecka', names)).toEqual({ kind: 'text', text: 'Choroba dziecka' });
    expect(toValue('tutorId', TUTOR.toUpperCase(), names)).toEqual({ kind: 'ref', id: TUTOR.toUpperCase(), label: 'Anna Nowak', href: `/admin/tutors/${TUTOR}` });
    expect(toValue('roomId', ROOM, names)).toMatchObject({ kind: 'ref', label: 'Sala Zielona', href: null });
    // An id nobody in the school has (another school's, or a removed row) stays an id.
    expect(toValue('roomId', '0b9c3e1a-9999-4a4a-8888-000000000009', names)).toEqual({ kind: 'text', text: '0b9c3e1a-9999-4a4a-8888-000000000009' });
    expect(toValue('studentIds', [TUTOR, ROOM], names)).toMatchObject({ kind: 'list', items: [{ label: 'Anna Nowak' }, { label: 'Sala Zielona' }] });
    expect(toValue('weekly', [{ weekday: 1, roomId: ROOM }], names)).toEqual({ kind: 'text', text: '[{"weekday":1,"roomId":"Sala Zielona"}]' });
    expect(toValue('notes', null, names)).toEqual({ kind: 'empty' });
  });

  it('finds every id, however deep', () => {
    expect([...collectUuids({ a: TUTOR, b: [{ c: ROOM.toUpperCase() }], d: 'x' })].sort()).toEqual([TUTOR, ROOM].sort());
  });
});

describe('changed fields', () => {
  it('compares snapshots and keeps only what differs', () => {
    const changes = changesOf({ start: '2026-11-26T15:00:00.000Z', end: '2026-11-26T16:00:00.000Z', roomId: ROOM }, { start: '2026-11-27T15:00:00.000Z', end: '2026-11-27T16:00:00.000Z', roomId: ROOM }, names);
    expect(changes.map((c) => c.field)).toEqual(['start', 'end']);
    expect(changes[0]).toEqual({ field: 'start', old: { kind: 'instant', iso: '2026-11-26T15:00:00.000Z' }, new: { kind: 'instant', iso: '2026-11-27T15:00:00.000Z' } });
  });

  it('reads a diff() written into after', () => {
    expect(changesOf(null, { phone: { old: '600100200', new: '600100300' } }, names)).toEqual([
      { field: 'phone', old: { kind: 'text', text: '600100200' }, new: { kind: 'text', text: '600100300' } },
    ]);
  });

  it('shows every field of a creation and of a removal', () => {
    expect(changesOf(null, { name: 'Fizyka', tutorId: TUTOR }, names)).toEqual([
      { field: 'name', old: { kind: 'empty' }, new: { kind: 'text', text: 'Fizyka' } },
      { field: 'tutorId', old: { kind: 'empty' }, new: { kind: 'ref', id: TUTOR, label: 'Anna Nowak', href: `/admin/tutors/${TUTOR}` } },
    ]);
    expect(changesOf({ capacity: 8 }, null, names)).toEqual([{ field: 'capacity', old: { kind: 'number', value: 8 }, new: { kind: 'empty' } }]);
    expect(changesOf(null, null, names)).toEqual([]);
  });
});
