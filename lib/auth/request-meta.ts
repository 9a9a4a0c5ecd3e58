/**
 * Who is asking, as far as the network tells: the client IP and user agent.
 * `next start` appends the socket address to X-Forwarded-For, so the last entry is the
 * socket's. With N trusted proxies in front (TRUSTED_PROXY_HOPS), the client is N entries
 * further left; anything further left than that was written by the client and is ignored.
 */
export function clientIpFrom(forwardedFor: string | null | undefined, trustedHops: number, realIp?: string | null): string | null {
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return realIp?.trim() || null;
  const index = Math.max(0, chain.length - 1 - trustedHops);
  return chain[index] ?? null;
}

export type RequestMeta = { ip: string | null; userAgent: string | null };

export function requestMetaFrom(headers: Headers, trustedHops: number): RequestMeta {
  return {
    ip: clientIpFrom(headers.get('x-forwarded-for'), trustedHops, headers.get('x-real-ip')),
    userAgent: headers.get('user-agent')?.slice(0, 512) ?? null,
  };
}
