import { describe, expect, it } from 'vitest';
import { allocatePayments, chargeOf, invoiceNumber, invoiceStatus, invoiceTotals, lessonPrice, monthSpan, siblingDiscount, type ChargeFacts } from './rules';

describe('lessonPrice', () => {
  const subject = { individualPer60: 10_000, groupPer60: 6_000 };
  it.each([
    ['individual', 60, { subject, studentPer60: null }, 10_000],
    ['individual', 45, { subject, studentPer60: null }, 7_500],
    ['individual', 90, { subject, studentPer60: null }, 15_000],
    ['group', 60, { subject, studentPer60: null }, 6_000],
    ['group', 90, { subject, studentPer60: null }, 9_000],
    ['group', 60, { subject: { individualPer60: 10_000, groupPer60: null }, studentPer60: null }, 10_000],
    ['individual', 60, { subject, studentPer60: 8_000 }, 8_000],
    ['group', 45, { subject, studentPer60: 8_000 }, 6_000],
    ['individual', 60, { subject: null, studentPer60: 9_000 }, 9_000],
    ['individual', 60, { subject: null, studentPer60: null }, null],
  ] as const)('%s lesson of %i min with %j costs %s', (kind, minutes, prices, price) => expect(lessonPrice(kind, minutes, prices)).toBe(price));
});

describe('chargeOf', () => {
  const base: ChargeFacts = { lessonStatus: 'completed', enrolled: true, lateCancellation: false, makeup: false, lateCancellationCharged: true };
  it.each([
    ['a held lesson', {}, true, 'held'],
    ['a lesson still planned', { lessonStatus: 'scheduled' }, true, 'planned'],
    ['a lesson cancelled in time (or on a closure, or by the school)', { lessonStatus: 'cancelled' }, false, 'cancelled'],
    ['a late cancellation, charged by policy', { lessonStatus: 'cancelled', lateCancellation: true }, true, 'late_cancellation'],
    ['a late cancellation, school does not charge', { lessonStatus: 'cancelled', lateCancellation: true, lateCancellationCharged: false }, false, 'late_cancellation'],
    ['a late cancellation from a group that still runs', { lessonStatus: 'scheduled', enrolled: false, lateCancellation: true }, true, 'late_cancellation'],
    ['a student removed from a group in time', { lessonStatus: 'scheduled', enrolled: false }, false, 'cancelled'],
    ['a makeup paid by a credit', { makeup: true }, false, 'makeup'],
    ['an absent student of a held lesson (still charged)', { lessonStatus: 'completed' }, true, 'held'],
  ] as const)('%s', (_, facts, charge, reason) => expect(chargeOf({ ...base, ...facts })).toEqual({ charge, reason }));
});

describe('invoiceNumber', () => {
  it.each([
    ['FV/{NNNN}/{MM}/{YYYY}', 7, '2026-11-25', 'FV/0007/11/2026'],
    ['FV/{NNNN}/{MM}/{YYYY}', 12345, '2026-01-05', 'FV/12345/01/2026'],
    ['{YYYY}-{NNN}', 3, '2027-02-25', '2027-003'],
    ['FK/{N}/{YYYY}', 42, '2026-12-01', 'FK/42/2026'],
  ])('%s #%i on %s → %s', (format, seq, date, number) => expect(invoiceNumber(format, seq, date)).toBe(number));
});

describe('monthSpan', () => {
  it('knows month ends, leap years and December', () => {
    expect(monthSpan('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30', next: '2026-12-01' });
    expect(monthSpan('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29', next: '2028-03-01' });
    expect(monthSpan('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31', next: '2027-01-01' });
    expect(() => monthSpan('2026-13')).toThrow(RangeError);
  });
});

describe('totals, discounts, allocation, status', () => {
  it('computes VAT once from the net sum, or none when exempt', () => {
    expect(invoiceTotals([3_333, 3_333, 3_334], { mode: 'rate', ratePercent: 23 })).toEqual({ net: 10_000, vat: 2_300, gross: 12_300 });
    expect(invoiceTotals([10_000, -2_500], { mode: 'exempt', basis: 'art. 43' })).toEqual({ net: 7_500, vat: 0, gross: 7_500 });
  });

  it('gives the sibling discount only with two or more children billed', () => {
    expect(siblingDiscount(new Map([['ola', 40_000]]), 10)).toBe(0);
    expect(siblingDiscount(new Map([['ola', 40_000], ['kuba', 20_000]]), 10)).toBe(-6_000);
    expect(siblingDiscount(new Map([['ola', 40_000], ['kuba', 20_000]]), null)).toBe(0);
  });

  it('pays the oldest invoices first and keeps an overpayment as credit', () => {
    const invoices = [
      { id: 'nov', gross: 40_000, issueDate: '2026-11-25', number: 'FV/0002/11/2026' },
      { id: 'oct', gross: 30_000, issueDate: '2026-10-25', number: 'FV/0001/10/2026' },
    ];
    expect(allocatePayments(invoices, 50_000)).toEqual({ paid: new Map([['oct', 30_000], ['nov', 20_000]]), credit: 0 });
    expect(allocatePayments(invoices, 80_000)).toEqual({ paid: new Map([['oct', 30_000], ['nov', 40_000]]), credit: 10_000 });
    expect(allocatePayments(invoices, 0).paid.get('oct')).toBe(0);
    // A correction that gives 5 000 back pays towards the rest.
    const withCredit = [...invoices, { id: 'fk', gross: -5_000, issueDate: '2026-11-30', number: 'FK/0001/11/2026' }];
    expect(allocatePayments(withCredit, 30_000).paid).toEqual(new Map([['oct', 30_000], ['nov', 5_000], ['fk', 0]]));
  });

  it.each([
    [10_000, 10_000, '2026-12-09', '2026-12-20', 'paid'],
    [10_000, 0, '2026-12-09', '2026-12-09', 'issued'],
    [10_000, 0, '2026-12-09', '2026-12-10', 'overdue'],
    [10_000, 4_000, '2026-12-09', '2026-12-01', 'partially_paid'],
    [10_000, 4_000, '2026-12-09', '2026-12-10', 'overdue'],
  ] as const)('gross %i, paid %i, due %s, today %s → %s', (gross, paid, due, today, status) => expect(invoiceStatus(gross, paid, due, today)).toBe(status));
});
