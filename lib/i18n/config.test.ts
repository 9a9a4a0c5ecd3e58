import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import pl from '@/messages/pl.json';
import { localeFromAcceptLanguage } from './config';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogs', () => {
  it('have exactly the same keys in English and Polish', () => {
    expect(keys(pl).sort()).toEqual(keys(en).sort());
  });
  it('have no empty strings', () => {
    const empty = (catalog: unknown) => keys(catalog).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalog) === '');
    expect(empty(en)).toEqual([]);
    expect(empty(pl)).toEqual([]);
  });
});

describe('localeFromAcceptLanguage', () => {
  it('picks the best supported language by quality', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9,pl;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('de-DE,pl;q=0.5,en;q=0.7')).toBe('en');
    expect(localeFromAcceptLanguage('pl-PL')).toBe('pl');
    expect(localeFromAcceptLanguage('de,fr')).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});
