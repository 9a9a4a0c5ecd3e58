import { describe, expect, it } from 'vitest';
import { readForwardedViewer, signForwardedViewer } from '@/lib/auth/forwarded-viewer';
import type { Viewer } from '@/lib/auth/viewer';

const viewer: Viewer = {
  userId: '0b7c5f3e-4d1a-4f7e-9a51-6f0c2b1d8e21',
  role: 'parent',
  schoolId: '5f1d2c3b-7a8e-4b9c-8d0e-1f2a3b4c5d6e',
  schoolName: 'Szkoła Korepetycji Na Piątkę',
  name: 'Grażyna Żółkiewska',
  email: 'grazyna@example.pl',
  locale: 'pl',
  timeZone: 'Europe/Warsaw',
};
const secret = 'a-secret-long-enough-for-the-test-0123456789';
const now = Date.parse('2026-12-03T10:00:00Z');

describe('the viewer the proxy hands to the page', () => {
  it('reads back what the proxy signed, Polish letters included', () => {
    expect(readForwardedViewer(signForwardedViewer(viewer, secret, now), secret, now + 1000)).toEqual(viewer);
  });

  it('is refused once expired, so a value that leaked is soon worthless', () => {
    const value = signForwardedViewer(viewer, secret, now);
    expect(readForwardedViewer(value, secret, now + 29_000)).toEqual(viewer);
    expect(readForwardedViewer(value, secret, now + 31_000)).toBeNull();
  });

  it('is refused when a client forges or alters it', () => {
    const value = signForwardedViewer(viewer, secret, now);
    const [payload, signature] = value.split('.');
    const admin = Buffer.from(JSON.stringify({ v: { ...viewer, role: 'admin' }, exp: now + 30_000 })).toString('base64url');
    expect(readForwardedViewer(`${admin}.${signature}`, secret, now)).toBeNull();
    expect(readForwardedViewer(signForwardedViewer({ ...viewer, role: 'admin' }, 'another-secret', now), secret, now)).toBeNull();
    expect(readForwardedViewer(`${payload}.`, secret, now)).toBeNull();
    expect(readForwardedViewer(`${payload}.${signature}.x`, secret, now)).toBeNull();
    expect(readForwardedViewer('', secret, now)).toBeNull();
    expect(readForwardedViewer(null, secret, now)).toBeNull();
    expect(readForwardedViewer('not a header', secret, now)).toBeNull();
  });
});
