import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { accountTokens, users, type User } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { hit, limits, peek, reset, type LimitState } from '@/lib/auth/rate-limit';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { getDb } from '@/lib/db';

export type SignInFailure = 'invalid' | 'unverified' | 'rate_limited';
export type SignInResult = { ok: true; user: User } | { ok: false; reason: SignInFailure; retryAfterSeconds?: number };

const normalize = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const [row] = await getDb().select().from(users).where(sql`lower(${users.email}) = ${normalize(email)}`);
  return row;
}

// Verifying against a throwaway hash when the email is unknown keeps the answer time the
// same, so response timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an email and password. Failures are counted per email and per IP; over the limit
 * even a right password is refused until the window ends. Every outcome is audited.
 */
export async function verifyCredentials(input: { email: string; password: string }, meta: RequestMeta): Promise<SignInResult> {
  const email = normalize(input.email);
  const emailKey = `login:email:${email}`;
  // Without a trustworthy client address (no trusted proxy) only the per-email limit applies.
  const ipKey = meta.ip ? `login:ip:${meta.ip}` : null;
  const blocked = await firstLimited([peek(emailKey, limits.loginEmail), ipKey ? peek(ipKey, limits.loginIp) : notLimited]);
  const user = await findUserByEmail(email);
  const actor = { userId: user?.id ?? null, role: user?.role ?? null, schoolId: user?.schoolId ?? null, ...meta };

  if (blocked) {
    await writeAudit(getDb(), actor, { action: 'auth.sign_in_blocked', entityType: 'user', entityId: user?.id, after: { email, reason: 'rate_limited' } });
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: blocked.retryAfterSeconds };
  }

  dummyHash ??= hashPassword('not-a-real-password');
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !user.passwordHash || !passwordOk || user.status === 'deactivated') {
    const counted = await firstLimited([hit(emailKey, limits.loginEmail), ipKey ? hit(ipKey, limits.loginIp) : notLimited]);
    await writeAudit(getDb(), actor, { action: 'auth.sign_in_failed', entityType: 'user', entityId: user?.id, after: { email, method: 'password' } });
    return counted ? { ok: false, reason: 'rate_limited', retryAfterSeconds: counted.retryAfterSeconds } : { ok: false, reason: 'invalid' };
  }
  if (!user.emailVerified || user.status !== 'active') {
    await writeAudit(getDb(), actor, { action: 'auth.sign_in_failed', entityType: 'user', entityId: user.id, after: { email, reason: 'unverified' } });
    return { ok: false, reason: 'unverified' };
  }
  await reset(emailKey);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await writeAudit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, after: { method: 'password' } });
  });
  return { ok: true, user };
}

const notLimited: Promise<LimitState> = Promise.resolve({ limited: false, retryAfterSeconds: 0 });

async function firstLimited(checks: Promise<LimitState>[]) {
  return (await Promise.all(checks)).find((s) => s.limited);
}

/** Counts a magic-link request; true when it may go ahead. */
export async function allowMagicLinkRequest(email: string, meta: RequestMeta): Promise<LimitState> {
  const states = await Promise.all([
    hit(`magic:email:${normalize(email)}`, limits.magicLinkEmail),
    meta.ip ? hit(`magic:ip:${meta.ip}`, limits.magicLinkIp) : notLimited,
  ]);
  return states.find((s) => s.limited) ?? { limited: false, retryAfterSeconds: 0 };
}

// ---------------------------------------------------------------------------------------
// Invitation and password-reset links

export const INVITE_VALID_DAYS = 7;
export const RESET_VALID_DAYS = 1;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Creates a single-use account link for `userId`, invalidating earlier unused ones of the
 * same purpose. Only the hash is stored; the returned token goes into the email.
 */
export async function issueAccountToken(db: Parameters<typeof writeAudit>[0], userId: string, purpose: 'invite' | 'password_reset'): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const days = purpose === 'invite' ? INVITE_VALID_DAYS : RESET_VALID_DAYS;
  await db
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  await db.insert(accountTokens).values({ userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + days * 86_400_000) });
  return token;
}

/** The user an unused, unexpired account link belongs to, without using it up. */
export async function peekAccountToken(token: string) {
  const [row] = await getDb()
    .select({ purpose: accountTokens.purpose, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, sha256(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())));
  if (!row || row.user.status === 'deactivated') return null;
  return row;
}

/**
 * Uses an account link: sets the password (required for every role but parents),
 * verifies the email, activates the account and, for a reset, signs out other sessions.
 * Atomic: a link used twice at once works only once.
 */
export async function redeemAccountToken(input: { token: string; password?: string }, meta: RequestMeta): Promise<User | null> {
  const found = await peekAccountToken(input.token);
  if (!found) return null;
  const needsPassword = found.user.role !== 'parent';
  if (needsPassword && !input.password) return null;
  const passwordHash = needsPassword ? await hashPassword(input.password!) : null;

  return getDb().transaction(async (tx) => {
    const [used] = await tx
      .update(accountTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(accountTokens.tokenHash, sha256(input.token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())))
      .returning({ purpose: accountTokens.purpose, userId: accountTokens.userId });
    if (!used) return null;
    const [user] = await tx
      .update(users)
      .set({
        status: 'active',
        emailVerified: found.user.emailVerified ?? new Date(),
        lastLoginAt: new Date(),
        updatedAt: new Date(),
        ...(passwordHash ? { passwordHash } : {}),
        // A reset ends every other session of the account.
        ...(used.purpose === 'password_reset' ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(and(eq(users.id, used.userId), sql`${users.status} <> 'deactivated'`))
      .returning();
    if (!user) return null;
    const actor = { userId: user.id, role: user.role, schoolId: user.schoolId, ...meta };
    await writeAudit(tx, actor, {
      action: used.purpose === 'invite' ? 'auth.invite_accepted' : 'auth.password_reset',
      entityType: 'user',
      entityId: user.id,
      before: { status: found.user.status },
      after: { status: 'active', passwordSet: Boolean(passwordHash) },
    });
    await writeAudit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, after: { method: used.purpose } });
    return user;
  });
}
