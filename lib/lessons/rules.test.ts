import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.lessons.json';
import pl from '@/messages/pl.lessons.json';
import { capacityProblem, clashSentence, groupFullSentence, placesOf, spanProblem, type LessonTranslator } from './rules';

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const translator = (locale: 'en' | 'pl'): LessonTranslator =>
  createTranslator({ locale, messages: { lessons: locale === 'en' ? en : pl }, namespace: 'lessons' }) as unknown as LessonTranslator;

describe('a lesson’s time span', () => {
  it('must end after it starts, last at least 15 minutes and at most 8 hours', () => {
    expect(spanProblem(at('16:00'), at('17:00'))).toBeUndefined();
    expect(spanProblem(at('16:00'), at('16:00'))).toBe('endBeforeStart');
    expect(spanProblem(at('17:00'), at('16:00'))).toBe('endBeforeStart');
    expect(spanProblem(at('16:00'), at('16:10'))).toBe('tooShort');
    expect(spanProblem(at('08:00'), at('16:00'))).toBeUndefined();
    expect(spanProblem(at('08:00'), at('16:01'))).toBe('tooLong');
    expect(spanProblem(new Date(Number.NaN), at('16:00'))).toBe('endBeforeStart');
  });
});

describe('places', () => {
  it('gives an individual lesson one place and one student, a group 2–100 places', () => {
    expect(capacityProblem('individual', 1, 1)).toBeUndefined();
    expect(capacityProblem('individual', 2, 1)).toBe('individualCapacity');
    expect(capacityProblem('individual', 1, 0)).toBe('individualStudent');
    expect(capacityProblem('individual', 1, 2)).toBe('individualStudent');
    expect(capacityProblem('group', 8, 0)).toBeUndefined();
    expect(capacityProblem('group', 1, 1)).toBe('groupCapacity');
    expect(capacityProblem('group', 101, 1)).toBe('groupCapacity');
    expect(capacityProblem('group', 2.5, 1)).toBe('groupCapacity');
  });

  it('is limited by the room', () => {
    expect(placesOf(10, 8)).toBe(8);
    expect(placesOf(6, 8)).toBe(6);
    expect(placesOf(6, null)).toBe(6);
  });
});

describe('refusals in words (real catalogs)', () => {
  // 15:00 UTC is 16:00 in Warsaw in December.
  const facts = { tutor: 'Anna Kowalczyk', subject: 'Matematyka', room: 'Sala 2', start: at('15:00'), end: at('16:00'), timeZone: 'Europe/Warsaw' };

  it('names the tutor, subject, local time and place of the lesson already there', () => {
    expect(clashSentence(translator('en'), 'tutor_busy', facts)).toBe('Anna Kowalczyk already teaches Matematyka 16:00–17:00 in Sala 2.');
    expect(clashSentence(translator('en'), 'tutor_busy', { ...facts, room: null })).toBe('Anna Kowalczyk already teaches Matematyka 16:00–17:00 online.');
    expect(clashSentence(translator('pl'), 'tutor_busy', facts)).toBe('Anna Kowalczyk prowadzi już lekcję Matematyka w godz. 16:00–17:00 (Sala 2).');
    expect(clashSentence(translator('en'), 'tutor_busy', { ...facts, timeZone: 'Europe/London' })).toContain('15:00–16:00');
  });

  it('says who holds a room and what a student already has', () => {
    expect(clashSentence(translator('en'), 'room_busy', facts)).toBe('Sala 2 is taken 16:00–17:00: Anna Kowalczyk teaches Matematyka there.');
    // Room names carry their word ("Sala 2"): the sentence does not say it twice.
    expect(clashSentence(translator('pl'), 'room_busy', facts)).toBe('Sala 2 jest zajęta w godz. 16:00–17:00: Anna Kowalczyk prowadzi tam lekcję Matematyka.');
    expect(clashSentence(translator('en'), 'student_busy', { ...facts, tutor: 'Jan Kot', subject: 'Fizyka', student: 'Ola Nowak' })).toBe(
      'Ola Nowak already has Fizyka 16:00–17:00 with Jan Kot.',
    );
    expect(clashSentence(translator('pl'), 'student_busy', { ...facts, tutor: 'Jan Kot', subject: 'Fizyka', student: 'Ola Nowak' })).toBe(
      'Ola Nowak ma już lekcję Fizyka w godz. 16:00–17:00 (prowadzi Jan Kot).',
    );
  });

  it('says a group is full, and when the room is what limits it', () => {
    expect(groupFullSentence(translator('en'), { taken: 8, capacity: 8, room: 'Sala 2', roomCapacity: 8 })).toBe('The group is full: 8 of 8 places (Sala 2 holds 8).');
    expect(groupFullSentence(translator('en'), { taken: 6, capacity: 10, room: 'Sala 2', roomCapacity: 6 })).toBe('The group is full: 6 of 6 places (Sala 2 holds 6).');
    expect(groupFullSentence(translator('en'), { taken: 8, capacity: 8, room: null, roomCapacity: null })).toBe('The group is full: 8 of 8 places.');
    expect(groupFullSentence(translator('pl'), { taken: 8, capacity: 8, room: 'Sala 2', roomCapacity: 12 })).toBe('Grupa jest pełna: zajęte 8 z 8 miejsc.');
    expect(groupFullSentence(translator('pl'), { taken: 6, capacity: 10, room: 'Sala 2', roomCapacity: 6 })).toBe('Grupa jest pełna: zajęte 6 z 6 miejsc (Sala 2 mieści 6).');
  });
});
