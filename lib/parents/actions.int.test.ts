import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, emailOutbox, parents, parentStudents, students, users, userSessions } from '@/db/schema';
import { issueAccountToken, peekAccountToken } from '@/lib/auth/sign-in';
import { refreshSessionToken } from '@/lib/auth/session';
import { createFamily, createParent, createSchool, createStudent, createSubject, createTutor, createUser, enrol, linkParent } from '@/db/seed/factories';
import { archiveParentAction, deleteParentAction, restoreParentAction, updateParentAction } from '@/lib/parents/actions';
import { getParent, getParentContactsForTutor, listParents, parentDeletionBlockers } from '@/lib/parents/queries';
import { parentListFilters, type UpdateParentInput } from '@/lib/parents/schema';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Two schools. In "Na Piątkę": an admin, two tutors each teaching one child, a family
// (Grażyna, payer, full access, one child), a second view-only parent of that child, and a
// company-billed parent. In "Sowa": an admin and a parent. Tests that change rows create
// their own parents, so the order of the tests does not matter.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const subject = await createSubject(t.db, { schoolId: school.id });
  const tutorA = await createTutor(t.db, { schoolId: school.id });
  const tutorB = await createTutor(t.db, { schoolId: school.id });
  const grazyna = await createParent(t.db, { schoolId: school.id, firstName: 'Grażyna', lastName: 'Żółkiewska', phone: '+48 601 234 567' });
  const child = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Żółkiewska' });
  await linkParent(t.db, { schoolId: school.id, parentId: grazyna.id, studentId: child.id, access: 'full', isPayer: true });
  const viewOnly = await createParent(t.db, { schoolId: school.id, firstName: 'Marek', lastName: 'Żółkiewski', withLogin: false });
  await linkParent(t.db, { schoolId: school.id, parentId: viewOnly.id, studentId: child.id, access: 'view' });
  const otherFamily = await createFamily(t.db, { schoolId: school.id, children: 1 });
  await enrol(t.db, { schoolId: school.id, studentId: child.id, subjectId: subject.id, tutorId: tutorA.id });
  await enrol(t.db, { schoolId: school.id, studentId: otherFamily.children[0].id, subjectId: subject.id, tutorId: tutorB.id });
  const companyParent = await createParent(t.db, { schoolId: school.id, lastName: 'Firmowy', companyName: 'Acme sp. z o.o.', companyNip: '5260250274', companyAddress: 'ul. Prosta 1, Warszawa' });
  const sowaParent = await createParent(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, sowaAdmin, tutorA, tutorB, grazyna, viewOnly, child, otherFamily, companyParent, sowaParent };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));
const filters = (input: Record<string, string> = {}) => parentListFilters.parse(input);

async function parentRow(id: string) {
  const [row] = await t.db.select().from(parents).where(eq(parents.id, id));
  return row;
}
async function userRow(id: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, id));
  return row;
}
async function auditOf(entityId: string, action?: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(auditLog.id);
}
async function linksOf(parentId: string) {
  return t.db.select().from(parentStudents).where(eq(parentStudents.parentId, parentId));
}
async function auditTotal() {
  return (await t.db.select({ n: count() }).from(auditLog))[0].n;
}

/** A fresh parent with a login and one linked child, for tests that change or delete. */
async function freshFamily(options: { withLogin?: boolean; lastLoginAt?: Date } = {}) {
  const parent = await createParent(t.db, { schoolId: w.school.id, withLogin: options.withLogin ?? true });
  if (parent.user && options.lastLoginAt) await t.db.update(users).set({ lastLoginAt: options.lastLoginAt }).where(eq(users.id, parent.user.id));
  const child = await createStudent(t.db, { schoolId: w.school.id });
  await linkParent(t.db, { schoolId: w.school.id, parentId: parent.id, studentId: child.id, isPayer: true });
  return { parent, child };
}

const edit = (parent: { id: string; firstName: string; lastName: string; email: string }, overrides: Partial<UpdateParentInput> = {}) =>
  updateParentAction({
    parentId: parent.id,
    firstName: parent.firstName,
    lastName: parent.lastName,
    email: parent.email,
    phone: '',
    preferredLanguage: 'pl',
    billingType: 'person',
    billingName: '',
    billingAddress: '',
    companyName: '',
    companyNip: '',
    companyAddress: '',
    ...overrides,
  });

describe('editing a parent', () => {
  it('company billing with a valid NIP is saved (digits only), the private details cleared, and audited with a diff', async () => {
    const { parent } = await freshFamily();
    await t.db.update(parents).set({ billingName: 'Stara Nazwa', billingAddress: 'ul. Stara 1' }).where(eq(parents.id, parent.id));
    asAdmin();
    const result = await edit(parent, { billingType: 'company', companyName: 'Acme', companyNip: '526-025-02-74', companyAddress: 'ul. Prosta 1', billingAddress: 'ignored' });
    expect(result).toEqual({ ok: true, data: { id: parent.id } });
    expect(await parentRow(parent.id)).toMatchObject({ companyName: 'Acme', companyNip: '5260250274', companyAddress: 'ul. Prosta 1', billingName: null, billingAddress: null });
    const [entry] = await auditOf(parent.id, 'parent.update');
    expect(entry.actorUserId).toBe(w.admin.id);
    expect(entry.after).toMatchObject({ companyNip: { old: null, new: '5260250274' }, billingAddress: { old: 'ul. Stara 1', new: null } });
    expect(await getParent(viewerOf(w.admin), parent.id)).toMatchObject({ billingType: 'company' });

    // Back to a private person: the company columns are cleared, the name defaults to the parent's.
    expect((await edit(parent, { billingType: 'person', billingAddress: 'ul. Nowa 2' })).ok).toBe(true);
    expect(await parentRow(parent.id)).toMatchObject({ companyName: null, companyNip: null, companyAddress: null, billingName: `${parent.firstName} ${parent.lastName}`, billingAddress: 'ul. Nowa 2' });
  });

  it('an invalid NIP is a VALIDATION error on companyNip in words, and nothing is written', async () => {
    const { parent } = await freshFamily();
    asAdmin();
    const before = await parentRow(parent.id);
    const audits = await auditTotal();
    const result = await edit(parent, { firstName: 'Zmieniona', billingType: 'company', companyName: 'Acme', companyNip: '5260250275', companyAddress: 'ul. Prosta 1' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { companyNip: ['records.invalidNip'] } });
    expect(await parentRow(parent.id)).toEqual(before);
    expect(await auditOf(parent.id)).toEqual([]);
    expect(await auditTotal()).toBe(audits);
  });

  it('company billing without a company name is a VALIDATION error on that field', async () => {
    const { parent } = await freshFamily();
    asAdmin();
    const result = await edit(parent, { billingType: 'company', companyName: '  ', companyNip: '5260250274', companyAddress: 'ul. Prosta 1' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { companyName: ['records.required'] } });
    expect((await parentRow(parent.id)).companyNip).toBeNull();
  });

  it('a new email changes the login too, in the same transaction', async () => {
    const { parent } = await freshFamily();
    asAdmin();
    const result = await edit(parent, { email: '  Nowy.Adres@Example.TEST ', firstName: 'Halina', preferredLanguage: 'en' });
    expect(result.ok).toBe(true);
    expect((await parentRow(parent.id)).email).toBe('nowy.adres@example.test');
    expect(await userRow(parent.user!.id)).toMatchObject({ email: 'nowy.adres@example.test', name: `Halina ${parent.lastName}`, locale: 'en' });
  });

  it("a new login address ends the parent's sessions and unused links, and tells the old address", async () => {
    const { parent } = await freshFamily();
    const userId = parent.user!.id;
    const session = await refreshSessionToken({ token: {}, user: { id: userId }, provider: 'email', meta: { ip: null, userAgent: null } });
    expect(session).not.toBeNull();
    const link = await issueAccountToken(t.db, userId, 'invite');
    await t.db.update(users).set({ status: 'invited' }).where(eq(users.id, userId));
    expect(await peekAccountToken(link)).not.toBeNull();
    const before = await userRow(userId);
    asAdmin();
    expect((await edit(parent, { email: 'Nowy.Rodzic@Example.TEST' })).ok).toBe(true);

    const after = await userRow(userId);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await refreshSessionToken({ token: session!, meta: { ip: null, userAgent: null } })).toBeNull();
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.userId, userId));
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(await peekAccountToken(link)).toBeNull();
    expect((await t.db.select().from(accountTokens).where(eq(accountTokens.userId, userId))).every((r) => r.usedAt)).toBe(true);

    const notices = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, parent.email));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ template: 'email-changed', schoolId: w.school.id });
    expect(notices[0].text).toContain('n***@example.test');
    expect(notices[0].text).not.toContain('nowy.rodzic@example.test');
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'nowy.rodzic@example.test'))).toHaveLength(0);
    expect(await auditOf(userId, 'user.email_change')).toMatchObject([{ actorUserId: w.admin.id, before: { email: parent.email }, after: { email: 'nowy.rodzic@example.test' } }]);
  });

  it('an edit that keeps the address (in any case) leaves sessions alone and sends nothing', async () => {
    const { parent } = await freshFamily();
    const before = await userRow(parent.user!.id);
    asAdmin();
    expect((await edit(parent, { email: parent.email.toUpperCase(), phone: '601 000 222' })).ok).toBe(true);
    expect((await userRow(parent.user!.id)).sessionVersion).toBe(before.sessionVersion);
    expect(await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, parent.email))).toHaveLength(0);
    expect(await auditOf(parent.user!.id, 'user.email_change')).toEqual([]);
  });

  it('an email another account uses is a CONFLICT on the email field, and nothing changes', async () => {
    const { parent } = await freshFamily();
    const { parent: noLogin } = await freshFamily({ withLogin: false });
    asAdmin();
    expect(await edit(parent, { email: w.tutorA.user!.email.toUpperCase() })).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { email: ['parents.emailTaken'] } });
    expect(await edit(noLogin, { email: w.grazyna.email })).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { email: ['parents.emailTaken'] } });
    expect((await parentRow(parent.id)).email).toBe(parent.email);
    expect((await userRow(parent.user!.id)).email).toBe(parent.email);
    // Keeping one's own address is no conflict.
    expect((await edit(parent, { phone: '601 000 111' })).ok).toBe(true);
  });

  it('bad email and phone are VALIDATION errors', async () => {
    const { parent } = await freshFamily();
    asAdmin();
    const result = await edit(parent, { email: 'not-an-email', phone: 'call me' });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: expect.any(Array), phone: ['records.invalidPhone'] } });
  });
});

describe('archiving and restoring', () => {
  it('archive hides the parent from the default list and shows them under status=archived; restore brings them back', async () => {
    const { parent } = await freshFamily();
    asAdmin();
    const admin = viewerOf(w.admin);
    const ids = async (f: Record<string, string>) => (await listParents(admin, filters(f), { all: true })).rows.map((r) => r.id);
    expect(await ids({})).toContain(parent.id);

    expect(await archiveParentAction({ parentId: parent.id })).toEqual({ ok: true, data: { id: parent.id } });
    expect(await ids({})).not.toContain(parent.id);
    expect(await ids({ status: 'archived' })).toContain(parent.id);
    expect(await linksOf(parent.id)).toHaveLength(1);
    expect(await archiveParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'CONFLICT' });

    expect((await restoreParentAction({ parentId: parent.id })).ok).toBe(true);
    expect(await ids({})).toContain(parent.id);
    expect(await ids({ status: 'archived' })).not.toContain(parent.id);
    expect((await auditOf(parent.id)).map((a) => a.action)).toEqual(['parent.archive', 'parent.restore']);
  });
});

describe('deleting', () => {
  it('removes the parent, their links and their never-used account; the child stays', async () => {
    const { parent, child } = await freshFamily();
    asAdmin();
    expect(await parentDeletionBlockers(viewerOf(w.admin), parent.id)).toEqual({});
    expect(await deleteParentAction({ parentId: parent.id })).toEqual({ ok: true, data: { id: parent.id } });
    expect(await parentRow(parent.id)).toBeUndefined();
    expect(await linksOf(parent.id)).toHaveLength(0);
    expect(await userRow(parent.user!.id)).toBeUndefined();
    expect((await t.db.select().from(students).where(eq(students.id, child.id))).length).toBe(1);
    const [entry] = await auditOf(parent.id, 'parent.delete');
    expect(entry.before).toMatchObject({ accountId: parent.user!.id, children: [{ studentId: child.id, isPayer: true }] });
  });

  it('a parent without an account is deleted too', async () => {
    const { parent } = await freshFamily({ withLogin: false });
    asAdmin();
    expect((await deleteParentAction({ parentId: parent.id })).ok).toBe(true);
    expect(await parentRow(parent.id)).toBeUndefined();
  });

  it('a parent whose account has signed in cannot be deleted (archive instead), and nothing is removed', async () => {
    const { parent } = await freshFamily({ lastLoginAt: new Date('2026-01-10T08:00:00Z') });
    asAdmin();
    expect(await parentDeletionBlockers(viewerOf(w.admin), parent.id)).toEqual({ usedAccounts: 1 });
    expect(await deleteParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'records.cannotDelete' });
    expect(await parentRow(parent.id)).toBeDefined();
    expect(await linksOf(parent.id)).toHaveLength(1);
    expect(await userRow(parent.user!.id)).toBeDefined();
    expect(await auditOf(parent.id)).toHaveLength(0);
  });
});

describe('the list', () => {
  it('search ignores case and Polish letters, and finds by phone however it is spaced', async () => {
    const admin = viewerOf(w.admin);
    const ids = async (q: string) => (await listParents(admin, filters({ q }))).rows.map((r) => r.id);
    expect(await ids('grazyna')).toEqual([w.grazyna.id]);
    expect(await ids('GRAŻYNA zolkiewska')).toEqual([w.grazyna.id]);
    expect(await ids('601 234')).toEqual([w.grazyna.id]);
    expect(await ids('601234567')).toEqual([w.grazyna.id]);
    expect(await ids('acme')).toEqual([w.companyParent.id]);
    expect(await ids('nobody-like-this')).toEqual([]);
  });

  it('rows carry the children’s names, payer and company; filters by billing; no other school’s parents', async () => {
    const admin = viewerOf(w.admin);
    const all = await listParents(admin, filters(), { all: true });
    const grazyna = all.rows.find((r) => r.id === w.grazyna.id)!;
    expect(grazyna).toMatchObject({ childCount: 1, isPayer: true, billingType: 'person', children: [{ id: w.child.id, name: 'Ola Żółkiewska' }] });
    expect(all.rows.find((r) => r.id === w.viewOnly.id)).toMatchObject({ isPayer: false, childCount: 1 });
    expect(all.rows.some((r) => r.id === w.sowaParent.id)).toBe(false);

    const company = await listParents(admin, filters({ billing: 'company' }));
    expect(company.rows.map((r) => r.id)).toEqual([w.companyParent.id]);
    expect(company.rows[0]).toMatchObject({ companyName: 'Acme sp. z o.o.', billingType: 'company' });
    expect((await listParents(admin, filters({ billing: 'person' }), { all: true })).rows.some((r) => r.id === w.companyParent.id)).toBe(false);
  });

  it('sorts by number of children and pages by 25', async () => {
    const admin = viewerOf(w.admin);
    const byChildren = await listParents(admin, filters({ sort: 'children', dir: 'desc' }), { all: true });
    const counts = byChildren.rows.map((r) => r.childCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const page = await listParents(admin, filters({ page: '2' }));
    // Page 2 when there is one; past the end of a shorter list, the last page (and it says so).
    const pages = Math.max(1, Math.ceil(page.total / 25));
    expect([page.page, page.pageCount]).toEqual([Math.min(2, pages), pages]);
    expect(page.rows.length).toBe(page.page === 2 ? Math.min(25, page.total - 25) : page.total);
  });
});

describe('reading a parent', () => {
  it('an admin reads the parent with children (access, payer) and account', async () => {
    const parent = await getParent(viewerOf(w.admin), w.grazyna.id);
    expect(parent).toMatchObject({
      id: w.grazyna.id,
      children: [{ studentId: w.child.id, name: 'Ola Żółkiewska', status: 'active', access: 'full', isPayer: true }],
      account: { id: w.grazyna.user!.id, status: 'active', lastLoginAt: null },
    });
    expect(await getParent(viewerOf(w.admin), w.viewOnly.id)).toMatchObject({ account: null, children: [{ access: 'view', isPayer: false }] });
    expect(await getParent(viewerOf(w.admin), 'not-a-uuid')).toBeUndefined();
  });

  it('an admin of another school, a tutor and a parent read nothing', async () => {
    expect(await getParent(viewerOf(w.sowaAdmin), w.grazyna.id)).toBeUndefined();
    expect(await getParent(viewerOf(w.tutorA.user!), w.grazyna.id)).toBeUndefined();
    expect(await getParent(viewerOf(w.grazyna.user!), w.grazyna.id)).toBeUndefined();
    expect((await listParents(viewerOf(w.tutorA.user!), filters())).rows).toEqual([]);
    expect(await parentDeletionBlockers(viewerOf(w.sowaAdmin), w.grazyna.id)).toBeUndefined();
  });

  it('a tutor gets the parents’ contacts of their own student only', async () => {
    const contacts = await getParentContactsForTutor(viewerOf(w.tutorA.user!), w.child.id);
    expect(contacts).toEqual([
      { name: 'Grażyna Żółkiewska', email: w.grazyna.email, phone: '+48 601 234 567', isPayer: true },
      { name: 'Marek Żółkiewski', email: w.viewOnly.email, phone: null, isPayer: false },
    ]);
    expect(await getParentContactsForTutor(viewerOf(w.tutorB.user!), w.child.id)).toBeUndefined();
    expect(await getParentContactsForTutor(viewerOf(w.admin), w.child.id)).toHaveLength(2);
    expect(await getParentContactsForTutor(viewerOf(w.sowaAdmin), w.child.id)).toBeUndefined();
    expect(await getParentContactsForTutor(viewerOf(w.grazyna.user!), w.child.id)).toBeUndefined();
  });
});

describe('who may change parents', () => {
  it('a tutor is FORBIDDEN for every action, and nothing changes', async () => {
    const { parent } = await freshFamily();
    actAs(viewerOf(w.tutorA.user!));
    const audits = await auditTotal();
    expect(await edit(parent, { firstName: 'Tutor' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await archiveParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await restoreParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await deleteParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await parentRow(parent.id)).toMatchObject({ firstName: parent.firstName, archivedAt: null });
    expect(await auditOf(parent.id)).toEqual([]);
    expect(await auditTotal()).toBe(audits);
  });

  it('no session is UNAUTHENTICATED', async () => {
    expect(await archiveParentAction({ parentId: w.grazyna.id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('an admin of another school gets NOT_FOUND for every action, and nothing changes', async () => {
    const { parent } = await freshFamily();
    actAs(viewerOf(w.sowaAdmin));
    expect(await edit(parent, { firstName: 'Obcy' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await archiveParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await restoreParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await deleteParentAction({ parentId: parent.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await parentRow(parent.id)).toMatchObject({ firstName: parent.firstName, archivedAt: null });
    expect(await linksOf(parent.id)).toHaveLength(1);
  });
});
