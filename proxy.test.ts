import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { describe, expect, it, vi } from 'vitest';

// Only the matcher is under test here: the session handling it wraps is not loaded.
vi.mock('@/lib/auth/proxy-session', () => ({ readProxySession: () => undefined, SESSION_COOKIE_HINT: 'th_had_session' }));

const { config } = await import('./proxy');
const runsOn = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe('proxy matcher', () => {
  it('leaves the web app manifest and the icons to strangers, as a phone fetches them on "add to home screen"', () => {
    for (const path of ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png', '/apple-icon.png', '/icon.svg', '/favicon.ico']) {
      expect(runsOn(path), path).toBe(false);
    }
  });

  it('still runs on pages, so a stranger is sent to the login page and every page gets its security headers', () => {
    for (const path of ['/', '/login', '/parent', '/parent/invoices', '/admin/settings', '/api/invoices/1/pdf', '/manifest']) {
      expect(runsOn(path), path).toBe(true);
    }
  });
});
