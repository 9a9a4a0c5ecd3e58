import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, emailOutbox, parents, parentStudents, students, tutors, users, userSessions, type User } from '@/db/schema';
import { createFamily, createParent, createSchool, createStudent, createTutor, createUser, linkParent } from '@/db/seed/factories';
import {
  changeSignInEmailAction,
  deactivateUserAction,
  inviteProfileAction,
  inviteUserAction,
  linkFamilyAction,
  reactivateUserAction,
  resendInviteAction,
  sendPasswordResetAction,
  unlinkFamilyAction,
  updateFamilyLinkAction,
} from '@/lib/accounts/actions';
import { refreshSessionToken } from '@/lib/auth/session';
import { issueAccountToken, peekAccountToken } from '@/lib/auth/sign-in';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Two schools: "Na Piątkę" with an admin, a tutor, a family (payer parent + child) and a
// student with a login; "Sowa" with its own admin, a parent and a student. Tests that change
// rows create their own people, so the order of the tests does not matter.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const tutor = await createTutor(t.db, { schoolId: school.id });
  const family = await createFamily(t.db, { schoolId: school.id, children: 1 });
  const sowaParent = await createParent(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, sowaAdmin, tutor, family, sowaParent, sowaStudent };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));

let seq = 0;
const freshEmail = (prefix: string) => `${prefix}-${++seq}-${Date.now().toString(36)}@example.test`;

// ---------------------------------------------------------------------------------------
// Reading the database back

async function userByEmail(email: string) {
  return t.db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
}

async function userById(id: string): Promise<User> {
  const [row] = await t.db.select().from(users).where(eq(users.id, id));
  return row;
}

async function tokensOf(userId: string) {
  return t.db.select().from(accountTokens).where(eq(accountTokens.userId, userId));
}

async function emailsTo(address: string) {
  return t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(emailOutbox.createdAt);
}

async function auditOf(entityId: string, action?: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(auditLog.id);
}

async function linkOf(parentId: string, studentId: string) {
  const [row] = await t.db
    .select()
    .from(parentStudents)
    .where(and(eq(parentStudents.parentId, parentId), eq(parentStudents.studentId, studentId)));
  return row;
}

/** Row counts of every table an action here may write to. */
async function totals() {
  const n = async (table: typeof users | typeof tutors | typeof students | typeof parents | typeof accountTokens | typeof emailOutbox | typeof auditLog | typeof parentStudents) =>
    (await t.db.select({ n: count() }).from(table))[0].n;
  return {
    users: await n(users),
    tutors: await n(tutors),
    students: await n(students),
    parents: await n(parents),
    accountTokens: await n(accountTokens),
    emailOutbox: await n(emailOutbox),
    auditLog: await n(auditLog),
    parentStudents: await n(parentStudents),
  };
}

/** The token of the `/invite/<token>` link in an email's text. */
function linkToken(text: string): string {
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(text);
  expect(match, `no /invite/ link in:\n${text}`).not.toBeNull();
  return match![1];
}

const invite = (overrides: Partial<Parameters<typeof inviteUserAction>[0]> = {}) =>
  inviteUserAction({ role: 'tutor', firstName: 'Anna', lastName: 'Kowalska', email: freshEmail('invitee'), ...overrides });

// ---------------------------------------------------------------------------------------

describe('inviting a person', () => {
  it('an admin invites a tutor: invited account, tutor profile, one link, one email, one audit row', async () => {
    asAdmin();
    const email = freshEmail('anna.kowalska');
    const result = await inviteUserAction({ role: 'tutor', firstName: 'Anna', lastName: 'Kowalska', email: email.toUpperCase() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const userId = result.data.id;

    const [user, ...others] = await userByEmail(email);
    expect(others).toEqual([]);
    expect(user).toMatchObject({
      id: userId,
      schoolId: w.school.id,
      role: 'tutor',
      status: 'invited',
      email, // stored lower-case
      name: 'Anna Kowalska',
      passwordHash: null,
      emailVerified: null,
      locale: 'pl',
    });

    const profiles = await t.db.select().from(tutors).where(eq(tutors.userId, userId));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ schoolId: w.school.id, firstName: 'Anna', lastName: 'Kowalska', email });

    const tokens = await tokensOf(userId);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'invite', usedAt: null });
    const daysValid = (tokens[0].expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(daysValid).toBeGreaterThan(6.9);
    expect(daysValid).toBeLessThanOrEqual(7);

    const mails = await emailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ schoolId: w.school.id, template: 'invite-password', status: 'logged' });
    expect(mails[0].subject).toContain('Na Piątkę');
    const token = linkToken(mails[0].text);
    expect(await peekAccountToken(token)).toMatchObject({ purpose: 'invite', user: { id: userId, status: 'invited' } });

    const audit = await auditOf(userId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'user.invite',
      entityType: 'user',
      actorUserId: w.admin.id,
      actorRole: 'admin',
      schoolId: w.school.id,
      ip: '203.0.113.7',
      userAgent: 'vitest',
    });
    expect(audit[0].after).toEqual({ role: 'tutor', email, name: 'Anna Kowalska', profileId: profiles[0].id });
  });

  it('inviting a parent creates a parent profile and sends the parent invitation', async () => {
    asAdmin();
    const email = freshEmail('rodzic');
    const result = await invite({ role: 'parent', firstName: 'Ewa', lastName: 'Nowak', email, locale: 'en' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    expect(await userById(result.data.id)).toMatchObject({ role: 'parent', status: 'invited', passwordHash: null, locale: 'en', schoolId: w.school.id });
    const profiles = await t.db.select().from(parents).where(eq(parents.userId, result.data.id));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ schoolId: w.school.id, firstName: 'Ewa', lastName: 'Nowak', email, preferredLanguage: 'en' });

    const mails = await emailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].template).toBe('invite-parent');
    expect(await peekAccountToken(linkToken(mails[0].text))).toMatchObject({ user: { id: result.data.id } });
    expect(await auditOf(result.data.id, 'user.invite')).toHaveLength(1);
  });

  it('inviting a student with a level creates a student profile at that level', async () => {
    asAdmin();
    const email = freshEmail('uczen');
    const result = await invite({ role: 'student', firstName: 'Kuba', lastName: 'Wiśniewski', email, level: 'matura' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const profiles = await t.db.select().from(students).where(eq(students.userId, result.data.id));
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ schoolId: w.school.id, level: 'matura', email });
    expect((await emailsTo(email)).map((m) => m.template)).toEqual(['invite-password']);
  });

  it('inviting a student without a level answers VALIDATION on `level` and creates nothing', async () => {
    asAdmin();
    const before = await totals();
    const email = freshEmail('bez-poziomu');
    const result = await invite({ role: 'student', email });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(['level']);
    expect(await userByEmail(email)).toEqual([]);
    expect(await totals()).toEqual(before);
  });

  it('rejects an invalid email and a role that cannot be invited (admin)', async () => {
    asAdmin();
    const before = await totals();
    const bad = await invite({ email: 'not-an-email' });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: expect.any(Array) } });
    const adminRole = await invite({ role: 'admin' as never });
    expect(adminRole).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { role: expect.any(Array) } });
    expect(await totals()).toEqual(before);
  });

  it('an email that already exists, in another case, answers CONFLICT on `email` and creates no second user', async () => {
    const stored = `Marta.Zielinska-${++seq}@Example.TEST`;
    await t.db.insert(users).values({ schoolId: w.school.id, role: 'tutor', status: 'active', email: stored, name: 'Marta Zielińska' });
    asAdmin();
    const before = await totals();
    const result = await invite({ email: stored.toUpperCase() });
    expect(result).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: 'accounts.emailTaken',
      fieldErrors: { email: ['accounts.emailTaken'] },
    });
    expect(await userByEmail(stored)).toHaveLength(1);
    expect(await totals()).toEqual(before);
  });

  it('an email taken in another school is a CONFLICT too (emails are unique across the installation)', async () => {
    const other = await createUser(t.db, { schoolId: w.sowa.id, role: 'tutor' });
    asAdmin();
    const before = await totals();
    expect(await invite({ email: other.email })).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { email: ['accounts.emailTaken'] } });
    expect(await totals()).toEqual(before);
  });

  it('a tutor and a parent are FORBIDDEN, no session is UNAUTHENTICATED, and nothing is created', async () => {
    const before = await totals();
    const email = freshEmail('intruz');

    actAs(viewerOf(w.tutor.user!));
    expect(await invite({ email })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'errors.FORBIDDEN' });
    actAs(viewerOf(w.family.parent.user!));
    expect(await invite({ email })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(null);
    expect(await invite({ email })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: 'errors.UNAUTHENTICATED' });

    expect(await userByEmail(email)).toEqual([]);
    expect(await emailsTo(email)).toEqual([]);
    expect(await totals()).toEqual(before);
  });
});

describe('deactivating and reactivating an account', () => {
  it('deactivates: status, a new session version, an audit row with before/after, and its links stop working', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    const user = tutor.user!;
    asAdmin();
    expect(await deactivateUserAction({ userId: user.id })).toEqual({ ok: true, data: { id: user.id } });

    const row = await userById(user.id);
    expect(row.status).toBe('deactivated');
    expect(row.sessionVersion).toBe(user.sessionVersion + 1);
    const audit = await auditOf(user.id, 'user.deactivate');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: w.admin.id, actorRole: 'admin', schoolId: w.school.id, entityType: 'user' });
    expect(audit[0].before).toEqual({ status: 'active' });
    expect(audit[0].after).toEqual({ status: 'deactivated' });
  });

  it('deactivating an account that is already deactivated changes nothing more', async () => {
    const user = (await createTutor(t.db, { schoolId: w.school.id })).user!;
    asAdmin();
    expect(await deactivateUserAction({ userId: user.id })).toMatchObject({ ok: true });
    expect(await deactivateUserAction({ userId: user.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'accounts.alreadyDeactivated' });
    expect(await userById(user.id)).toMatchObject({ status: 'deactivated', sessionVersion: user.sessionVersion + 1 });
    expect(await auditOf(user.id, 'user.deactivate')).toHaveLength(1);
  });

  it('links sent before a deactivation do not work after a reactivation', async () => {
    const user = (await createTutor(t.db, { schoolId: w.school.id })).user!;
    const token = await issueAccountToken(t.db, user.id, 'password_reset');
    asAdmin();
    expect(await deactivateUserAction({ userId: user.id })).toMatchObject({ ok: true });
    expect(await reactivateUserAction({ userId: user.id })).toMatchObject({ ok: true });
    expect(await peekAccountToken(token)).toBeNull();
  });

  it('an invitation link of a deactivated account stops working', async () => {
    asAdmin();
    const email = freshEmail('zaproszony');
    const invited = await invite({ email });
    if (!invited.ok) throw new Error(invited.code);
    const token = linkToken((await emailsTo(email))[0].text);
    expect(await peekAccountToken(token)).not.toBeNull();
    expect(await deactivateUserAction({ userId: invited.data.id })).toMatchObject({ ok: true });
    expect(await peekAccountToken(token)).toBeNull();
  });

  it('an admin cannot deactivate themself', async () => {
    asAdmin();
    const before = await userById(w.admin.id);
    const result = await deactivateUserAction({ userId: w.admin.id });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN', message: 'accounts.cannotDeactivateSelf' });
    const after = await userById(w.admin.id);
    expect(after.status).toBe('active');
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await auditOf(w.admin.id, 'user.deactivate')).toEqual([]);
  });

  it('an admin of another school gets NOT_FOUND and nothing changes', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    const user = tutor.user!;
    actAs(viewerOf(w.sowaAdmin));
    expect(await deactivateUserAction({ userId: user.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await userById(user.id)).toMatchObject({ status: 'active', sessionVersion: user.sessionVersion });
    expect(await auditOf(user.id)).toEqual([]);

    // and the same for reactivation of a deactivated account
    asAdmin();
    expect(await deactivateUserAction({ userId: user.id })).toMatchObject({ ok: true });
    actAs(viewerOf(w.sowaAdmin));
    expect(await reactivateUserAction({ userId: user.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await userById(user.id)).status).toBe('deactivated');
    expect(await auditOf(user.id, 'user.reactivate')).toEqual([]);
  });

  it('a tutor is FORBIDDEN and no session is UNAUTHENTICATED', async () => {
    const target = await createTutor(t.db, { schoolId: w.school.id });
    actAs(viewerOf(w.tutor.user!));
    expect(await deactivateUserAction({ userId: target.user!.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(null);
    expect(await deactivateUserAction({ userId: target.user!.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect((await userById(target.user!.id)).status).toBe('active');
    expect(await auditOf(target.user!.id)).toEqual([]);
  });

  it('reactivates a verified account as active and an unverified one as invited', async () => {
    const verified = (await createTutor(t.db, { schoolId: w.school.id })).user!;
    const unverified = await createUser(t.db, { schoolId: w.school.id, role: 'student', status: 'invited', emailVerified: null });
    asAdmin();
    for (const u of [verified, unverified]) expect(await deactivateUserAction({ userId: u.id })).toMatchObject({ ok: true });

    expect(await reactivateUserAction({ userId: verified.id })).toEqual({ ok: true, data: { id: verified.id, status: 'active' } });
    expect(await reactivateUserAction({ userId: unverified.id })).toEqual({ ok: true, data: { id: unverified.id, status: 'invited' } });
    expect((await userById(verified.id)).status).toBe('active');
    expect((await userById(unverified.id)).status).toBe('invited');

    const [entry] = await auditOf(unverified.id, 'user.reactivate');
    expect(entry).toMatchObject({ actorUserId: w.admin.id, before: { status: 'deactivated' }, after: { status: 'invited' } });
  });

  it('reactivating an account that is not deactivated is a CONFLICT', async () => {
    const active = (await createTutor(t.db, { schoolId: w.school.id })).user!;
    asAdmin();
    expect(await reactivateUserAction({ userId: active.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'accounts.notDeactivated' });
    expect(await auditOf(active.id)).toEqual([]);
  });

  it('rejects a malformed user id as VALIDATION', async () => {
    asAdmin();
    expect(await deactivateUserAction({ userId: 'not-a-uuid' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { userId: expect.any(Array) } });
  });
});

describe('invitation and password-reset links', () => {
  it('resending an invitation issues a new link and the old one stops working', async () => {
    asAdmin();
    const email = freshEmail('ponownie');
    const invited = await invite({ email });
    if (!invited.ok) throw new Error(invited.code);
    const userId = invited.data.id;
    const oldToken = linkToken((await emailsTo(email))[0].text);

    expect(await resendInviteAction({ userId })).toEqual({ ok: true, data: { id: userId } });

    const mails = await emailsTo(email);
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.template)).toEqual(['invite-password', 'invite-password']);
    const newToken = mails.map((m) => linkToken(m.text)).find((tok) => tok !== oldToken);
    expect(newToken).toBeDefined();

    expect(await peekAccountToken(oldToken)).toBeNull();
    expect(await peekAccountToken(newToken!)).toMatchObject({ purpose: 'invite', user: { id: userId } });
    const tokens = await tokensOf(userId);
    expect(tokens).toHaveLength(2);
    expect(tokens.filter((tok) => tok.usedAt === null)).toHaveLength(1);

    const [entry] = await auditOf(userId, 'user.invite_resent');
    expect(entry).toMatchObject({ actorUserId: w.admin.id, entityType: 'user' });
  });

  it('resending is a CONFLICT for an active account, with no new link or email', async () => {
    const active = (await createTutor(t.db, { schoolId: w.school.id })).user!;
    asAdmin();
    expect(await resendInviteAction({ userId: active.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'accounts.notInvited' });
    expect(await tokensOf(active.id)).toEqual([]);
    expect(await emailsTo(active.email)).toEqual([]);
    expect(await auditOf(active.id)).toEqual([]);
  });

  it('resending for an account of another school is NOT_FOUND', async () => {
    asAdmin();
    const email = freshEmail('obcy');
    const invited = await invite({ email });
    if (!invited.ok) throw new Error(invited.code);
    actAs(viewerOf(w.sowaAdmin));
    expect(await resendInviteAction({ userId: invited.data.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await tokensOf(invited.data.id)).toHaveLength(1);
    expect(await emailsTo(email)).toHaveLength(1);
  });

  it('sends a password-reset link to an active tutor', async () => {
    const user = (await createTutor(t.db, { schoolId: w.school.id })).user!;
    asAdmin();
    expect(await sendPasswordResetAction({ userId: user.id })).toEqual({ ok: true, data: { id: user.id } });

    const mails = await emailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'password-reset', schoolId: w.school.id, status: 'logged' });
    expect(await peekAccountToken(linkToken(mails[0].text))).toMatchObject({ purpose: 'password_reset', user: { id: user.id } });

    const tokens = await tokensOf(user.id);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: 'password_reset', usedAt: null });
    const daysValid = (tokens[0].expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(daysValid).toBeGreaterThan(0.9);
    expect(daysValid).toBeLessThanOrEqual(1);
    expect(await auditOf(user.id, 'user.password_reset_sent')).toHaveLength(1);
  });

  it('a password reset is a CONFLICT for a parent and for an account not yet active', async () => {
    const parentUser = (await createParent(t.db, { schoolId: w.school.id })).user!;
    const invitedTutor = await createUser(t.db, { schoolId: w.school.id, role: 'tutor', status: 'invited', emailVerified: null });
    asAdmin();
    for (const u of [parentUser, invitedTutor]) {
      expect(await sendPasswordResetAction({ userId: u.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'accounts.resetNotPossible' });
      expect(await tokensOf(u.id)).toEqual([]);
      expect(await emailsTo(u.email)).toEqual([]);
      expect(await auditOf(u.id)).toEqual([]);
    }
  });

  it('a tutor cannot resend invitations or send resets', async () => {
    const target = (await createTutor(t.db, { schoolId: w.school.id })).user!;
    actAs(viewerOf(w.tutor.user!));
    expect(await sendPasswordResetAction({ userId: target.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await resendInviteAction({ userId: target.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await tokensOf(target.id)).toEqual([]);
    expect(await emailsTo(target.email)).toEqual([]);
  });
});

describe('family links', () => {
  const entity = (parentId: string, studentId: string) => `${parentId}:${studentId}`;

  it('links a parent to a student of the same school, with an audit row', async () => {
    const parent = await createParent(t.db, { schoolId: w.school.id });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    asAdmin();
    const result = await linkFamilyAction({ parentId: parent.id, studentId: student.id, access: 'view', isPayer: false });
    expect(result).toEqual({ ok: true, data: { parentId: parent.id, studentId: student.id } });

    expect(await linkOf(parent.id, student.id)).toMatchObject({ schoolId: w.school.id, access: 'view', isPayer: false });
    const audit = await auditOf(entity(parent.id, student.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'family.link', entityType: 'parent_student', actorUserId: w.admin.id, schoolId: w.school.id });
    expect(audit[0].after).toEqual({ access: 'view', isPayer: false });
  });

  it('a new payer clears the payer flag on the student’s other links only', async () => {
    // The family's parent pays for two children; a second parent becomes the payer of one.
    const family = await createFamily(t.db, { schoolId: w.school.id, children: 2 });
    const [child, sibling] = family.children;
    const second = await createParent(t.db, { schoolId: w.school.id });
    asAdmin();
    expect(await linkFamilyAction({ parentId: second.id, studentId: child.id, access: 'full', isPayer: true })).toMatchObject({ ok: true });

    expect(await linkOf(second.id, child.id)).toMatchObject({ access: 'full', isPayer: true });
    expect(await linkOf(family.parent.id, child.id)).toMatchObject({ access: 'full', isPayer: false });
    expect(await linkOf(family.parent.id, sibling.id)).toMatchObject({ isPayer: true });
    const payers = await t.db
      .select()
      .from(parentStudents)
      .where(and(eq(parentStudents.studentId, child.id), eq(parentStudents.isPayer, true)));
    expect(payers.map((p) => p.parentId)).toEqual([second.id]);
  });

  it('linking the same pair twice is a CONFLICT and leaves the first link as it was', async () => {
    const parent = await createParent(t.db, { schoolId: w.school.id });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    asAdmin();
    expect(await linkFamilyAction({ parentId: parent.id, studentId: student.id, access: 'view', isPayer: false })).toMatchObject({ ok: true });
    expect(await linkFamilyAction({ parentId: parent.id, studentId: student.id, access: 'full', isPayer: true })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: 'accounts.alreadyLinked',
    });
    const rows = await t.db.select().from(parentStudents).where(eq(parentStudents.studentId, student.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ parentId: parent.id, access: 'view', isPayer: false });
    expect(await auditOf(entity(parent.id, student.id))).toHaveLength(1);
  });

  it('an admin cannot link across schools: NOT_FOUND and no row', async () => {
    const parent = await createParent(t.db, { schoolId: w.school.id });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    asAdmin();
    const before = await totals();
    expect(await linkFamilyAction({ parentId: parent.id, studentId: w.sowaStudent.id, access: 'full', isPayer: false })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await linkFamilyAction({ parentId: w.sowaParent.id, studentId: student.id, access: 'full', isPayer: false })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // Nor can the other school's admin link this school's records.
    actAs(viewerOf(w.sowaAdmin));
    expect(await linkFamilyAction({ parentId: parent.id, studentId: student.id, access: 'full', isPayer: false })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    expect(await linkOf(parent.id, w.sowaStudent.id)).toBeUndefined();
    expect(await linkOf(w.sowaParent.id, student.id)).toBeUndefined();
    expect(await linkOf(parent.id, student.id)).toBeUndefined();
    expect(await totals()).toEqual(before);
  });

  it('changes access view → full → view, auditing before and after each time', async () => {
    const parent = await createParent(t.db, { schoolId: w.school.id });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    await linkParent(t.db, { schoolId: w.school.id, parentId: parent.id, studentId: student.id, access: 'view', isPayer: false });
    asAdmin();

    expect(await updateFamilyLinkAction({ parentId: parent.id, studentId: student.id, access: 'full', isPayer: false })).toEqual({
      ok: true,
      data: { parentId: parent.id, studentId: student.id },
    });
    expect(await linkOf(parent.id, student.id)).toMatchObject({ access: 'full', isPayer: false });
    expect(await updateFamilyLinkAction({ parentId: parent.id, studentId: student.id, access: 'view', isPayer: false })).toMatchObject({ ok: true });
    expect(await linkOf(parent.id, student.id)).toMatchObject({ access: 'view', isPayer: false });

    const audit = await auditOf(entity(parent.id, student.id), 'family.update_link');
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        { access: 'view', isPayer: false },
        { access: 'full', isPayer: false },
      ],
      [
        { access: 'full', isPayer: false },
        { access: 'view', isPayer: false },
      ],
    ]);
    expect(audit[0]).toMatchObject({ actorUserId: w.admin.id, entityType: 'parent_student', schoolId: w.school.id });
  });

  it('making an existing link the payer clears the other payer of that student', async () => {
    const family = await createFamily(t.db, { schoolId: w.school.id, children: 1 });
    const child = family.children[0];
    const second = await createParent(t.db, { schoolId: w.school.id });
    await linkParent(t.db, { schoolId: w.school.id, parentId: second.id, studentId: child.id, access: 'view', isPayer: false });
    asAdmin();
    expect(await updateFamilyLinkAction({ parentId: second.id, studentId: child.id, access: 'view', isPayer: true })).toMatchObject({ ok: true });
    expect(await linkOf(second.id, child.id)).toMatchObject({ isPayer: true });
    expect(await linkOf(family.parent.id, child.id)).toMatchObject({ isPayer: false });
  });

  it('updating a link that does not exist, or of another school, is NOT_FOUND', async () => {
    const parent = await createParent(t.db, { schoolId: w.school.id });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    asAdmin();
    expect(await updateFamilyLinkAction({ parentId: parent.id, studentId: student.id, access: 'full', isPayer: false })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await linkOf(parent.id, student.id)).toBeUndefined();

    await linkParent(t.db, { schoolId: w.school.id, parentId: parent.id, studentId: student.id, access: 'view', isPayer: false });
    actAs(viewerOf(w.sowaAdmin));
    expect(await updateFamilyLinkAction({ parentId: parent.id, studentId: student.id, access: 'full', isPayer: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await linkOf(parent.id, student.id)).toMatchObject({ access: 'view', isPayer: false });
    expect(await auditOf(entity(parent.id, student.id))).toEqual([]);
  });

  it('unlinks, with an audit row holding the link as it was; a second unlink is NOT_FOUND', async () => {
    const parent = await createParent(t.db, { schoolId: w.school.id });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    await linkParent(t.db, { schoolId: w.school.id, parentId: parent.id, studentId: student.id, access: 'full', isPayer: true });

    // The other school's admin cannot remove it.
    actAs(viewerOf(w.sowaAdmin));
    expect(await unlinkFamilyAction({ parentId: parent.id, studentId: student.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await linkOf(parent.id, student.id)).toBeDefined();

    asAdmin();
    expect(await unlinkFamilyAction({ parentId: parent.id, studentId: student.id })).toEqual({ ok: true, data: { parentId: parent.id, studentId: student.id } });
    expect(await linkOf(parent.id, student.id)).toBeUndefined();
    const audit = await auditOf(entity(parent.id, student.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'family.unlink', actorUserId: w.admin.id, before: { access: 'full', isPayer: true }, after: null });

    expect(await unlinkFamilyAction({ parentId: parent.id, studentId: student.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a tutor or a parent is FORBIDDEN to link, change or unlink, and nothing changes', async () => {
    const stranger = await createParent(t.db, { schoolId: w.school.id });
    const { parent, children } = w.family;
    const child = children[0];
    const before = await totals();
    const linkBefore = await linkOf(parent.id, child.id);

    for (const user of [w.tutor.user!, parent.user!]) {
      actAs(viewerOf(user));
      expect(await linkFamilyAction({ parentId: stranger.id, studentId: child.id, access: 'full', isPayer: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await updateFamilyLinkAction({ parentId: parent.id, studentId: child.id, access: 'view', isPayer: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await unlinkFamilyAction({ parentId: parent.id, studentId: child.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    actAs(null);
    expect(await unlinkFamilyAction({ parentId: parent.id, studentId: child.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });

    expect(await linkOf(parent.id, child.id)).toEqual(linkBefore);
    expect(await linkOf(stranger.id, child.id)).toBeUndefined();
    expect(await totals()).toEqual(before);
  });
});

describe('inviting the person behind an existing record', () => {
  it('gives a tutor record without a login its account instead of a second record', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id, withLogin: false, email: `bez.konta.${Date.now()}@example.test` });
    asAdmin();
    const result = await inviteProfileAction({ kind: 'tutor', profileId: tutor.id });
    expect(result.ok).toBe(true);
    const [row] = await t.db.select().from(tutors).where(eq(tutors.id, tutor.id));
    expect(row.userId).not.toBeNull();
    expect(await userById(row.userId!)).toMatchObject({ role: 'tutor', status: 'invited', email: tutor.email });
    expect((await t.db.select().from(tutors).where(eq(tutors.email, tutor.email!))).length).toBe(1);
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, tutor.email!));
    expect(mails.map((m) => m.template)).toEqual(['invite-password']);
    expect(await inviteProfileAction({ kind: 'tutor', profileId: tutor.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'accounts.alreadyHasAccount' });
  });

  it('needs an email, refuses another school’s record and non-admins', async () => {
    const child = await createStudent(t.db, { schoolId: w.school.id });
    asAdmin();
    expect(await inviteProfileAction({ kind: 'student', profileId: child.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'accounts.needsEmail' });
    expect(await inviteProfileAction({ kind: 'student', profileId: w.sowaStudent.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.tutor.user!));
    expect(await inviteProfileAction({ kind: 'student', profileId: child.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('changing a sign-in email', () => {
  const noMeta = { ip: null, userAgent: null };
  const signIn = async (userId: string) => (await refreshSessionToken({ token: {}, user: { id: userId }, meta: noMeta }))!;

  it("moves a tutor to the new address: record in step, sessions and reset links ended, old address told, audited", async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    const userId = tutor.user!.id;
    const oldEmail = tutor.user!.email;
    const session = await signIn(userId);
    const reset = await issueAccountToken(t.db, userId, 'password_reset');
    asAdmin();
    const newEmail = freshEmail('Nowa.Tutorka').toUpperCase();
    const result = await changeSignInEmailAction({ userId, email: `  ${newEmail} ` });
    expect(result).toEqual({ ok: true, data: { id: userId, email: newEmail.toLowerCase() } });

    const after = await userById(userId);
    expect(after).toMatchObject({ email: newEmail.toLowerCase(), sessionVersion: tutor.user!.sessionVersion + 1, status: 'active' });
    const [profile] = await t.db.select().from(tutors).where(eq(tutors.id, tutor.id));
    expect(profile.email).toBe(newEmail.toLowerCase());
    expect(await refreshSessionToken({ token: session, meta: noMeta })).toBeNull();
    expect((await t.db.select().from(userSessions).where(eq(userSessions.userId, userId)))[0].revokedAt).toBeInstanceOf(Date);
    expect(await peekAccountToken(reset)).toBeNull();

    const [notice] = await emailsTo(oldEmail);
    expect(notice).toMatchObject({ template: 'email-changed', subject: expect.stringContaining('Na Piątkę') });
    expect(notice.text).toContain(`${newEmail[0].toLowerCase()}***@example.test`);
    expect(notice.text).toContain('skontaktuj się ze szkołą');
    expect(await emailsTo(newEmail.toLowerCase())).toHaveLength(0);
    expect(await auditOf(userId, 'user.email_change')).toMatchObject([{ actorUserId: w.admin.id, before: { email: oldEmail }, after: { email: newEmail.toLowerCase() } }]);
  });

  it("kills an invited student's unused invitation; the office resends one to the new address", async () => {
    const student = await createStudent(t.db, { schoolId: w.school.id, withLogin: true });
    const userId = student.user!.id;
    await t.db.update(users).set({ status: 'invited', emailVerified: null, locale: 'en' }).where(eq(users.id, userId));
    const invitation = await issueAccountToken(t.db, userId, 'invite');
    asAdmin();
    const newEmail = freshEmail('student-new');
    expect((await changeSignInEmailAction({ userId, email: newEmail })).ok).toBe(true);
    expect(await peekAccountToken(invitation)).toBeNull();
    expect((await t.db.select().from(students).where(eq(students.id, student.id)))[0].email).toBe(newEmail);
    const [notice] = await emailsTo(student.user!.email);
    expect(notice.subject).toContain('sign-in email');
    expect(notice.text).toContain("If this wasn't expected, contact the school.");

    expect((await resendInviteAction({ userId })).ok).toBe(true);
    expect(await emailsTo(newEmail)).toHaveLength(1);
  });

  it("keeps a parent's record in step", async () => {
    const parent = await createParent(t.db, { schoolId: w.school.id });
    asAdmin();
    const newEmail = freshEmail('parent-new');
    expect((await changeSignInEmailAction({ userId: parent.user!.id, email: newEmail })).ok).toBe(true);
    expect((await t.db.select().from(parents).where(eq(parents.id, parent.id)))[0].email).toBe(newEmail);
  });

  it('an address any account uses (in any school, any case) is a CONFLICT on the email field, and nothing changes', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    asAdmin();
    const before = await totals();
    const userBefore = await userById(tutor.user!.id);
    for (const taken of [w.family.parent.user!.email.toUpperCase(), w.sowaParent.user!.email, w.admin.email]) {
      const result = await changeSignInEmailAction({ userId: tutor.user!.id, email: taken });
      expect(result).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { email: [expect.any(String)] } });
    }
    expect(await userById(tutor.user!.id)).toEqual(userBefore);
    expect(await totals()).toEqual(before);
  });

  it('the same address, or no address, is a VALIDATION error on the email field', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    asAdmin();
    expect(await changeSignInEmailAction({ userId: tutor.user!.id, email: tutor.user!.email.toUpperCase() })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: [expect.any(String)] } });
    expect(await changeSignInEmailAction({ userId: tutor.user!.id, email: 'not an email' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: [expect.any(String)] } });
    expect(await changeSignInEmailAction({ userId: 'nope', email: freshEmail('x') })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await auditOf(tutor.user!.id, 'user.email_change')).toEqual([]);
  });

  it("is the office's alone: a tutor is FORBIDDEN, another school's admin gets NOT_FOUND, no session is UNAUTHENTICATED", async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    const before = await totals();
    actAs(viewerOf(w.tutor.user!));
    expect(await changeSignInEmailAction({ userId: tutor.user!.id, email: freshEmail('a') })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(viewerOf(w.sowaAdmin));
    expect(await changeSignInEmailAction({ userId: tutor.user!.id, email: freshEmail('b') })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(null);
    expect(await changeSignInEmailAction({ userId: tutor.user!.id, email: freshEmail('c') })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await totals()).toEqual(before);
    expect((await userById(tutor.user!.id)).email).toBe(tutor.user!.email);
  });
});
