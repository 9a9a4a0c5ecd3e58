import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Session } from 'next-auth';
import type { Viewer } from '@/lib/auth/viewer';

/**
 * One session check per request. `proxy.ts` checks the session against the database (Auth.js's
 * `jwt` callback) for every page and action; the page under it used to check it all over again
 * (decrypt the cookie, the same query, encrypt it anew). Instead the proxy hands the viewer it
 * verified to the page in a request header, signed with a key derived from AUTH_SECRET and
 * valid for a few seconds, and `getViewer()` takes it from there.
 *
 * The header is never trusted for being there: the proxy removes any copy a client sent, and
 * without a valid signature (a route the proxy does not run on, a forged or stale value) the
 * page falls back to checking the session itself.
 */
export const FORWARDED_VIEWER_HEADER = 'x-tutorhub-viewer';

/** Long enough for a slow render to read it, short enough that a leaked value is soon useless. */
const LIFETIME_MS = 30_000;

const keys = new Map<string, Buffer>();

/** The signing key: AUTH_SECRET, separated from its other uses by a label. */
function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = createHmac('sha256', secret).update('tutorhub forwarded viewer v1').digest();
    keys.set(secret, key);
  }
  return key;
}

const mac = (secret: string, payload: string) => createHmac('sha256', keyFor(secret)).update(payload).digest();

/** The viewer a verified session stands for: what the proxy forwards and `getViewer()` returns. */
export function viewerOf({ id, role, schoolId, schoolName, name, email, locale, timeZone }: Session['user']): Viewer {
  return { userId: id, role, schoolId, schoolName, name, email, locale, timeZone };
}

/** The header's value: the viewer and an expiry, then their signature. */
export function signForwardedViewer(viewer: Viewer, secret: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ v: viewer, exp: now + LIFETIME_MS })).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

/** The viewer in a header value the proxy signed and that has not expired; otherwise null. */
export function readForwardedViewer(value: string | null | undefined, secret: string, now = Date.now()): Viewer | null {
  if (!value) return null;
  const [payload, signature, ...rest] = value.split('.');
  if (!payload || !signature || rest.length) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { v, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { v: Viewer; exp: number };
    if (typeof exp !== 'number' || exp < now) return null;
    return v;
  } catch {
    return null;
  }
}
