import { eq } from 'drizzle-orm';
import { decode, encode, type JWT } from 'next-auth/jwt';
import { NextRequest, NextResponse } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { createSchool, createUser } from '@/db/seed/factories';
import { readProxySession, REISSUE_AFTER_SECONDS, sessionCookieName } from '@/lib/auth/proxy-session';
import { refreshSessionToken, revokeSession } from '@/lib/auth/session';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();
const secret = 'proxy-session-test-secret-0123456789abcdef';
const maxAgeSeconds = 2 * 3600;
const options = (now: Date, secure = false) => ({ secure, secret, maxAgeSeconds, now });
let schoolId: string;

beforeAll(async () => {
  schoolId = (await createSchool(t.db)).id;
});

/** A sign-in as Auth.js records it at `at`: the session row and the token in its cookie. */
async function signedIn(at: Date, role: 'tutor' | 'parent' = 'tutor') {
  const user = await createUser(t.db, { schoolId, role });
  const token = await refreshSessionToken({ token: {}, user: { id: user.id }, provider: 'credentials', meta: { ip: null, userAgent: null } }, at);
  return { user, token: token! };
}

async function requestWith(token: JWT, { secure = false, chunks = 0 } = {}) {
  const name = sessionCookieName(secure);
  const value = await encode({ token, secret, salt: name, maxAge: maxAgeSeconds });
  const cookie = chunks
    ? Array.from({ length: chunks }, (_, i) => `${name}.${i}=${value.slice((i * value.length) / chunks, ((i + 1) * value.length) / chunks)}`).join('; ')
    : `${name}=${value}`;
  return new NextRequest('http://school.test/tutor', { headers: { cookie } });
}

/** What the proxy would send back: the Set-Cookie headers by cookie name. */
function applied(session: Awaited<ReturnType<typeof readProxySession>>) {
  const res = NextResponse.next();
  session.apply(res);
  return new Map(res.cookies.getAll().map((c) => [c.name, c]));
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const after = (from: Date, s: number) => new Date(from.getTime() + s * 1000);

describe('the proxy reads the session itself', () => {
  it('knows the person and leaves a cookie under a minute old as it is', async () => {
    const t0 = new Date();
    const { user, token } = await signedIn(t0);
    const session = await readProxySession(await requestWith(token), options(after(t0, REISSUE_AFTER_SECONDS - 5)));
    expect(session.user).toMatchObject({ id: user.id, role: 'tutor', schoolId, email: user.email, timeZone: 'Europe/Warsaw' });
    expect(applied(session).size).toBe(0);
  });

  it('re-issues an older cookie, which Auth.js reads back with the idle deadline moved', async () => {
    const t0 = new Date();
    const { user, token } = await signedIn(t0);
    const now = after(t0, REISSUE_AFTER_SECONDS + 1);
    const cookies = applied(await readProxySession(await requestWith(token), options(now)));
    const set = cookies.get('authjs.session-token');
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    expect(set!.expires).toEqual(new Date(now.getTime() + maxAgeSeconds * 1000));
    const read = await decode({ token: set!.value, secret, salt: 'authjs.session-token' });
    expect(read).toMatchObject({ sub: user.id, sid: token.sid, seen: seconds(now) });
  });

  it('re-issues at once when the account changed, so the cookie never carries a stale name', async () => {
    const t0 = new Date();
    const { user, token } = await signedIn(t0);
    await t.db.update(users).set({ name: 'Renamed Person' }).where(eq(users.id, user.id));
    const session = await readProxySession(await requestWith(token), options(after(t0, 1)));
    expect(session.user?.name).toBe('Renamed Person');
    const set = applied(session).get('authjs.session-token');
    expect((await decode({ token: set!.value, secret, salt: 'authjs.session-token' }))?.name).toBe('Renamed Person');
  });

  it('ends a signed-out session and clears its cookie', async () => {
    const t0 = new Date();
    const { token } = await signedIn(t0);
    await revokeSession(token.sid, after(t0, 1));
    const session = await readProxySession(await requestWith(token), options(after(t0, 2)));
    expect(session.user).toBeNull();
    expect(applied(session).get('authjs.session-token')).toMatchObject({ value: '', maxAge: 0 });
  });

  it('ends a session idle for longer than its idle time', async () => {
    const t0 = new Date();
    const { token } = await signedIn(t0);
    expect((await readProxySession(await requestWith(token), options(after(t0, 3 * 3600)))).user).toBeNull();
  });

  it('refuses a cookie it cannot decrypt (forged, or another secret) and clears it', async () => {
    const forged = new NextRequest('http://school.test/tutor', { headers: { cookie: 'authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z' } });
    const session = await readProxySession(forged, options(new Date()));
    expect(session.user).toBeNull();
    expect(applied(session).get('authjs.session-token')?.maxAge).toBe(0);

    const { token } = await signedIn(new Date());
    const otherSecret = await readProxySession(await requestWith(token), { ...options(new Date()), secret: 'another-secret-entirely-0123456789abcdef' });
    expect(otherSecret.user).toBeNull();
  });

  it('reads nothing and sets nothing for a stranger', async () => {
    const session = await readProxySession(new NextRequest('http://school.test/login'), options(new Date()));
    expect(session.user).toBeNull();
    expect(applied(session).size).toBe(0);
  });

  it('uses the __Secure- cookie over https, and reads a cookie Auth.js split into chunks', async () => {
    const t0 = new Date();
    const { user, token } = await signedIn(t0);
    // Over https only the __Secure- name counts: a plain-named cookie is not the session.
    expect((await readProxySession(await requestWith(token), options(t0, true))).user).toBeNull();
    const secure = await readProxySession(await requestWith(token, { secure: true }), options(after(t0, REISSUE_AFTER_SECONDS + 1), true));
    expect(secure.user?.id).toBe(user.id);
    expect(applied(secure).get('__Secure-authjs.session-token')).toMatchObject({ secure: true });

    const chunked = await readProxySession(await requestWith(token, { chunks: 2 }), options(after(t0, REISSUE_AFTER_SECONDS + 1)));
    expect(chunked.user?.id).toBe(user.id);
    const cookies = applied(chunked);
    // Re-issued whole, with the chunks cleared.
    expect(cookies.get('authjs.session-token')?.value).not.toBe('');
    expect(cookies.get('authjs.session-token.0')).toMatchObject({ value: '', maxAge: 0 });
    expect(cookies.get('authjs.session-token.1')).toMatchObject({ value: '', maxAge: 0 });
  });
});
