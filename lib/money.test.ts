import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRound, formatMoney, moneyInput, parseMoney, percentOf, proRata, sumGrosze, toDecimalString, vatFromNet } from './money';

describe('divRound: half away from zero', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [4, 3, 1],
    [5, 3, 2],
    [1, 200, 0],
    [1, 2, 1],
    [-1, 2, -1],
    [0, 7, 0],
  ])('%i / %i → %i', (a, b, q) => expect(divRound(a, b)).toBe(q));

  it('refuses fractions and a zero divisor', () => {
    expect(() => divRound(1.5, 2)).toThrow(RangeError);
    expect(() => divRound(1, 0)).toThrow(RangeError);
  });

  it('never differs from the exact quotient by more than half', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        expect(Math.abs(divRound(a, b) - a / b)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});

describe('pro rata and percentages', () => {
  it.each([
    // price per 60 min, minutes, price
    [10_000, 60, 10_000],
    [10_000, 45, 7_500],
    [10_000, 90, 15_000],
    [12_000, 50, 10_000],
    [9_999, 45, 7_499], // 7499.25 → 7499
    [10_001, 30, 5_001], // 5000.5 → 5001 (half up)
    [10_000, 0, 0],
  ])('%i gr per hour for %i min is %i gr', (per60, minutes, price) => expect(proRata(per60, minutes)).toBe(price));

  it.each([
    [10_000, 10, 1_000],
    [12_345, 12.5, 1_543], // 1543.125
    [5, 10, 1], // 0.5 gr rounds up
    [4, 10, 0],
    [10_000, 0, 0],
    [10_000, 100, 10_000],
  ])('%i gr times %s per cent is %i gr', (amount, percent, result) => expect(percentOf(amount, percent)).toBe(result));

  it('refuses a percentage with more than two decimals or outside 0–100', () => {
    expect(() => percentOf(100, 12.345)).toThrow(RangeError);
    expect(() => percentOf(100, -1)).toThrow(RangeError);
    expect(() => percentOf(100, 101)).toThrow(RangeError);
  });

  it('computes VAT from the net sum and keeps gross = net + VAT', () => {
    expect(vatFromNet(10_000, 23)).toEqual({ net: 10_000, vat: 2_300, gross: 12_300 });
    expect(vatFromNet(1_234, 23)).toEqual({ net: 1_234, vat: 284, gross: 1_518 }); // 283.82
    expect(vatFromNet(1_234, 0)).toEqual({ net: 1_234, vat: 0, gross: 1_234 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e8 }), fc.constantFrom(0, 5, 8, 23), (net, rate) => {
      const { vat, gross } = vatFromNet(net, rate);
      expect(gross).toBe(net + vat);
      expect(Math.abs(vat - (net * rate) / 100)).toBeLessThanOrEqual(0.5);
    }));
  });

  it('sums whole grosze only', () => {
    expect(sumGrosze([100, -50, 25])).toBe(75);
    expect(sumGrosze([])).toBe(0);
    expect(() => sumGrosze([1, 0.5])).toThrow(RangeError);
  });
});

describe('typed amounts', () => {
  it.each([
    ['1 234,50', 123_450],
    ['1\u00a0234,50 zł', 123_450],
    ['1234.5', 123_450],
    ['12', 1_200],
    ['0,05', 5],
    ['12,5 PLN', 1_250],
    ['-5,00', -500],
    [' 7 ', 700],
  ])('%j is %i gr', (text, grosze) => expect(parseMoney(text)).toBe(grosze));

  it.each(['', 'abc', '12,345', '1,2,3', '1e3', '0x10', '12.', ',5', '--5', '100000000', 'NaN', '12 zł 50'])('%j is not an amount', (text) =>
    expect(parseMoney(text)).toBeNull(),
  );

  it('round-trips through the decimal string', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (g) => {
      expect(parseMoney(toDecimalString(g))).toBe(g === 0 ? 0 : g);
    }));
    expect(toDecimalString(123_405)).toBe('1234.05');
    expect(toDecimalString(-5)).toBe('-0.05');
  });

  it('formats Polish amounts with grouped thousands, English with the code', () => {
    expect(formatMoney(123_450)).toBe('1\u00a0234,50\u00a0zł');
    expect(formatMoney(5)).toBe('0,05\u00a0zł');
    expect(formatMoney(-12_000)).toBe('-120,00\u00a0zł');
    expect(formatMoney(100_000_000)).toBe('1\u00a0000\u00a0000,00\u00a0zł');
    expect(formatMoney(123_450, 'en')).toBe('PLN\u00a01,234.50');
  });

  it('reads a form field and refuses negatives and junk with the catalog key', () => {
    expect(moneyInput.parse('1 234,50')).toBe(123_450);
    expect(moneyInput.parse(120)).toBe(12_000);
    expect(moneyInput.parse(0.1 + 0.2)).toBe(30);
    for (const bad of ['-1', 'dużo', '', Number.NaN, Infinity, -3, 1e300, null, undefined, ['12'], { zl: 1 }]) {
      const r = moneyInput.safeParse(bad);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toBe('validation.money');
    }
  });
});
