import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createNonce, staticSecurityHeaders } from './security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('security headers', () => {
  it('allows only scripts with this response nonce, and no framing', () => {
    const csp = directives(contentSecurityPolicy('abc123', { dev: false, https: false }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('lets the development server evaluate code, never production', () => {
    expect(contentSecurityPolicy('n', { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('n', { dev: false, https: true })).not.toContain("'unsafe-eval'");
  });

  it('sends HSTS and upgrades requests only when the public origin is https', () => {
    expect(staticSecurityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
    expect(staticSecurityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security');
    expect(contentSecurityPolicy('n', { dev: false, https: true })).toContain('upgrade-insecure-requests');
  });

  it('makes a different unguessable nonce each time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});
