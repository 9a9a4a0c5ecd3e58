import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { emailUnsubscribes } from '@/db/schema';
import { authSecret } from '@/lib/auth/secret';
import type { Queryable } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * The unsubscribe-from-reminders link every automatic email carries (and its List-Unsubscribe
 * header). It works without signing in: the link names the school and the address and is
 * signed with AUTH_SECRET, so nobody can unsubscribe someone else by editing it.
 */

function signature(schoolId: string, email: string): string {
  return createHmac('sha256', authSecret()).update(`unsubscribe:${schoolId}:${email.toLowerCase()}`).digest('base64url').slice(0, 32);
}

/**
 * `/api/unsubscribe?s=<school>&e=<address>&t=<signature>` on the public origin: the footer link
 * and the List-Unsubscribe header are one address, so it must take the one-click POST of RFC
 * 8058, which a page cannot. Opened in a browser it leads on to the page at /unsubscribe.
 */
export function unsubscribeUrl(schoolId: string, email: string): string {
  const url = new URL('/api/unsubscribe', env.APP_URL);
  url.searchParams.set('s', schoolId);
  url.searchParams.set('e', email.toLowerCase());
  url.searchParams.set('t', signature(schoolId, email));
  return url.toString();
}

/** Whether the link's signature matches its school and address. */
export function verifyUnsubscribe(schoolId: string, email: string, token: string): boolean {
  const expected = Buffer.from(signature(schoolId, email));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Whether the address asked for no more reminders from the school. */
export async function isUnsubscribed(db: Queryable, schoolId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: emailUnsubscribes.id })
    .from(emailUnsubscribes)
    .where(and(eq(emailUnsubscribes.schoolId, schoolId), sql`lower(${emailUnsubscribes.email}) = lower(${email})`));
  return Boolean(row);
}

/** The school's unsubscribed addresses, lower-cased, for a job that reminds many people at once. */
export async function unsubscribedAddresses(db: Queryable, schoolId: string): Promise<Set<string>> {
  const rows = await db.select({ email: emailUnsubscribes.email }).from(emailUnsubscribes).where(eq(emailUnsubscribes.schoolId, schoolId));
  return new Set(rows.map((r) => r.email.toLowerCase()));
}
