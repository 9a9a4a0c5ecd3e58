import { safePath } from './safe-path';

/**
 * The link a magic-link email carries: our confirm page on APP_URL with the token, the email
 * and a same-site path to go to afterwards. Built from APP_URL, never from the request's Host
 * or X-Forwarded-Host, so a forged header cannot send a real token to someone else's site.
 */
export function confirmLinkFor(authJsUrl: string, appUrl: string, identifier: string): string {
  const callback = new URL(authJsUrl);
  const confirm = new URL('/login/confirm', appUrl);
  confirm.searchParams.set('token', callback.searchParams.get('token') ?? '');
  confirm.searchParams.set('email', callback.searchParams.get('email') ?? identifier);
  const next = callback.searchParams.get('callbackUrl');
  const path = next ? safePath(pathOf(next)) : undefined;
  if (path) confirm.searchParams.set('callbackUrl', path);
  return confirm.toString();
}

function pathOf(value: string): string | undefined {
  try {
    const u = new URL(value, 'http://tutorhub.invalid');
    return u.pathname + u.search;
  } catch {
    return undefined;
  }
}
