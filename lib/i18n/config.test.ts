import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { localeFromAcceptLanguage } from './config';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// Every catalog file, shared and per feature, compared locale by locale.
const dir = path.join(import.meta.dirname, '../../messages');
const load = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const files = fs.readdirSync(dir).filter((f) => f.startsWith('en.') && f.endsWith('.json'));
const en = Object.fromEntries(files.map((f) => [f.slice(3), load(f)]));
const pl = Object.fromEntries(files.map((f) => [f.slice(3), load(`pl.${f.slice(3)}`)]));

describe('message catalogs', () => {
  it('exist in both languages for every feature', () => {
    const plFiles = fs.readdirSync(dir).filter((f) => f.startsWith('pl.') && f.endsWith('.json'));
    expect(plFiles.map((f) => f.slice(3)).sort()).toEqual(files.map((f) => f.slice(3)).sort());
  });

  it('have exactly the same keys in English and Polish', () => {
    expect(keys(pl).sort()).toEqual(keys(en).sort());
  });
  it('have no empty strings', () => {
    const empty = (catalog: unknown, prefix = ''): string[] =>
      typeof catalog === 'string'
        ? catalog.trim() === '' ? [prefix] : []
        : Object.entries(catalog as Record<string, unknown>).flatMap(([k, v]) => empty(v, `${prefix}/${k}`));
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
