import { requestMetaFrom } from '@/lib/auth/request-meta';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { allowUnsubscribeRequest, readUnsubscribeLink, setReminderSubscription } from '@/lib/notifications/unsubscribe-requests';

export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' };

/**
 * The address every automatic reminder carries, in its footer and as List-Unsubscribe:
 * `/api/unsubscribe?s=<school>&e=<address>&t=<signature>`.
 *
 * GET (a person clicking the footer link, or a mail scanner fetching it) changes nothing: it
 * sends the browser to the page at /unsubscribe with the same query, whose button unsubscribes.
 */
export async function GET(request: Request) {
  const { search } = new URL(request.url);
  // A relative Location: behind the standalone server the request URL names the bind address, not the public origin.
  return new Response(null, { status: 303, headers: { 'Cache-Control': 'no-store', Location: `/unsubscribe${search}` } });
}

/**
 * One-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the
 * List-Unsubscribe address, and the address is unsubscribed from the school's reminders with
 * no page and no sign-in. The signature is the authorization; a link that does not verify is
 * refused and changes nothing. Doing it twice answers the same.
 */
export async function POST(request: Request) {
  const { searchParams } = new URL(request.url);
  if (!(await isOneClick(request))) return new Response('Expected List-Unsubscribe=One-Click\n', { status: 400, headers });
  const db = getDb();
  const link = await readUnsubscribeLink(db, { s: searchParams.get('s'), e: searchParams.get('e'), t: searchParams.get('t') });
  if (!link) return new Response('This unsubscribe link is not valid\n', { status: 400, headers });
  const meta = requestMetaFrom(request.headers, env.TRUSTED_PROXY_HOPS);
  const limit = await allowUnsubscribeRequest(link, meta);
  if (limit.limited) return new Response('Too many attempts\n', { status: 429, headers: { ...headers, 'Retry-After': String(limit.retryAfterSeconds) } });
  const changed = await setReminderSubscription(db, link, false, meta);
  if (changed) log.info('unsubscribed by one click', { schoolId: link.school.id });
  return new Response('Unsubscribed\n', { status: 200, headers });
}

/** Whether the body is `List-Unsubscribe=One-Click`, sent as a form (urlencoded or multipart, as RFC 8058 allows). */
async function isOneClick(request: Request): Promise<boolean> {
  const type = request.headers.get('content-type') ?? '';
  try {
    if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
      return (await request.formData()).get('List-Unsubscribe') === 'One-Click';
    }
    return new URLSearchParams((await request.text()).trim()).get('List-Unsubscribe') === 'One-Click';
  } catch {
    return false;
  }
}
