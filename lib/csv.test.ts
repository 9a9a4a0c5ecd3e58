import { describe, expect, it } from 'vitest';
import { safeCell } from './csv';

describe('safeCell', () => {
  it('defuses formula-like cells', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell('+48 600 100 200')).toBe("'+48 600 100 200");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('Anna')).toBe('Anna');
    expect(safeCell(null)).toBe('');
  });
});
