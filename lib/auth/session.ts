import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { schools, users, userSessions, type Role, type User } from '@/db/schema';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { getDb, type Database, type Queryable } from '@/lib/db';
import { env } from '@/lib/env';
import { DEFAULT_TIME_ZONE } from '@/lib/time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SessionLimits = { idleSeconds: number; maxSeconds: number };

export const sessionLimits = (): SessionLimits => ({ idleSeconds: env.SESSION_IDLE_MINUTES * 60, maxSeconds: env.SESSION_MAX_HOURS * 3600 });

/** Records a new sign-in; its id goes into the session token as `sid`. */
export async function startSession(userId: string, meta: RequestMeta, now = new Date(), limits = sessionLimits()): Promise<string> {
  const [row] = await getDb()
    .insert(userSessions)
    .values({ userId, createdAt: now, expiresAt: new Date(now.getTime() + limits.maxSeconds * 1000), ip: meta.ip, userAgent: meta.userAgent })
    .returning({ id: userSessions.id });
  return row.id;
}

/** Ends one session on the server: a copy of its cookie stops working at its next request. */
export async function revokeSession(sid: unknown, now = new Date()) {
  if (typeof sid !== 'string' || !UUID.test(sid)) return;
  await getDb()
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, sid), isNull(userSessions.revokedAt)));
}

/** Ends every open session of a person (email changed, account taken away). */
export async function revokeUserSessions(db: Queryable, userId: string, now = new Date()) {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/**
 * The query of every signed-in request: the account, its session row and its school in one.
 * Built once per database handle (`.prepare`): Drizzle then skips assembling the SQL each time.
 */
function buildSessionQuery(db: Database) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      schoolId: users.schoolId,
      locale: users.locale,
      timeZone: schools.timeZone,
      schoolName: schools.name,
      status: users.status,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.userId, users.id), eq(userSessions.id, sql.placeholder('sid'))))
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(and(eq(users.id, sql.placeholder('sub')), isNull(userSessions.revokedAt), sql`${userSessions.expiresAt} > ${sql.placeholder('now')}::timestamptz`))
    .prepare('session_refresh');
}

const sessionQueries = new WeakMap<Database, ReturnType<typeof buildSessionQuery>>();

function sessionQueryOf(db: Database) {
  let query = sessionQueries.get(db);
  if (!query) {
    query = buildSessionQuery(db);
    sessionQueries.set(db, query);
  }
  return query;
}

type TokenRow = Pick<User, 'id' | 'name' | 'email' | 'role' | 'schoolId' | 'locale' | 'sessionVersion'> & { timeZone: string; schoolName: string };

/**
 * `tz` is the school's time zone and `sn` its name: read with the account on every request, so a
 * changed setting applies at the next click, and no page reads the school for them.
 */
function tokenFor(row: TokenRow, sid: string, nowSeconds: number): JWT {
  return { sub: row.id, sid, name: row.name, email: row.email, role: row.role, schoolId: row.schoolId, locale: row.locale, tz: row.timeZone, sn: row.schoolName, sv: row.sessionVersion, seen: nowSeconds };
}

/** The signed-in person a checked token stands for (Auth.js's `session.user`). */
export function sessionUserOf(token: JWT): Session['user'] {
  return {
    id: token.sub!,
    role: token.role as Role,
    schoolId: token.schoolId as string,
    schoolName: (token.sn as string | undefined) ?? '',
    name: token.name ?? '',
    email: token.email ?? '',
    locale: (token.locale as string | undefined) ?? 'pl',
    timeZone: (token.tz as string | undefined) ?? DEFAULT_TIME_ZONE,
  };
}

/**
 * The session decision behind Auth.js's `jwt` callback, which runs at sign-in and on every
 * request that reads the session. Answers the token to re-issue, or null to end the session.
 *
 * At sign-in (`user` given) it re-reads the account (a magic link may be an invited account's
 * first sign-in; everything else needs an active account) and records a `user_sessions` row.
 * On later requests it reads the account, that row and the school's time zone in one query
 * (the viewer carries the zone, so no page reads the school for it) and ends the session when
 * the row is missing, revoked (signed out) or past its absolute lifetime, when the session was
 * idle too long, or when the account was deactivated, demoted or moved (session_version).
 */
export async function refreshSessionToken(
  input: { token: JWT; user?: { id?: string | null }; provider?: string; meta: RequestMeta },
  now = new Date(),
  limits = sessionLimits(),
): Promise<JWT | null> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { token, user } = input;

  if (user) {
    if (!user.id) return null;
    const [found] = await getDb()
      .select({ user: users, timeZone: schools.timeZone, schoolName: schools.name })
      .from(users)
      .innerJoin(schools, eq(schools.id, users.schoolId))
      .where(eq(users.id, user.id));
    const row = found && { ...found.user, timeZone: found.timeZone, schoolName: found.schoolName };
    const firstMagicLink = input.provider === 'email' && row?.status === 'invited';
    if (!row || (row.status !== 'active' && !firstMagicLink)) return null;
    return tokenFor(row, await startSession(row.id, input.meta, now, limits), nowSeconds);
  }

  const { sub, sid } = token;
  if (typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) return null;
  if (typeof token.seen !== 'number' || nowSeconds - token.seen > limits.idleSeconds) return null;
  const [row] = await sessionQueryOf(getDb()).execute({ sub, sid, now: now.toISOString() });
  if (!row || row.status !== 'active') return null;
  if (row.sessionVersion !== token.sv || row.role !== token.role || row.schoolId !== token.schoolId) return null;
  return tokenFor(row, sid, nowSeconds);
}
