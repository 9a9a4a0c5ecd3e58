import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { personName, requiredEmail } from '@/lib/records/fields';
import { zodErrorMap } from './zod';

const form = z.object({
  name: personName,
  email: requiredEmail,
  capacity: z.number().int().max(100),
  level: z.enum(['primary', 'secondary']),
  subjects: z.array(z.string()).min(1).max(2),
  id: z.uuid(),
});

const messagesFor = (locale: string, input: unknown) =>
  Object.fromEntries(form.safeParse(input, { error: zodErrorMap(locale) }).error!.issues.map((i) => [i.path.join('.'), i.message]));

describe('validation messages', () => {
  it('say what to do in plain Polish', () => {
    expect(messagesFor('pl', {})).toMatchObject({ name: 'To pole jest wymagane.', email: 'To pole jest wymagane.', capacity: 'To pole jest wymagane.' });
    expect(messagesFor('pl', { name: 'x'.repeat(81), email: 'nope', capacity: Number.NaN, level: 'x', subjects: [], id: '1' })).toEqual({
      name: 'Maksymalnie 80 znaków.',
      email: 'Wpisz poprawny adres e-mail.',
      capacity: 'Wpisz liczbę.',
      level: 'Wybierz jedną z dostępnych opcji.',
      subjects: 'Wybierz co najmniej jedną pozycję.',
      id: 'Wybierz jedną z dostępnych opcji.',
    });
    expect(messagesFor('pl', { name: '', capacity: 101, subjects: ['a', 'b', 'c'] })).toMatchObject({
      name: 'To pole jest wymagane.',
      capacity: 'Wpisz liczbę nie większą niż 100.',
      subjects: 'Wybierz najwyżej 2 pozycje.',
    });
  });

  it('and in plain English', () => {
    expect(messagesFor('en', { name: '', email: 'a@', capacity: 'x', level: 'x', subjects: [], id: '' })).toEqual({
      name: 'This field is required.',
      email: 'Enter a valid email address.',
      capacity: 'Enter a number.',
      level: 'Choose one of the available options.',
      subjects: 'Choose at least one.',
      id: 'Choose one of the available options.',
    });
    expect(messagesFor('en', { name: 'x'.repeat(81) }).name).toBe('At most 80 characters.');
  });

  it('never show zod\'s developer wording', () => {
    for (const locale of ['pl', 'en', 'de']) {
      const all = Object.values(messagesFor(locale, { name: 5, email: 5, capacity: '5', level: 5, subjects: 'x', id: 5 }));
      for (const m of all) expect(m).not.toMatch(/expected|string|>=|<=|oczekiwano|dane wejściowe|undefined/i);
    }
  });

  it('leave a schema\'s own catalog key alone', () => {
    expect(messagesFor('pl', { name: 'a\u0000' }).name).toBe('records.invalidCharacters');
  });
});
