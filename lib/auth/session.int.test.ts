import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { schools, users, userSessions } from '@/db/schema';
import { createSchool, createUser } from '@/db/seed/factories';
import { refreshSessionToken, revokeSession } from '@/lib/auth/session';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();
const meta = { ip: '198.51.100.7', userAgent: 'vitest' };
const limits = { idleSeconds: 2 * 3600, maxSeconds: 12 * 3600 };
const t0 = new Date('2026-11-26T08:00:00Z');
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
let schoolId: string;

beforeAll(async () => {
  schoolId = (await createSchool(t.db)).id;
});

async function signIn(userId: string, provider = 'credentials') {
  const token = await refreshSessionToken({ token: {}, user: { id: userId }, provider, meta }, t0, limits);
  expect(token).not.toBeNull();
  return token!;
}

/** A request every `step` minutes until `until`, each with the token the previous one issued. */
async function stayActive(token: NonNullable<Awaited<ReturnType<typeof signIn>>>, step: number, until: number) {
  let current: typeof token | null = token;
  for (let m = step; m <= until && current; m += step) current = await refreshSessionToken({ token: current, meta }, later(m), limits);
  return current;
}

describe('server-side sessions', () => {
  it('records the sign-in with its absolute end, and keeps an active session going', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor' });
    const token = await signIn(user.id);
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, token.sid as string));
    expect(row).toMatchObject({ userId: user.id, ip: meta.ip, userAgent: 'vitest', revokedAt: null });
    expect(row.expiresAt.getTime()).toBe(t0.getTime() + limits.maxSeconds * 1000);
    const next = await refreshSessionToken({ token, meta }, later(30), limits);
    expect(next).toMatchObject({ sub: user.id, sid: token.sid, role: 'tutor', schoolId });
  });

  it("carries the school's time zone, and a changed zone at the next request", async () => {
    const school = await createSchool(t.db, { timeZone: 'Pacific/Auckland' });
    const user = await createUser(t.db, { schoolId: school.id, role: 'admin' });
    const token = await signIn(user.id);
    expect(token.tz).toBe('Pacific/Auckland');
    await t.db.update(schools).set({ timeZone: 'America/New_York' }).where(eq(schools.id, school.id));
    expect(await refreshSessionToken({ token, meta }, later(1), limits)).toMatchObject({ sub: user.id, tz: 'America/New_York' });
    // The default school zone arrives too (a school created without one).
    expect((await signIn((await createUser(t.db, { schoolId, role: 'tutor' })).id)).tz).toBe('Europe/Warsaw');
  });

  it('ends a signed-out session: a copy of the cookie stops working', async () => {
    const user = await createUser(t.db, { schoolId, role: 'admin' });
    const token = await signIn(user.id);
    const copy = structuredClone(token);
    await revokeSession(token.sid, later(1));
    expect(await refreshSessionToken({ token: copy, meta }, later(2), limits)).toBeNull();
    // Another sign-in of the same person is a different session and keeps working.
    const other = await signIn(user.id);
    expect(await refreshSessionToken({ token: other, meta }, later(2), limits)).not.toBeNull();
  });

  it('ends a session after its absolute lifetime however active it is', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor' });
    const token = await signIn(user.id);
    // A request every 30 minutes: never idle, still over at 12 hours.
    expect(await stayActive(token, 30, 11 * 60 + 30)).not.toBeNull();
    expect(await stayActive(token, 30, 12 * 60)).toBeNull();
  });

  it('follows the configured lifetime', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor' });
    const short = { idleSeconds: 3600, maxSeconds: 3600 };
    const token = await refreshSessionToken({ token: {}, user: { id: user.id }, meta }, t0, short);
    expect(await refreshSessionToken({ token: token!, meta }, later(59), short)).not.toBeNull();
    expect(await refreshSessionToken({ token: token!, meta }, later(61), short)).toBeNull();
  });

  it('still ends an idle session', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor' });
    const token = await signIn(user.id);
    expect(await refreshSessionToken({ token, meta }, later(121), limits)).toBeNull();
  });

  it('refuses tokens without a session row, with a made-up one, or from before sessions were recorded', async () => {
    const user = await createUser(t.db, { schoolId, role: 'tutor' });
    const token = await signIn(user.id);
    expect(await refreshSessionToken({ token: { ...token, sid: undefined }, meta }, later(1), limits)).toBeNull();
    expect(await refreshSessionToken({ token: { ...token, sid: 'not-a-uuid' }, meta }, later(1), limits)).toBeNull();
    expect(await refreshSessionToken({ token: { ...token, sid: '00000000-0000-4000-8000-000000000000' }, meta }, later(1), limits)).toBeNull();
    // Someone else's session id with this person's token.
    const other = await createUser(t.db, { schoolId, role: 'tutor' });
    const theirs = await signIn(other.id);
    expect(await refreshSessionToken({ token: { ...token, sid: theirs.sid }, meta }, later(1), limits)).toBeNull();
  });

  it('ends the session of a deactivated or demoted account at its next request', async () => {
    const user = await createUser(t.db, { schoolId, role: 'admin' });
    const token = await signIn(user.id);
    await t.db.update(users).set({ role: 'tutor' }).where(eq(users.id, user.id));
    expect(await refreshSessionToken({ token, meta }, later(1), limits)).toBeNull();
    const gone = await createUser(t.db, { schoolId, role: 'tutor' });
    const goneToken = await signIn(gone.id);
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, gone.id));
    expect(await refreshSessionToken({ token: goneToken, meta }, later(1), limits)).toBeNull();
    expect(await refreshSessionToken({ token: {}, user: { id: gone.id }, meta }, later(1), limits)).toBeNull();
  });

  it('lets an invited account in only by magic link (its first sign-in proves the address)', async () => {
    const parent = await createUser(t.db, { schoolId, role: 'parent', status: 'invited', emailVerified: null });
    expect(await refreshSessionToken({ token: {}, user: { id: parent.id }, provider: 'credentials', meta }, t0, limits)).toBeNull();
    expect(await refreshSessionToken({ token: {}, user: { id: parent.id }, provider: 'email', meta }, t0, limits)).not.toBeNull();
  });
});
