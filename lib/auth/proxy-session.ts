import 'server-only';
import type { Session } from 'next-auth';
import { decode, encode, type JWT } from 'next-auth/jwt';
import type { NextRequest, NextResponse } from 'next/server';
import { refreshSessionToken, sessionUserOf } from '@/lib/auth/session';

/**
 * The session check of `proxy.ts`, the one every page and action request goes through.
 *
 * Auth.js's `auth()` does the same decision (our `jwt` callback, `refreshSessionToken`) but,
 * around it, builds a request and a response of its own, computes a CSRF token and re-encrypts
 * the cookie on every request: Auth.js v5 ignores `session.updateAge` for JWT sessions
 * (nextauthjs/next-auth#13248). Here the cookie is decrypted with Auth.js's own `decode`, the
 * session is checked against the database exactly as before, and the cookie is re-issued with
 * Auth.js's `encode` only when it is a minute old or what it carries changed. A session
 * therefore stays open for its idle time counted from the last re-issue: at most a minute short.
 * Sign-in, sign-out and the `/api/auth` routes stay with Auth.js, and the cookie is the one
 * Auth.js writes and reads (same name, salt, options).
 */

/** Set beside the session cookie and outliving it: its presence without a session means the session ran out. */
export const SESSION_COOKIE_HINT = 'th_had_session';

/** Re-issue the cookie (moving its idle deadline) at most this often while it is in use. */
export const REISSUE_AFTER_SECONDS = 60;

export const sessionCookieName = (secure: boolean) => `${secure ? '__Secure-' : ''}authjs.session-token`;

export type ProxySession = {
  user: Session['user'] | null;
  /** Puts the re-issued cookie on the response, or clears a dead one; nothing when it stands. */
  apply(res: NextResponse): void;
};

type Options = { secure: boolean; secret: string; maxAgeSeconds: number; now?: Date };

/** The session cookie's value as Auth.js wrote it: whole, or its chunks in order. */
function cookieValue(req: NextRequest, name: string): { value: string | undefined; names: string[] } {
  const whole = req.cookies.get(name)?.value;
  const chunks = req.cookies
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  const names = [...(whole !== undefined ? [name] : []), ...chunks.map((c) => c.name)];
  return { value: whole ?? (chunks.length ? chunks.map((c) => c.value).join('') : undefined), names };
}

/** Whether the re-checked token says something the cookie's copy does not. */
function changed(before: JWT, after: JWT): boolean {
  return (['name', 'email', 'role', 'schoolId', 'locale', 'tz', 'sn', 'sv'] as const).some((k) => before[k] !== after[k]);
}

export async function readProxySession(req: NextRequest, { secure, secret, maxAgeSeconds, now = new Date() }: Options): Promise<ProxySession> {
  const name = sessionCookieName(secure);
  const { value, names } = cookieValue(req, name);
  if (!value) return { user: null, apply() {} };

  const options = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const;
  const clear = (res: NextResponse, except?: string) => {
    for (const n of names) if (n !== except) res.cookies.set(n, '', { ...options, maxAge: 0 });
  };
  const cookie = await decode({ token: value, secret, salt: name }).catch(() => null);
  if (!cookie) return { user: null, apply: clear };
  const token = await refreshSessionToken({ token: cookie, meta: { ip: null, userAgent: null } }, now);
  if (!token) return { user: null, apply: clear };

  const user = sessionUserOf(token);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const fresh = typeof cookie.seen === 'number' && nowSeconds - cookie.seen < REISSUE_AFTER_SECONDS && !changed(cookie, token);
  if (fresh) return { user, apply() {} };

  // Written whole: the token (an account's name, email and school name) stays far below the
  // 4 kB at which Auth.js would split it; chunks an older cookie came in are cleared.
  const reissued = await encode({ token, secret, salt: name, maxAge: maxAgeSeconds });
  const expires = new Date(now.getTime() + maxAgeSeconds * 1000);
  return {
    user,
    apply(res) {
      res.cookies.set(name, reissued, { ...options, expires });
      clear(res, name);
    },
  };
}
