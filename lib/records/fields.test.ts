import { describe, expect, it } from 'vitest';
import { isRealDate, optionalPastDate, optionalText, personName } from './fields';

describe('record field rules', () => {
  it('accepts only dates that exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-02-31')).toBe(false);
    expect(isRealDate('2023-13-01')).toBe(false);
    expect(isRealDate('1.2.2023')).toBe(false);
    expect(optionalPastDate.safeParse('2023-02-31').success).toBe(false);
    expect(optionalPastDate.safeParse('').data).toBeNull();
  });
  it('refuses control characters that PostgreSQL would reject, keeps normal text', () => {
    expect(personName.safeParse('Zo\u0000sia').success).toBe(false);
    expect(optionalText(100).safeParse('ul. Polna 1\u0000').success).toBe(false);
    expect(optionalText(100).safeParse('ul. Polna 1\nm. 2').data).toBe('ul. Polna 1\nm. 2');
    expect(personName.safeParse('Łucja').data).toBe('Łucja');
  });
});
