/**
 * Who is asking, as far as the network tells: the client IP and user agent.
 *
 * Next.js fills X-Forwarded-For with the socket address only when the request has none, so
 * whatever a client sends itself survives. The header is therefore trusted only as far as
 * TRUSTED_PROXY_HOPS says: each trusted proxy appends the address it saw, so the client is the
 * entry that many places from the end. With no trusted proxy (0) the address is unknown (null):
 * per-IP limits then do not apply and per-email limits still do. Production runs behind a proxy.
 */
export function clientIpFrom(forwardedFor: string | null | undefined, trustedHops: number): string | null {
  if (trustedHops < 1) return null;
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return chain[chain.length - trustedHops] ?? null;
}

export type RequestMeta = { ip: string | null; userAgent: string | null };

export function requestMetaFrom(headers: Headers, trustedHops: number): RequestMeta {
  return {
    ip: clientIpFrom(headers.get('x-forwarded-for'), trustedHops),
    userAgent: headers.get('user-agent')?.slice(0, 512) ?? null,
  };
}
