import { describe, expect, it } from 'vitest';
import { clientIpFrom, requestMetaFrom } from './request-meta';

describe('clientIpFrom', () => {
  it('trusts nothing a client could have written when no proxy is trusted', () => {
    expect(clientIpFrom('6.6.6.6', 0)).toBeNull();
    expect(clientIpFrom('6.6.6.6, 10.0.0.7', 0)).toBeNull();
  });
  it('takes the address the outermost trusted proxy saw, ignoring what the client prepended', () => {
    // client → proxy (appends the client's address) → app
    expect(clientIpFrom('6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    // client → CDN → load balancer → app
    expect(clientIpFrom('6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
  });
  it('answers null when the chain is shorter than the trusted proxies', () => {
    expect(clientIpFrom('203.0.113.9', 2)).toBeNull();
    expect(clientIpFrom(null, 1)).toBeNull();
  });
  it('reads headers and truncates an absurd user agent', () => {
    const meta = requestMetaFrom(new Headers({ 'x-forwarded-for': '127.0.0.1', 'user-agent': 'x'.repeat(2000) }), 1);
    expect(meta.ip).toBe('127.0.0.1');
    expect(meta.userAgent).toHaveLength(512);
  });
});
