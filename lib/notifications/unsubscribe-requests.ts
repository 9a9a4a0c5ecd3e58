import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { emailUnsubscribes, schools, type School } from '@/db/schema';
import { runAudited } from '@/lib/audited';
import { hit, type Limit, type LimitState } from '@/lib/auth/rate-limit';
import type { RequestMeta } from '@/lib/auth/request-meta';
import type { Database, Queryable } from '@/lib/db';
import { isUnsubscribed, verifyUnsubscribe } from './unsubscribe';

/**
 * What the public unsubscribe page, its buttons and the one-click POST (RFC 8058) share: read
 * and verify a signed link, change the address's choice for its school with an audit row
 * (no person acting: the `unsubscribe-link` system, with the request's IP and user agent),
 * and rate-limit it like the sign-in form.
 */

/** The link's query: school, address and signature, as the footer link carries them. */
const linkSchema = z.object({
  s: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
  e: z.string().trim().toLowerCase().max(320),
  t: z.string().max(128),
});

export type UnsubscribeLink = {
  school: Pick<School, 'id' | 'name' | 'locale' | 'email' | 'phone'>;
  email: string;
};

/**
 * The school and address a link names, when its signature matches and the school exists;
 * null for anything else (missing, repeated or edited parameters), so the page answers a
 * clear "this link does not work" and nothing else.
 */
export async function readUnsubscribeLink(db: Queryable, params: Record<string, unknown>): Promise<UnsubscribeLink | null> {
  const parsed = linkSchema.safeParse(params);
  if (!parsed.success) return null;
  const { s, e, t } = parsed.data;
  if (!e.includes('@') || !verifyUnsubscribe(s, e, t)) return null;
  const [school] = await db
    .select({ id: schools.id, name: schools.name, locale: schools.locale, email: schools.email, phone: schools.phone })
    .from(schools)
    .where(eq(schools.id, s));
  return school ? { school, email: e } : null;
}

/** Whether the link's address is unsubscribed from its school's reminders now. */
export function isLinkUnsubscribed(db: Queryable, link: UnsubscribeLink): Promise<boolean> {
  return isUnsubscribed(db, link.school.id, link.email);
}

/** Per address and per client IP: enough for a person changing their mind, not for a script. */
export const unsubscribeLimits = {
  address: { max: 10, windowSeconds: 15 * 60 },
  ip: { max: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, Limit>;

/** Counts one attempt for the address and the IP (when known) and says whether either is over its limit. */
export async function allowUnsubscribeRequest(link: UnsubscribeLink, meta: RequestMeta): Promise<LimitState> {
  const states = await Promise.all([
    hit(`unsubscribe:address:${link.school.id}:${link.email}`, unsubscribeLimits.address),
    meta.ip ? hit(`unsubscribe:ip:${meta.ip}`, unsubscribeLimits.ip) : Promise.resolve({ limited: false, retryAfterSeconds: 0 }),
  ]);
  return states.find((s) => s.limited) ?? { limited: false, retryAfterSeconds: 0 };
}

class Unchanged extends Error {}

/**
 * Unsubscribes the link's address from its school's reminders (`subscribed: false`) or
 * subscribes it again (`true`). Idempotent: the row is inserted with "on conflict do nothing"
 * and removed only if there, and only an actual change is audited
 * (`email.unsubscribed` / `email.resubscribed`). Answers whether anything changed.
 */
export async function setReminderSubscription(db: Database, link: UnsubscribeLink, subscribed: boolean, meta: RequestMeta): Promise<boolean> {
  const actor = { userId: null, role: null, schoolId: link.school.id, system: 'unsubscribe-link', ...meta };
  try {
    await runAudited(
      actor,
      async (tx, audit) => {
        const rows = subscribed
          ? await tx
              .delete(emailUnsubscribes)
              .where(and(eq(emailUnsubscribes.schoolId, link.school.id), sql`lower(${emailUnsubscribes.email}) = ${link.email}`))
              .returning({ id: emailUnsubscribes.id })
          : await tx.insert(emailUnsubscribes).values({ schoolId: link.school.id, email: link.email }).onConflictDoNothing().returning({ id: emailUnsubscribes.id });
        if (rows.length === 0) throw new Unchanged();
        await audit({
          action: subscribed ? 'email.resubscribed' : 'email.unsubscribed',
          entityType: 'email_unsubscribe',
          entityId: rows[0].id,
          ...(subscribed ? { before: { email: link.email } } : { after: { email: link.email } }),
        });
      },
      db,
    );
    return true;
  } catch (err) {
    if (err instanceof Unchanged) return false;
    throw err;
  }
}
