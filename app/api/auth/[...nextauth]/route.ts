import { handlers } from '@/lib/auth/auth';

export const { GET } = handlers;

/**
 * Signing in happens only through the login form's server actions, which validate, rate-limit,
 * audit and answer alike for unknown emails (they call Auth.js in-process, not over HTTP).
 * Auth.js's own POST endpoints for signing in would skip that, so they are closed; the emailed
 * link's callback (a GET) and sign-out stay.
 */
export async function POST(request: Request) {
  const path = new URL(request.url).pathname;
  if (/\/api\/auth\/(signin|callback)\//.test(path)) return new Response('Not found', { status: 404 });
  return handlers.POST(request as never);
}
