import { describe, expect, it } from 'vitest';
import { confirmLinkFor } from './magic-link';

describe('confirmLinkFor', () => {
  it('points at APP_URL whatever host Auth.js saw, keeping the token and a same-site next page', () => {
    const forged = 'https://evil.example/api/auth/callback/email?callbackUrl=https%3A%2F%2Fevil.example%2Fparent&token=t0k3n&email=ola%40example.com';
    const link = new URL(confirmLinkFor(forged, 'https://app.napiatke.pl', 'ola@example.com'));
    expect(link.origin).toBe('https://app.napiatke.pl');
    expect(link.pathname).toBe('/login/confirm');
    expect(link.searchParams.get('token')).toBe('t0k3n');
    expect(link.searchParams.get('email')).toBe('ola@example.com');
    expect(link.searchParams.get('callbackUrl')).toBe('/parent');
  });
  it('never carries a next page that leaves the site', () => {
    for (const next of ['%2F%2Fevil.example', 'https%3A%2F%2Fevil.example%2F', '%2F%5Cevil.example']) {
      const url = `http://localhost:3000/api/auth/callback/email?callbackUrl=${next}&token=x&email=a%40b.pl`;
      const kept = new URL(confirmLinkFor(url, 'http://localhost:3000', 'a@b.pl')).searchParams.get('callbackUrl');
      expect(kept === null || (kept.startsWith('/') && !kept.startsWith('//') && !kept.includes('evil')), next).toBe(true);
    }
  });
});
