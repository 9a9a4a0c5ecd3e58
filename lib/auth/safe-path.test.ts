import { describe, expect, it } from 'vitest';
import { safePath } from './safe-path';

describe('safePath', () => {
  it('keeps paths on this site', () => {
    expect(safePath('/admin/students?q=ola')).toBe('/admin/students?q=ola');
    expect(safePath('/parent')).toBe('/parent');
  });
  it('keeps an encoded control character encoded, so it stays a path here', () => {
    expect(safePath('/%09/evil.tld')).toBe('/%09/evil.tld');
  });
  it('refuses anything that leaves the site or loops to the login page', () => {
    for (const raw of ['//evil.tld', '/\\evil.tld', '/\t/evil.tld', 'https://evil.tld', 'evil.tld', '/login?x=1', '', null, undefined]) {
      expect(safePath(raw), String(raw)).toBeUndefined();
    }
  });
});
