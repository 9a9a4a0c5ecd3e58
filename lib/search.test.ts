import { describe, expect, it } from 'vitest';
import { escapeLike, searchWords } from './search';

describe('search helpers', () => {
  it('splits a search box into at most five words', () => {
    expect(searchWords('  Łukasz   Żołnierz ')).toEqual(['Łukasz', 'Żołnierz']);
    expect(searchWords('')).toEqual([]);
    expect(searchWords(undefined)).toEqual([]);
    expect(searchWords('a b c d e f g')).toHaveLength(5);
  });
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
