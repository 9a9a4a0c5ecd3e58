import { describe, expect, it } from 'vitest';
import { safePath } from './safe-path';

describe('safePath', () => {
  it('keeps paths on this site', () => {
    expect(safePath('/admin/students?q=ola')).toBe('/admin/students?q=ola');
    expect(safePath('/parent')).toBe('/parent');
    expect(safePath('/admin/students?next=//evil.tld')).toBe('/admin/students?next=//evil.tld');
    expect(safePath('/admin/users/../students')).toBe('/admin/students');
    expect(safePath('/admin/students?q=Łukasz%20Żołnierz')).toBe('/admin/students?q=%C5%81ukasz%20%C5%BBo%C5%82nierz');
  });

  it('refuses anything that leaves the site or loops to the login page', () => {
    for (const raw of ['//evil.tld', '/\\evil.tld', '/\t/evil.tld', 'https://evil.tld', 'evil.tld', '/login', '/login?x=1', '/login/confirm', '', null, undefined]) {
      expect(safePath(raw), String(raw)).toBeUndefined();
    }
  });

  it('refuses paths that become another site or the login page once normalised or decoded', () => {
    const hostile = [
      '/..//evil.tld',
      '/.//evil.tld',
      '/./..//evil.tld',
      '/a/../..//evil.tld',
      '/%2e%2e//evil.tld',
      '/%2E%2E//evil.tld',
      '/%2E%2E%2F%2Fevil.tld',
      '/%2e%2e%2f%2fevil.tld',
      '/a/..%2f..%2f/evil.tld',
      '/%2f/evil.tld',
      '/%2F%2Fevil.tld',
      '/%5cevil.tld',
      '/%5C%5Cevil.tld',
      '/%252e%252e%252f%252fevil.tld',
      '/%09/evil.tld',
      '/%0d%0aLocation:%20//evil.tld',
      '/./login',
      '/%2flogin',
      '/%2Flogin',
      '/%2e/login',
      '/admin/../login',
      '/admin/%2e%2e/login?x=1',
      '/LOGIN',
      '/%E0%A4%A',
    ];
    for (const raw of hostile) expect(safePath(raw), raw).toBeUndefined();
  });

  it('never answers something a browser would read as another host', () => {
    const samples = ['/', '/a//b', '/a/./b', '/a/%2e/b', '/%2e', '/%2e%2e', '/..', '/a/b/../../..', '/?//evil.tld', '/#//evil.tld'];
    for (const raw of samples) {
      const out = safePath(raw);
      if (out === undefined) continue;
      expect(out.startsWith('//') || out.startsWith('/\\'), `${raw} → ${out}`).toBe(false);
      expect(new URL(out, 'https://school.example').host).toBe('school.example');
    }
  });
});
