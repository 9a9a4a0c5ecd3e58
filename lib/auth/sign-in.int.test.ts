import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, rateLimits, users } from '@/db/schema';
import { createSchool, createStudent, createUser } from '@/db/seed/factories';
import { hashPassword } from '@/lib/auth/password';
import { hit, limits, peek } from '@/lib/auth/rate-limit';
import { allowMagicLinkRequest, completeMagicLinkSignIn, issueAccountToken, peekAccountToken, redeemAccountToken, verifyCredentials } from '@/lib/auth/sign-in';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();
const meta = { ip: '198.51.100.1', userAgent: 'vitest' };
let schoolId: string;
let passwordHash: string;

beforeAll(async () => {
  schoolId = (await createSchool(t.db)).id;
  passwordHash = await hashPassword('correct horse battery');
});

async function auditActions(userId: string) {
  return (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorUserId, userId))).map((r) => r.action);
}

describe('password sign-in', () => {
  it('accepts the right password, case-insensitively on the email, and audits it', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor', email: 'ania@example.test', passwordHash });
    const result = await verifyCredentials({ email: 'ANIA@example.test', password: 'correct horse battery' }, meta);
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await auditActions(user.id)).toContain('auth.sign_in');
  });

  it('refuses a wrong password, then rate-limits the email after five failures even for the right password', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor', email: 'bartek@example.test', passwordHash });
    for (let i = 0; i < 4; i++) {
      expect(await verifyCredentials({ email: user.email, password: 'wrong' }, { ...meta, ip: `10.0.0.${i}` })).toEqual({ ok: false, reason: 'invalid' });
    }
    const fifth = await verifyCredentials({ email: user.email, password: 'wrong' }, meta);
    expect(fifth).toEqual({ ok: false, reason: 'invalid' });
    const sixth = await verifyCredentials({ email: user.email, password: 'wrong' }, meta);
    expect(sixth).toMatchObject({ ok: false, reason: 'rate_limited' });
    const right = await verifyCredentials({ email: user.email, password: 'correct horse battery' }, meta);
    expect(right.ok).toBe(false);
    if (!right.ok) {
      expect(right.reason).toBe('rate_limited');
      expect(right.retryAfterSeconds).toBeGreaterThan(0);
      expect(right.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions).toContain('auth.sign_in_blocked');
    expect(actions).not.toContain('auth.sign_in');
  });

  it('checks at most five passwords when thirty guesses for one account arrive at once, and refuses the right one until the window ends', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor', email: 'parallel@example.test', passwordHash });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => verifyCredentials({ email: user.email, password: `guess ${i}` }, { ...meta, ip: `10.1.0.${i}` })),
    );
    const actions = await auditActions(user.id);
    const checked = actions.filter((a) => a === 'auth.sign_in_failed').length;
    expect(checked).toBeLessThanOrEqual(limits.loginEmail.max);
    expect(checked).toBeGreaterThan(0);
    expect(actions.filter((a) => a === 'auth.sign_in_blocked')).toHaveLength(30 - checked);
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(checked);

    expect(await verifyCredentials({ email: user.email, password: 'correct horse battery' }, meta)).toMatchObject({ ok: false, reason: 'rate_limited' });
    // The magic link is counted separately: a stranger guessing passwords cannot keep the owner out.
    expect((await allowMagicLinkRequest(user.email, meta)).limited).toBe(false);

    await t.db
      .update(rateLimits)
      .set({ windowStart: new Date(Date.now() - (limits.loginEmail.windowSeconds + 1) * 1000) })
      .where(eq(rateLimits.key, `login:email:${user.email}`));
    expect(await verifyCredentials({ email: user.email, password: 'correct horse battery' }, meta)).toMatchObject({ ok: true });
    // A success forgets the email's failures.
    expect(await t.db.select().from(rateLimits).where(eq(rateLimits.key, `login:email:${user.email}`))).toHaveLength(0);
  });

  it('limits guesses from one address across many accounts at once, without counting successful sign-ins', async () => {
    const ip = '203.0.113.77';
    const user = await createUser(t.db, { schoolId, role: 'tutor', email: 'office@example.test', passwordHash });
    for (let i = 0; i < 3; i++) expect(await verifyCredentials({ email: user.email, password: 'correct horse battery' }, { ...meta, ip })).toMatchObject({ ok: true });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => verifyCredentials({ email: `sprayed${i}@example.test`, password: 'guess' }, { ...meta, ip })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(limits.loginIp.max);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(40 - limits.loginIp.max);
  });

  it('refuses an unknown email the same way as a wrong password', async () => {
    expect(await verifyCredentials({ email: 'nobody@example.test', password: 'x' }, meta)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an account that is not verified or is deactivated', async () => {
    const invited = await createUser(t.db, { schoolId, role: 'student', passwordHash, status: 'invited', emailVerified: null });
    expect(await verifyCredentials({ email: invited.email, password: 'correct horse battery' }, meta)).toEqual({ ok: false, reason: 'unverified' });
    const gone = await createUser(t.db, { schoolId, role: 'student', passwordHash, status: 'deactivated' });
    expect(await verifyCredentials({ email: gone.email, password: 'correct horse battery' }, meta)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('rate limit windows', () => {
  it('counts within a window and starts again after it', async () => {
    const limit = { max: 2, windowSeconds: 60 };
    const t0 = new Date('2026-11-26T10:00:00Z');
    expect((await hit('test:window', limit, t0)).limited).toBe(false);
    expect((await hit('test:window', limit, new Date(t0.getTime() + 1000))).limited).toBe(false);
    const third = await hit('test:window', limit, new Date(t0.getTime() + 2000));
    expect(third).toEqual({ limited: true, retryAfterSeconds: 58 });
    expect((await peek('test:window', limit, new Date(t0.getTime() + 3000))).limited).toBe(true);
    expect((await hit('test:window', limit, new Date(t0.getTime() + 61_000))).limited).toBe(false);
  });

  it('agrees under concurrent hits (one upsert, no lost updates)', async () => {
    const limit = { max: 1000, windowSeconds: 60 };
    await Promise.all(Array.from({ length: 20 }, () => hit('test:concurrent', limit)));
    const state = await hit('test:concurrent', limit);
    expect(state.limited).toBe(false);
    const [row] = await t.db.select().from(rateLimits).where(eq(rateLimits.key, 'test:concurrent'));
    expect(row.count).toBe(21);
  });
});

describe('invitation links', () => {
  it('set the password, verify and activate the account, and work only once', async () => {
    const student = await createStudent(t.db, { schoolId, withLogin: true });
    await t.db.update(users).set({ status: 'invited', emailVerified: null }).where(eq(users.id, student.userId!));
    const token = await issueAccountToken(t.db, student.userId!, 'invite');
    expect(await peekAccountToken(token)).toMatchObject({ purpose: 'invite' });

    expect(await redeemAccountToken({ token }, meta)).toBeNull(); // a student must choose a password
    const user = await redeemAccountToken({ token, password: 'a long enough password' }, meta);
    expect(user).toMatchObject({ status: 'active' });
    expect(user!.emailVerified).toBeInstanceOf(Date);
    expect(await verifyCredentials({ email: user!.email, password: 'a long enough password' }, meta)).toMatchObject({ ok: true });

    expect(await redeemAccountToken({ token, password: 'another long password' }, meta)).toBeNull();
    expect(await auditActions(user!.id)).toContain('auth.invite_accepted');
  });

  it('store only a hash, and a new link replaces the old one', async () => {
    const parent = await createUser(t.db, { schoolId, role: 'parent', status: 'invited', emailVerified: null });
    const first = await issueAccountToken(t.db, parent.id, 'invite');
    const second = await issueAccountToken(t.db, parent.id, 'invite');
    const rows = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, parent.id));
    expect(rows.some((r) => r.tokenHash === first || r.tokenHash === second)).toBe(false);
    expect(await peekAccountToken(first)).toBeNull();
    // A parent needs no password.
    expect(await redeemAccountToken({ token: second }, meta)).toMatchObject({ id: parent.id, status: 'active' });
  });

  it('expire', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor', status: 'invited' });
    const token = await issueAccountToken(t.db, user.id, 'invite');
    await t.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(and(eq(accountTokens.userId, user.id)));
    expect(await redeemAccountToken({ token, password: 'a long enough password' }, meta)).toBeNull();
  });

  it('a password reset signs out other sessions by bumping the session version', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor', passwordHash });
    const token = await issueAccountToken(t.db, user.id, 'password_reset');
    const after = await redeemAccountToken({ token, password: 'brand new password' }, meta);
    expect(after!.sessionVersion).toBe(user.sessionVersion + 1);
  });
});

describe('first sign-in and activation', () => {
  it("refuses an invitation link once the account is active, e.g. after a first sign-in by magic link", async () => {
    const parent = await createUser(t.db, { schoolId, role: 'parent', status: 'invited', emailVerified: null });
    const token = await issueAccountToken(t.db, parent.id, 'invite');
    const signedIn = await completeMagicLinkSignIn(parent.email, meta);
    expect(signedIn).toMatchObject({ id: parent.id, status: 'active' });
    expect(signedIn!.emailVerified).toBeInstanceOf(Date);
    // The magic link voided the open invitation...
    const [row] = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, parent.id));
    expect(row.usedAt).toBeInstanceOf(Date);
    expect(await peekAccountToken(token)).toBeNull();
    expect(await redeemAccountToken({ token }, meta)).toBeNull();
  });

  it('refuses an old invitation of an active account even when it was not voided', async () => {
    const tutor = await createUser(t.db, { schoolId, role: 'tutor', status: 'invited', emailVerified: null });
    const token = await issueAccountToken(t.db, tutor.id, 'invite');
    // e.g. activated by an older version of the app that left invitations open
    await t.db.update(users).set({ status: 'active', emailVerified: new Date(), passwordHash }).where(eq(users.id, tutor.id));
    expect(await peekAccountToken(token)).toBeNull();
    expect(await redeemAccountToken({ token, password: 'takeover password' }, meta)).toBeNull();
    expect(await verifyCredentials({ email: tutor.email, password: 'correct horse battery' }, meta)).toMatchObject({ ok: true });
  });

  it('voids open invitations at a password sign-in', async () => {
    const tutor = await createUser(t.db, { schoolId, role: 'tutor', passwordHash });
    await t.db.insert(accountTokens).values({ userId: tutor.id, purpose: 'invite', tokenHash: `stale-${tutor.id}`, expiresAt: new Date(Date.now() + 86_400_000) });
    expect(await verifyCredentials({ email: tutor.email, password: 'correct horse battery' }, meta)).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, tutor.id));
    expect(row.usedAt).toBeInstanceOf(Date);
  });

  it('a magic-link sign-in completing after the office deactivated the account leaves it deactivated', async () => {
    const parent = await createUser(t.db, { schoolId, role: 'parent', status: 'invited', emailVerified: null });
    // The office deactivates between the link's check and the end of the sign-in.
    await t.db.update(users).set({ status: 'deactivated', sessionVersion: parent.sessionVersion + 1 }).where(eq(users.id, parent.id));
    expect(await completeMagicLinkSignIn(parent.email, meta)).toBeNull();
    const [after] = await t.db.select().from(users).where(eq(users.id, parent.id));
    expect(after.status).toBe('deactivated');
    expect(after.lastLoginAt).toBeNull();
    expect(await auditActions(parent.id)).toEqual(['auth.sign_in_blocked']);
  });

  it('an active account signing in by magic link stays active and is audited', async () => {
    const parent = await createUser(t.db, { schoolId, role: 'parent' });
    expect(await completeMagicLinkSignIn(parent.email, meta)).toMatchObject({ status: 'active' });
    expect(await auditActions(parent.id)).toContain('auth.sign_in');
  });

  it('an invitation redeemed while the account is being deactivated does not activate it', async () => {
    const student = await createUser(t.db, { schoolId, role: 'student', status: 'invited', emailVerified: null });
    const token = await issueAccountToken(t.db, student.id, 'invite');
    expect(await peekAccountToken(token)).not.toBeNull();
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, student.id));
    expect(await redeemAccountToken({ token, password: 'a long enough password' }, meta)).toBeNull();
    const [after] = await t.db.select().from(users).where(eq(users.id, student.id));
    expect(after).toMatchObject({ status: 'deactivated', passwordHash: null });
  });
});
