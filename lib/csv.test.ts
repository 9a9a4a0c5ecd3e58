import { describe, expect, it } from 'vitest';
import { csvResponse, safeCell } from './csv';

describe('csvResponse', () => {
  it('starts with a BOM, quotes fields with commas and keeps Polish letters', async () => {
    const res = csvResponse('uczniowie.csv', ['Imię', 'Nazwisko'], [['Łukasz', 'Żołnierz, junior']]);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe('Imię,Nazwisko\r\nŁukasz,"Żołnierz, junior"\r\n');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="uczniowie.csv"');
  });
  it('defuses formula-like cells', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell('+48 600 100 200')).toBe("'+48 600 100 200");
    expect(safeCell('Anna')).toBe('Anna');
    expect(safeCell(null)).toBe('');
  });
});
