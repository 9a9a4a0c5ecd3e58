import { describe, expect, it } from 'vitest';
import { approvalOutcome, creditDaysLeft, creditExpiry, isLateCancellation, lastUsableDay, pickCredit, termOf, withinCap } from './rules';

const WAW = 'Europe/Warsaw';
const at = (iso: string) => new Date(iso);

describe('isLateCancellation', () => {
  const start = at('2026-12-10T15:00:00Z');
  it('is in time with exactly the notice, late a minute after', () => {
    expect(isLateCancellation(start, at('2026-12-09T15:00:00Z'), 24)).toBe(false);
    expect(isLateCancellation(start, at('2026-12-09T15:01:00Z'), 24)).toBe(true);
  });
  it('counts elapsed hours across a clock change', () => {
    // Warsaw goes from CEST to CET in the night of 24/25 October 2026: 25 wall-clock hours, 24 real ones.
    const monday = at('2026-10-26T15:00:00Z'); // 16:00 CET
    expect(isLateCancellation(monday, at('2026-10-25T15:00:00Z'), 24)).toBe(false);
    expect(isLateCancellation(monday, at('2026-10-25T15:00:01Z'), 24)).toBe(true);
  });
  it('honours the school setting, including no notice at all', () => {
    expect(isLateCancellation(start, at('2026-12-08T16:00:00Z'), 48)).toBe(true);
    expect(isLateCancellation(start, at('2026-12-10T14:59:00Z'), 0)).toBe(false);
  });
});

describe('creditExpiry', () => {
  it('is the midnight ending the local day N days after approval', () => {
    // Approved 1 Dec 10:00 Warsaw → usable through 31 Dec → expires at 1 Jan 00:00 Warsaw (23:00 UTC).
    const expires = creditExpiry(at('2026-12-01T09:00:00Z'), 30, WAW);
    expect(expires.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(lastUsableDay(expires, WAW)).toBe('2026-12-31');
  });
  it('reads the approval day in the school zone, not UTC', () => {
    // 23:30 UTC on 30 Nov is already 1 Dec in Warsaw.
    expect(creditExpiry(at('2026-11-30T23:30:00Z'), 1, WAW).toISOString()).toBe('2026-12-02T23:00:00.000Z');
  });
  it('ends at local midnight across a clock change', () => {
    // Approved 1 Mar (CET), 30 days → usable through 31 Mar (CEST since 29 Mar) → 1 Apr 00:00 CEST = 31 Mar 22:00 UTC.
    expect(creditExpiry(at('2026-03-01T12:00:00Z'), 30, WAW).toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });
});

describe('pickCredit', () => {
  const credit = (id: string, created: string, expires: string, status: 'open' | 'used' | 'expired' = 'open') => ({ id, status, createdAt: at(created), expiresAt: at(expires) });
  const now = at('2026-12-15T12:00:00Z');
  it('takes the oldest open credit still usable', () => {
    const credits = [
      credit('c', '2026-12-05T00:00:00Z', '2027-01-05T00:00:00Z'),
      credit('a', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'), // past its expiry though still open
      credit('b', '2026-11-20T00:00:00Z', '2026-12-20T00:00:00Z'),
      credit('u', '2026-11-10T00:00:00Z', '2026-12-30T00:00:00Z', 'used'),
    ];
    expect(pickCredit(credits, now)?.id).toBe('b');
  });
  it('answers undefined when nothing is open, and breaks ties by id', () => {
    expect(pickCredit([credit('x', '2026-11-01T00:00:00Z', '2026-12-30T00:00:00Z', 'expired')], now)).toBeUndefined();
    expect(pickCredit([credit('z', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'), credit('y', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z')], now)?.id).toBe('y');
  });
});

describe('terms and the cap', () => {
  it('splits the school year September–January and February–August in the school zone', () => {
    expect(termOf(at('2026-12-01T12:00:00Z'), WAW)).toEqual({ start: at('2026-08-31T22:00:00Z'), end: at('2027-01-31T23:00:00Z') });
    expect(termOf(at('2027-01-31T22:30:00Z'), WAW).start).toEqual(at('2026-08-31T22:00:00Z'));
    // 31 Jan 23:30 UTC is 1 Feb in Warsaw: the second term.
    expect(termOf(at('2027-01-31T23:30:00Z'), WAW)).toEqual({ start: at('2027-01-31T23:00:00Z'), end: at('2027-08-31T22:00:00Z') });
    expect(termOf(at('2027-07-15T12:00:00Z'), WAW).end).toEqual(at('2027-08-31T22:00:00Z'));
  });
  it('caps credits per term; no cap means always', () => {
    expect(withinCap(1, 2)).toBe(true);
    expect(withinCap(2, 2)).toBe(false);
    expect(withinCap(0, 0)).toBe(false);
    expect(withinCap(99, null)).toBe(true);
  });
  it('gives a credit only in time and within the cap', () => {
    expect(approvalOutcome({ late: false, earnedThisTerm: 0, capPerTerm: null })).toBe('credit');
    expect(approvalOutcome({ late: true, earnedThisTerm: 0, capPerTerm: null })).toBe('late');
    expect(approvalOutcome({ late: false, earnedThisTerm: 3, capPerTerm: 3 })).toBe('cap');
  });
});

describe('creditDaysLeft', () => {
  // Usable through 31 December in Warsaw: it expires at midnight starting 1 January (23:00 UTC).
  const expires = creditExpiry(at('2026-12-01T09:00:00Z'), 30, WAW);
  it('counts local calendar days to the last usable day, 0 on that day', () => {
    expect(creditDaysLeft(expires, WAW, at('2026-12-01T09:00:00Z'))).toBe(30);
    expect(creditDaysLeft(expires, WAW, at('2026-12-30T22:59:00Z'))).toBe(1); // 23:59 on the 30th in Warsaw
    expect(creditDaysLeft(expires, WAW, at('2026-12-30T23:00:00Z'))).toBe(0); // midnight: the 31st
    expect(creditDaysLeft(expires, WAW, at('2026-12-31T22:59:00Z'))).toBe(0);
  });
  it('goes negative once the credit ran out', () => {
    expect(creditDaysLeft(expires, WAW, at('2026-12-31T23:00:00Z'))).toBe(-1);
  });
  it('is not shifted by a clock change in between', () => {
    // Warsaw leaves summer time in the night of 24/25 October 2026.
    const october = creditExpiry(at('2026-10-20T10:00:00Z'), 10, WAW); // through 30 October
    expect(lastUsableDay(october, WAW)).toBe('2026-10-30');
    expect(creditDaysLeft(october, WAW, at('2026-10-20T10:00:00Z'))).toBe(10);
  });
});
