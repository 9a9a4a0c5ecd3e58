import { describe, expect, it } from 'vitest';
import { formatPolishIban, isValidPolishIban } from './iban';

describe('Polish IBAN', () => {
  it.each([
    'PL61 1090 1014 0000 0712 1981 2874',
    'PL61109010140000071219812874',
    '61 1090 1014 0000 0712 1981 2874',
    '61-1090-1014-0000-0712-1981-2874',
    'pl27 1140 2004 0000 3002 0135 5387',
    'PL27\u00a01140\u00a02004\u00a00000\u00a03002\u00a00135\u00a05387',
  ])('accepts %s', (iban) => {
    expect(isValidPolishIban(iban)).toBe(true);
  });

  it.each([
    ['a wrong check', 'PL62 1090 1014 0000 0712 1981 2874'],
    ['a typo in the account', 'PL61 1090 1014 0000 0712 1981 2875'],
    ['two digits swapped', 'PL61 1090 1014 0000 0712 1981 2847'],
    ['a digit short', 'PL61 1090 1014 0000 0712 1981 287'],
    ['a digit too many', 'PL61 1090 1014 0000 0712 1981 28740'],
    ['another country', 'DE89 3704 0044 0532 0130 00'],
    ['letters inside', 'PL61 1090 1014 0000 0712 1981 287A'],
    ['empty', ''],
    ['words', 'konto w banku'],
  ])('refuses %s', (_, iban) => {
    expect(isValidPolishIban(iban)).toBe(false);
  });

  it('prints in groups of four with PL in front', () => {
    expect(formatPolishIban('61109010140000071219812874')).toBe('PL61 1090 1014 0000 0712 1981 2874');
    expect(formatPolishIban('pl 27-1140-2004-0000-3002-0135-5387')).toBe('PL27 1140 2004 0000 3002 0135 5387');
  });
});
