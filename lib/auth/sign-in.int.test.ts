import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, rateLimits, users } from '@/db/schema';
import { createSchool, createStudent, createUser } from '@/db/seed/factories';
import { hashPassword } from '@/lib/auth/password';
import { hit, peek } from '@/lib/auth/rate-limit';
import { issueAccountToken, peekAccountToken, redeemAccountToken, verifyCredentials } from '@/lib/auth/sign-in';
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
