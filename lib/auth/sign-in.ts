import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { accountTokens, users, type User } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { hit, limits, release, reset, type LimitState } from '@/lib/auth/rate-limit';
import type { RequestMeta } from '@/lib/auth/request-meta';
import { getDb, type Tx } from '@/lib/db';

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
 * Checks an email and password. Each attempt is counted per email and per IP before the
 * password is looked at, in one atomic upsert, so thirty guesses sent at the same moment get at
 * most five password checks; over the limit even a right password is refused until the window
 * ends (the magic link, counted separately, still lets the owner in). Every outcome is audited.
 */
export async function verifyCredentials(input: { email: string; password: string }, meta: RequestMeta): Promise<SignInResult> {
  const email = normalize(input.email);
  const emailKey = `login:email:${email}`;
  // Without a trustworthy client address (no trusted proxy) only the per-email limit applies.
  const ipKey = meta.ip ? `login:ip:${meta.ip}` : null;
  const [emailState, ipState] = await Promise.all([hit(emailKey, limits.loginEmail), ipKey ? hit(ipKey, limits.loginIp) : notLimited]);
  const blocked = [emailState, ipState].find((s) => s.limited);
  const user = await findUserByEmail(email);
  const actor = { userId: user?.id ?? null, role: user?.role ?? null, schoolId: user?.schoolId ?? null, ...meta };

  if (blocked) {
    await writeAudit(getDb(), actor, { action: 'auth.sign_in_blocked', entityType: 'user', entityId: user?.id, after: { email, reason: 'rate_limited' } });
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: blocked.retryAfterSeconds };
  }

  dummyHash ??= hashPassword('not-a-real-password');
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !user.passwordHash || !passwordOk || user.status === 'deactivated') {
    await writeAudit(getDb(), actor, { action: 'auth.sign_in_failed', entityType: 'user', entityId: user?.id, after: { email, method: 'password' } });
    return { ok: false, reason: 'invalid' };
  }
  if (!user.emailVerified || user.status !== 'active') {
    await writeAudit(getDb(), actor, { action: 'auth.sign_in_failed', entityType: 'user', entityId: user.id, after: { email, reason: 'unverified' } });
    return { ok: false, reason: 'unverified' };
  }
  // The right password forgets this email's failures and gives the address its hit back: the
  // per-IP limit is for guessing, not for a school office where everyone signs in from one IP.
  await Promise.all([reset(emailKey), ipKey ? release(ipKey) : undefined]);
  const signedIn = await getDb().transaction((tx) => completeSignIn(tx, user, 'password', meta));
  if (!signedIn) return { ok: false, reason: 'invalid' };
  return { ok: true, user: signedIn };
}

/**
 * What every successful sign-in does, whatever the method: notes the time, proves the address,
 * activates an invited account and voids its open invitations (a first sign-in by magic link
 * must not leave a set-password link working), and audits it. Activation is conditional
 * (`invited` → `active` only) and nothing happens to a deactivated account, so a sign-in that
 * completes while the office deactivates the person never brings the account back. Answers the
 * updated user, or null when the account was deactivated meanwhile.
 */
export async function completeSignIn(tx: Tx, user: Pick<User, 'id'>, method: 'password' | 'magic_link' | 'invite' | 'password_reset', meta: RequestMeta): Promise<User | null> {
  const now = new Date();
  const [row] = await tx
    .update(users)
    .set({
      lastLoginAt: now,
      emailVerified: sql`coalesce(${users.emailVerified}, ${now.toISOString()}::timestamptz)`,
      status: sql`case when ${users.status} = 'invited' then 'active'::user_status else ${users.status} end`,
    })
    .where(and(eq(users.id, user.id), ne(users.status, 'deactivated')))
    .returning();
  const [before] = row ? [] : await tx.select().from(users).where(eq(users.id, user.id));
  const subject = row ?? before;
  const actor = { userId: user.id, role: subject?.role ?? null, schoolId: subject?.schoolId ?? null, ...meta };
  if (!row) {
    await writeAudit(tx, actor, { action: 'auth.sign_in_blocked', entityType: 'user', entityId: user.id, after: { method, reason: 'deactivated' } });
    return null;
  }
  await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, 'invite'), isNull(accountTokens.usedAt)));
  await writeAudit(tx, actor, { action: 'auth.sign_in', entityType: 'user', entityId: user.id, after: { method } });
  return row;
}

/**
 * The end of a magic-link sign-in (Auth.js `events.signIn`, after the session token is made):
 * the same completion as every other method. A deactivated account stays deactivated, and its
 * fresh session is refused at the next request because the account is no longer active.
 */
export async function completeMagicLinkSignIn(email: string, meta: RequestMeta): Promise<User | null> {
  const user = await findUserByEmail(email);
  if (!user) return null;
  return getDb().transaction((tx) => completeSignIn(tx, user, 'magic_link', meta));
}

const notLimited: Promise<LimitState> = Promise.resolve({ limited: false, retryAfterSeconds: 0 });

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

/**
 * The account state a link may be used in: an invitation only while the account still waits
 * for it (an active account's old invitation is refused), a password reset only for an active
 * account. A deactivated account uses neither.
 */
const statusForPurpose = { invite: 'invited', password_reset: 'active' } as const;

/** The user an unused, unexpired account link belongs to, without using it up. */
export async function peekAccountToken(token: string) {
  const [row] = await getDb()
    .select({ purpose: accountTokens.purpose, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, sha256(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, new Date())));
  if (!row || row.user.status !== statusForPurpose[row.purpose]) return null;
  return row;
}

/**
 * Uses an account link: sets the password (required for every role but parents),
 * verifies the email, activates an invited account and, for a reset, signs out other sessions.
 * Atomic: a link used twice at once works only once, and the account's state is re-checked
 * in the same statement that changes it.
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
    const [changed] = await tx
      .update(users)
      .set({
        updatedAt: new Date(),
        ...(passwordHash ? { passwordHash } : {}),
        // A reset ends every other session of the account.
        ...(used.purpose === 'password_reset' ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      })
      .where(and(eq(users.id, used.userId), eq(users.status, statusForPurpose[used.purpose])))
      .returning({ id: users.id, status: users.status });
    if (!changed) return null;
    const user = await completeSignIn(tx, changed, used.purpose, meta);
    if (!user) return null;
    await writeAudit(tx, { userId: user.id, role: user.role, schoolId: user.schoolId, ...meta }, {
      action: used.purpose === 'invite' ? 'auth.invite_accepted' : 'auth.password_reset',
      entityType: 'user',
      entityId: user.id,
      before: { status: changed.status },
      after: { status: user.status, passwordSet: Boolean(passwordHash) },
    });
    return user;
  });
}
