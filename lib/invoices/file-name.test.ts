import { describe, expect, it } from 'vitest';
import { pdfFileName } from './file-name';

describe('pdfFileName', () => {
  it.each([
    ['FV/0007/11/2026', 'FV-0007-11-2026.pdf'],
    ['FK/0001/12/2026', 'FK-0001-12-2026.pdf'],
    ['2026/11/7', '2026-11-7.pdf'],
    ['Faktura nr "1"; ../x', 'Faktura-nr-1-..-x.pdf'],
    ['Ł/ó/ź', 'faktura.pdf'],
  ])('%s → %s', (number, name) => {
    expect(pdfFileName(number)).toBe(name);
  });
});
