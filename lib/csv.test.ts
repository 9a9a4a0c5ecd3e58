import { describe, expect, it } from 'vitest';
import { csvFilename, csvResponse, safeCell } from './csv';

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

describe('csvFilename', () => {
  it("dates the file with today in the school's zone, not in UTC", () => {
    const newYearsEveUtc = new Date('2026-12-31T23:30:00Z'); // already 00:30 on Jan 1 in Warsaw
    expect(csvFilename('uczniowie', 'Europe/Warsaw', newYearsEveUtc)).toBe('uczniowie-2027-01-01.csv');
    expect(csvFilename('students', 'America/New_York', newYearsEveUtc)).toBe('students-2026-12-31.csv');
  });
});
