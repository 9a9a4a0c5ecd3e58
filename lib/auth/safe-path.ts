/**
 * A redirect target from a form or a URL, kept only if it stays on this site: resolved the way
 * a browser resolves it, so "//evil.tld", "/\\evil.tld" and "/%09/evil.tld" are refused.
 * Answers the path (with query) or undefined.
 */
export function safePath(raw: string | null | undefined): string | undefined {
  if (!raw || !raw.startsWith('/') || raw.startsWith('/login')) return undefined;
   
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return undefined;
  try {
    const base = 'http://tutorhub.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base) return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}
