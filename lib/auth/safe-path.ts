const BASE = 'http://tutorhub.invalid';

/**
 * A redirect target from a form or a URL, kept only if it stays on this site. It is resolved
 * the way a browser resolves it, and then once more after percent-decoding, because a server
 * or proxy further along may decode `%2e%2e` or `%2f` and turn "/%2e%2e//evil.tld" into
 * "//evil.tld" (another site) or "/%2flogin" into "//login". Refused: anything whose resolved
 * or decoded form starts with "//" or "/\", holds a backslash or control character, leaves the
 * origin, or is the login page (a loop). Answers the path (with query) or undefined.
 */
export function safePath(raw: string | null | undefined): string | undefined {
  if (!raw || !raw.startsWith('/')) return undefined;
  if (hasUnsafeCharacters(raw)) return undefined;
  const url = resolve(raw);
  if (!url || !isPlainPath(url.pathname)) return undefined;
  const decoded = fullyDecoded(url.pathname);
  if (decoded === undefined || hasUnsafeCharacters(decoded)) return undefined;
  const normal = resolve(decoded);
  if (!normal || !isPlainPath(normal.pathname)) return undefined;
  return url.pathname + url.search;
}

const hasUnsafeCharacters = (s: string) => /[\\\u0000-\u001f\u007f]/.test(s);

function isPlainPath(pathname: string) {
  return pathname.startsWith('/') && !pathname.startsWith('//') && !/^\/login(\/|$)/i.test(pathname);
}

function resolve(path: string): URL | undefined {
  try {
    const url = new URL(path, BASE);
    return url.origin === BASE ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Percent-decodes until nothing changes ("%252e" is "%2e" is "."); undefined if malformed or endless. */
function fullyDecoded(s: string): string | undefined {
  let current = s;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}
