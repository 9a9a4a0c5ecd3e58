import { NextResponse, type NextRequest } from 'next/server';
import { FORWARDED_VIEWER_HEADER, signForwardedViewer, viewerOf } from '@/lib/auth/forwarded-viewer';
import { authSecret } from '@/lib/auth/secret';
import { homeOf, roleForArea } from '@/lib/auth/permissions';
import { readProxySession, SESSION_COOKIE_HINT, type ProxySession } from '@/lib/auth/proxy-session';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/config';
import { env } from '@/lib/env';
import { contentSecurityPolicy, createNonce, staticSecurityHeaders } from '@/lib/security-headers';

const PUBLIC_PATHS = ['/login', '/invite', '/unsubscribe'];

/**
 * Routing only: strangers to /login, signed-in people to their own area. Every page, query
 * and action checks the session again itself; this is not the security boundary.
 * The session is checked against the database here (lib/auth/proxy-session.ts), which also
 * re-issues its cookie as it is used: that is what makes the session's lifetime an idle
 * timeout. The viewer it verified goes on to the page signed (lib/auth/forwarded-viewer.ts),
 * so that the page does not check the same session again.
 */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const secret = authSecret();
  const session = await readProxySession(req, { secure: https, secret, maxAgeSeconds: env.SESSION_IDLE_MINUTES * 60 });
  const user = session.user;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const secured = securityFor(req, user ? signForwardedViewer(viewerOf(user), secret) : undefined);

  if (!user) {
    // API routes answer for themselves (401 as JSON): a redirect to the login page is no answer for a fetch.
    if (isPublic || pathname.startsWith('/api/')) return withSession(secured.next(), session);
    const login = new URL('/login', req.nextUrl);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    // The hint cookie outlives the session: its presence means the session ran out.
    const hadSession = req.cookies.has(SESSION_COOKIE_HINT);
    if (hadSession) login.searchParams.set('expired', '1');
    const res = withSession(secured.redirect(login), session);
    if (hadSession) res.cookies.delete(SESSION_COOKIE_HINT);
    return res;
  }

  const home = homeOf[user.role];
  const area = roleForArea(pathname);
  const res = withSession(pathname === '/' || pathname === '/login' || (area && area !== user.role) ? secured.redirect(new URL(home, req.nextUrl)) : secured.next(), session);
  if (!req.cookies.has(SESSION_COOKIE_HINT)) {
    res.cookies.set(SESSION_COOKIE_HINT, '1', { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 30 });
  }
  // Until the person picks a language themself, use the one the school has on file for them
  // (a parent's preferred language), not the browser's guess.
  if (!req.cookies.has(LOCALE_COOKIE) && isLocale(user.locale)) {
    res.cookies.set(LOCALE_COOKIE, user.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  }
  return res;
}

function withSession(res: NextResponse, session: ProxySession) {
  session.apply(res);
  return res;
}

const https = env.APP_URL.startsWith('https:');
const dev = env.NODE_ENV === 'development';

/**
 * Responses carrying the security headers. The policy travels on the request too: Next.js
 * reads its nonce there and puts it on the scripts it renders (`x-nonce` is for our own).
 * So does the signed viewer, and whatever a client sent under that name is dropped.
 */
function securityFor(req: NextRequest, forwardedViewer?: string) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev, https });
  const decorate = (res: NextResponse) => {
    res.headers.set('Content-Security-Policy', policy);
    for (const [key, value] of Object.entries(staticSecurityHeaders({ https }))) res.headers.set(key, value);
    return res;
  };
  return {
    next() {
      const headers = new Headers(req.headers);
      headers.set('x-nonce', nonce);
      headers.set('Content-Security-Policy', policy);
      headers.delete(FORWARDED_VIEWER_HEADER);
      if (forwardedViewer) headers.set(FORWARDED_VIEWER_HEADER, forwardedViewer);
      return decorate(NextResponse.next({ request: { headers } }));
    },
    redirect: (url: URL) => decorate(NextResponse.redirect(url)),
  };
}

// Static files never pass through here, so a stranger gets them too: a phone fetches the web
// app manifest and its icons without a session when the page is added to the home screen.
export const config = {
  matcher: ['/((?!api/auth|api/health|api/inngest|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|jpg|jpeg|webp|css|js|woff2?|webmanifest)$).*)'],
};
