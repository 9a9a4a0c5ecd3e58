import { describe, expect, it } from 'vitest';
import { completeNip, isValidNip, normalizeNip } from './nip';

describe('NIP checksum', () => {
  it('accepts a valid NIP in any common spelling', () => {
    expect(isValidNip('5260250274')).toBe(true);
    expect(isValidNip('526-025-02-74')).toBe(true);
    expect(isValidNip('526 025 02 74')).toBe(true);
  });
  it('rejects a wrong check digit, wrong length and letters', () => {
    expect(isValidNip('5260250275')).toBe(false);
    expect(isValidNip('526025027')).toBe(false);
    expect(isValidNip('52602502741')).toBe(false);
    expect(isValidNip('52602502a4')).toBe(false);
  });
  it('never accepts a NIP whose checksum is 10', () => {
    // 123456789 → sum 6+10+21+8+15+24+35+48+63 = 230, 230 % 11 = 10: no valid tenth digit.
    expect(completeNip('123456789')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidNip(`123456789${d}`)).toBe(false);
  });
  it('completes nine digits into a valid NIP', () => {
    const nip = completeNip('526025027');
    expect(nip).toBe('5260250274');
    expect(normalizeNip('526-025-02-74')).toBe('5260250274');
  });
});
