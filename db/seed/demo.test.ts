import { describe, expect, it } from 'vitest';
import { feminineSurname } from './demo';

describe('feminineSurname', () => {
  it('turns -ski/-cki/-dzki into -ska/-cka/-dzka and leaves other surnames alone', () => {
    expect(feminineSurname('Kowalski')).toBe('Kowalska');
    expect(feminineSurname('Zawadzki')).toBe('Zawadzka');
    expect(feminineSurname('Nowicki')).toBe('Nowicka');
    expect(feminineSurname('Nowak')).toBe('Nowak');
    expect(feminineSurname('Żołnierz')).toBe('Żołnierz');
  });
});
