import { describe, expect, it } from 'vitest';
import { clientIpFrom, requestMetaFrom } from './request-meta';

describe('clientIpFrom', () => {
  it('takes the socket address (last entry) when no proxy is trusted', () => {
    expect(clientIpFrom('6.6.6.6, 10.0.0.7', 0)).toBe('10.0.0.7');
  });
  it('skips exactly the trusted proxies and ignores what the client wrote before them', () => {
    expect(clientIpFrom('6.6.6.6, 203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientIpFrom('203.0.113.9, 10.0.0.2', 5)).toBe('203.0.113.9');
  });
  it('falls back to X-Real-IP, then to nothing', () => {
    expect(clientIpFrom(null, 0, '198.51.100.4')).toBe('198.51.100.4');
    expect(clientIpFrom('', 0)).toBeNull();
  });
  it('reads headers and truncates an absurd user agent', () => {
    const meta = requestMetaFrom(new Headers({ 'x-forwarded-for': '127.0.0.1', 'user-agent': 'x'.repeat(2000) }), 0);
    expect(meta.ip).toBe('127.0.0.1');
    expect(meta.userAgent).toHaveLength(512);
  });
});
