import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './time';

describe('formatDateTime', () => {
  it('shows a UTC instant in Warsaw time, Polish style, across the DST change', () => {
    expect(formatDateTime(new Date('2026-11-26T13:05:00Z'))).toBe('26.11.2026 14:05'); // CET, UTC+1
    expect(formatDateTime(new Date('2026-07-01T13:05:00Z'))).toBe('01.07.2026 15:05'); // CEST, UTC+2
    expect(formatDateTime('2026-03-29T00:30:00Z')).toBe('29.03.2026 01:30'); // just before the clocks go forward
    expect(formatDateTime('2026-03-29T01:30:00Z')).toBe('29.03.2026 03:30'); // just after
  });
  it('uses 00 for midnight, not 24', () => {
    expect(formatDateTime('2026-11-25T23:00:00Z')).toBe('26.11.2026 00:00');
  });
  it('formats dates in other zones and without time', () => {
    expect(formatDate('2026-11-26T23:30:00Z')).toBe('27.11.2026');
    expect(formatDate('2026-11-26T23:30:00Z', 'UTC')).toBe('26.11.2026');
  });
});
