import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, tutors, tutorSubjects } from '@/db/schema';
import { createSchool, createStudent, createSubject, createTutor, createUser, enrol, teach } from '@/db/seed/factories';
import { createTutorAction, deleteTutorAction, setTutorStatusAction, updateTutorAction } from '@/lib/tutors/actions';
import { getTutor, listActiveTutors, listTutors, tutorDeletionBlockers } from '@/lib/tutors/queries';
import { tutorListFilters, type TutorInput } from '@/lib/tutors/schema';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Two schools: "Na Piątkę" with an admin, a tutor with a login and two subjects; "Sowa" with
// its own admin and a subject. Tests that change rows create their own tutors, so the order
// of the tests does not matter.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka', levels: ['primary', 'secondary', 'matura'] });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id, name: 'Chemia' });
  const tutorUser = await createTutor(t.db, { schoolId: school.id });
  return { school, sowa, admin, sowaAdmin, math, physics, sowaSubject, tutorUser };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));
const admin = () => viewerOf(w.admin);

let seq = 0;
const unique = () => `${++seq}${Math.random().toString(36).slice(2, 6)}`;

const valid = (overrides: Partial<TutorInput> = {}): TutorInput => ({
  firstName: 'Anna',
  lastName: `Nowak-${unique()}`,
  email: 'anna.nowak@example.test',
  phone: '+48 600 100 200',
  color: '#0ea5e9',
  bio: 'Matematyka od podstaw do matury.',
  teaches: [{ subjectId: w.math.id, levels: ['secondary', 'matura'] }],
  ...overrides,
});

async function createAsAdmin(overrides: Partial<TutorInput> = {}) {
  asAdmin();
  const result = await createTutorAction(valid(overrides));
  if (!result.ok) throw new Error(`create failed: ${result.code} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.id;
}

async function tutorRow(id: string) {
  const [row] = await t.db.select().from(tutors).where(eq(tutors.id, id));
  return row;
}

async function teachesOf(id: string) {
  const rows = await t.db.select({ subjectId: tutorSubjects.subjectId, levels: tutorSubjects.levels }).from(tutorSubjects).where(eq(tutorSubjects.tutorId, id));
  return rows.sort((a, b) => a.subjectId.localeCompare(b.subjectId));
}

async function auditOf(id: string, action?: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'tutor'), eq(auditLog.entityId, id), action ? eq(auditLog.action, action) : undefined))
    .orderBy(auditLog.id);
}

async function totals() {
  const n = async (table: typeof tutors | typeof tutorSubjects | typeof auditLog) => (await t.db.select({ n: count() }).from(table))[0].n;
  return { tutors: await n(tutors), tutorSubjects: await n(tutorSubjects), auditLog: await n(auditLog) };
}

const filters = (raw: Record<string, string> = {}) => tutorListFilters.parse(raw);
const idsOf = (list: { rows: { id: string }[] }) => list.rows.map((r) => r.id);

// ---------------------------------------------------------------------------------------

describe('creating a tutor', () => {
  it('an admin creates a tutor with subjects and levels, without a login, audited', async () => {
    asAdmin();
    const lastName = `Żółkiewska-${unique()}`;
    const result = await createTutorAction(valid({ lastName, email: ' Anna.Z@Example.TEST ', color: '#0EA5E9', teaches: [{ subjectId: w.math.id, levels: ['matura', 'secondary'] }, { subjectId: w.physics.id, levels: ['primary'] }] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await tutorRow(result.data.id);
    expect(row).toMatchObject({ schoolId: w.school.id, userId: null, firstName: 'Anna', lastName, email: 'anna.z@example.test', phone: '+48 600 100 200', color: '#0ea5e9', status: 'active' });
    expect(await teachesOf(row.id)).toEqual(
      [
        { subjectId: w.math.id, levels: ['secondary', 'matura'] },
        { subjectId: w.physics.id, levels: ['primary'] },
      ].sort((a, b) => a.subjectId.localeCompare(b.subjectId)),
    );
    const audits = await auditOf(row.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'tutor.create', actorUserId: w.admin.id, schoolId: w.school.id });
    expect((audits[0].after as { teaches: unknown[] }).teaches).toHaveLength(2);

    const detail = await getTutor(admin(), row.id);
    expect(detail).toMatchObject({ id: row.id, account: null, statusChangedAt: null, students: [] });
    expect(detail!.subjects.map((s) => s.name)).toEqual(['Fizyka', 'Matematyka']);
  });

  it('an invalid colour, phone or email answers VALIDATION on each field and writes nothing', async () => {
    asAdmin();
    const before = await totals();
    const result = await createTutorAction(valid({ color: 'blue', phone: 'call me', email: 'not-an-email' }));
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({ color: ['records.invalidColor'], phone: ['records.invalidPhone'], email: expect.any(Array) });
    expect(await totals()).toEqual(before);
  });

  it('a subject without levels, or the same subject twice, is refused on that row', async () => {
    asAdmin();
    const before = await totals();
    const noLevels = await createTutorAction(valid({ teaches: [{ subjectId: w.math.id, levels: [] }] }));
    expect(noLevels).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { 'teaches.0.levels': ['tutors.chooseLevels'] } });
    const twice = await createTutorAction(
      valid({
        teaches: [
          { subjectId: w.math.id, levels: ['primary'] },
          { subjectId: w.math.id, levels: ['secondary'] },
        ],
      }),
    );
    expect(twice).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { 'teaches.1.subjectId': ['tutors.duplicateSubject'] } });
    expect(await totals()).toEqual(before);
  });

  it('a subject of another school answers NOT_FOUND and writes nothing', async () => {
    asAdmin();
    const before = await totals();
    const result = await createTutorAction(valid({ teaches: [{ subjectId: w.math.id, levels: ['primary'] }, { subjectId: w.sowaSubject.id, levels: ['primary'] }] }));
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'tutors.subjectNotFound' });
    expect(await totals()).toEqual(before);
  });
});

describe('editing a tutor', () => {
  it('replaces the subjects taught and audits the changed fields with the subjects before and after', async () => {
    const id = await createAsAdmin();
    const result = await updateTutorAction({ ...valid({ firstName: 'Anita', lastName: (await tutorRow(id)).lastName, teaches: [{ subjectId: w.physics.id, levels: ['adult'] }] }), tutorId: id });
    expect(result).toMatchObject({ ok: true, data: { id } });
    expect(await tutorRow(id)).toMatchObject({ firstName: 'Anita' });
    expect(await teachesOf(id)).toEqual([{ subjectId: w.physics.id, levels: ['adult'] }]);
    const [update] = await auditOf(id, 'tutor.update');
    expect(update.after).toEqual({
      firstName: { old: 'Anna', new: 'Anita' },
      teaches: { old: [{ subjectId: w.math.id, levels: ['secondary', 'matura'] }], new: [{ subjectId: w.physics.id, levels: ['adult'] }] },
    });
    expect(await auditOf(id, 'tutor.status')).toEqual([]);
  });

  it('a subject of another school answers NOT_FOUND and leaves the tutor as it was', async () => {
    const id = await createAsAdmin();
    const before = { row: await tutorRow(id), teaches: await teachesOf(id), audits: (await auditOf(id)).length };
    const result = await updateTutorAction({ ...valid({ firstName: 'Changed', teaches: [{ subjectId: w.sowaSubject.id, levels: ['primary'] }] }), tutorId: id });
    expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await tutorRow(id)).toEqual(before.row);
    expect(await teachesOf(id)).toEqual(before.teaches);
    expect(await auditOf(id)).toHaveLength(before.audits);
  });

  it('an invalid phone on edit answers VALIDATION and changes nothing', async () => {
    const id = await createAsAdmin();
    const before = await tutorRow(id);
    const result = await updateTutorAction({ ...valid({ phone: '12' }), tutorId: id });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { phone: ['records.invalidPhone'] } });
    expect(await tutorRow(id)).toEqual(before);
  });
});

describe('an email that already has an account', () => {
  it('is refused when the tutor is created, on the email field, in any letter case; nothing is written', async () => {
    asAdmin();
    const before = await totals();
    for (const email of [w.admin.email, ` ${w.sowaAdmin.email.toUpperCase()} `]) {
      const result = await createTutorAction(valid({ email }));
      expect(result).toMatchObject({ ok: false, code: 'CONFLICT', message: 'tutors.emailTaken', fieldErrors: { email: ['tutors.emailTaken'] } });
    }
    expect(await totals()).toEqual(before);
  });

  it('is refused when an edit changes the address to it; the tutor keeps their own address', async () => {
    const id = await createAsAdmin({ email: `free-${unique()}@example.test` });
    const before = await tutorRow(id);
    const taken = await updateTutorAction({ ...valid({ lastName: before.lastName, email: w.admin.email }), tutorId: id });
    expect(taken).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { email: ['tutors.emailTaken'] } });
    expect(await tutorRow(id)).toEqual(before);

    // A tutor with a login edits their record with the login's own address: not a clash.
    const withLogin = await createTutor(t.db, { schoolId: w.school.id });
    const own = await updateTutorAction({ ...valid({ lastName: withLogin.lastName, email: withLogin.email!.toUpperCase(), bio: 'Nowe bio' }), tutorId: withLogin.id });
    expect(own).toMatchObject({ ok: true });
    expect(await tutorRow(withLogin.id)).toMatchObject({ bio: 'Nowe bio', email: withLogin.email });
  });
});

describe('status, archive and delete', () => {
  it('a status change is audited and dated on the detail page; the same status again is a CONFLICT', async () => {
    const id = await createAsAdmin();
    expect(await setTutorStatusAction({ tutorId: id, status: 'on_leave' })).toMatchObject({ ok: true, data: { status: 'on_leave' } });
    expect(await tutorRow(id)).toMatchObject({ status: 'on_leave' });
    const audits = await auditOf(id, 'tutor.status');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ before: { status: 'active' }, after: { status: 'on_leave' }, actorUserId: w.admin.id });
    const detail = await getTutor(admin(), id);
    expect(detail?.statusChangedAt?.getTime()).toBe(audits[0].createdAt.getTime());
    expect(await setTutorStatusAction({ tutorId: id, status: 'on_leave' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'tutors.statusUnchanged' });
    expect(await auditOf(id, 'tutor.status')).toHaveLength(1);
  });

  it('a tutor with students cannot be deleted, but can be set to "left": gone from the default list and pickers, shown with status=left', async () => {
    const id = await createAsAdmin({ lastName: `Odchodzący-${unique()}` });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    await enrol(t.db, { schoolId: w.school.id, studentId: student.id, subjectId: w.math.id, tutorId: id });
    expect(await tutorDeletionBlockers(admin(), id)).toEqual({ students: 1, lessons: 0 });

    asAdmin();
    const refused = await deleteTutorAction({ tutorId: id });
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', message: 'records.cannotDelete' });
    expect(await tutorRow(id)).toBeDefined();
    expect(await teachesOf(id)).toHaveLength(1);
    expect(await auditOf(id, 'tutor.delete')).toEqual([]);

    expect((await listTutors(admin(), filters(), { all: true })).rows.find((r) => r.id === id)).toMatchObject({ studentCount: 1, subjects: [{ name: 'Matematyka' }] });
    expect((await listActiveTutors(admin())).map((r) => r.id)).toContain(id);

    expect(await setTutorStatusAction({ tutorId: id, status: 'left' })).toMatchObject({ ok: true });
    expect(idsOf(await listTutors(admin(), filters(), { all: true }))).not.toContain(id);
    expect((await listActiveTutors(admin())).map((r) => r.id)).not.toContain(id);
    expect(idsOf(await listTutors(admin(), filters({ status: 'left' }), { all: true }))).toContain(id);
    expect(idsOf(await listTutors(admin(), filters({ status: 'all' }), { all: true }))).toContain(id);
    expect(idsOf(await listTutors(admin(), filters({ status: 'active' }), { all: true }))).not.toContain(id);

    // Back to active: restored.
    expect(await setTutorStatusAction({ tutorId: id, status: 'active' })).toMatchObject({ ok: true });
    expect(idsOf(await listTutors(admin(), filters(), { all: true }))).toContain(id);
  });

  it('a tutor on leave stays in the default list but is not offered in pickers', async () => {
    const id = await createAsAdmin();
    asAdmin();
    await setTutorStatusAction({ tutorId: id, status: 'on_leave' });
    expect(idsOf(await listTutors(admin(), filters({ status: 'all' }), { all: true }))).toContain(id);
    expect(idsOf(await listTutors(admin(), filters(), { all: true }))).toContain(id);
    expect(idsOf(await listTutors(admin(), filters({ status: 'on_leave' }), { all: true }))).toContain(id);
    expect((await listActiveTutors(admin())).map((r) => r.id)).not.toContain(id);
  });

  it('a tutor nothing refers to is deleted with their subjects, audited', async () => {
    const id = await createAsAdmin();
    expect(await tutorDeletionBlockers(admin(), id)).toEqual({ students: 0, lessons: 0 });
    const result = await deleteTutorAction({ tutorId: id });
    expect(result).toMatchObject({ ok: true, data: { id } });
    expect(await tutorRow(id)).toBeUndefined();
    expect(await teachesOf(id)).toEqual([]);
    const [deleted] = await auditOf(id, 'tutor.delete');
    expect(deleted.before).toMatchObject({ status: 'active', teaches: [{ subjectId: w.math.id, levels: ['secondary', 'matura'] }] });
  });

  it('a tutor with a login account is not deleted: deactivate the account instead', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    asAdmin();
    expect(await deleteTutorAction({ tutorId: tutor.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'tutors.hasAccount' });
    expect(await tutorRow(tutor.id)).toBeDefined();
    expect(await getTutor(admin(), tutor.id)).toMatchObject({ account: { id: tutor.user!.id, status: 'active' } });
  });
});

describe('the list', () => {
  it('search ignores case and Polish letters', async () => {
    const tag = unique();
    const id = await createAsAdmin({ firstName: 'Łukasz', lastName: `Żółtowski${tag}`, email: null });
    await createAsAdmin({ firstName: 'Lucyna', lastName: `Zielińska${tag}`, email: null });
    expect(idsOf(await listTutors(admin(), filters({ q: `lukasz zoltowski${tag}` })))).toEqual([id]);
    expect(idsOf(await listTutors(admin(), filters({ q: `ŻÓŁTOWSKI${tag}` })))).toEqual([id]);
    expect(idsOf(await listTutors(admin(), filters({ q: `zielinska${tag}` })))).toHaveLength(1);
  });

  it('filters by subject, counts distinct students and sorts by name in Polish order', async () => {
    const tag = unique();
    const subject = await createSubject(t.db, { schoolId: w.school.id, name: `Geografia ${tag}` });
    const lukasz = await createAsAdmin({ firstName: 'Jan', lastName: `Łukaszewicz`, teaches: [{ subjectId: subject.id, levels: ['primary'] }] });
    const lis = await createAsAdmin({ firstName: 'Jan', lastName: `Lis`, teaches: [{ subjectId: subject.id, levels: ['primary'] }, { subjectId: w.math.id, levels: ['primary'] }] });
    const other = await createAsAdmin({ teaches: [{ subjectId: w.physics.id, levels: ['primary'] }] });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    await enrol(t.db, { schoolId: w.school.id, studentId: student.id, subjectId: subject.id, tutorId: lis });
    await enrol(t.db, { schoolId: w.school.id, studentId: student.id, subjectId: w.math.id, tutorId: lis });

    const list = await listTutors(admin(), filters({ subjectId: subject.id }));
    expect(idsOf(list)).toEqual([lis, lukasz]);
    expect(list.total).toBe(2);
    expect(idsOf(list)).not.toContain(other);
    expect(list.rows[0]).toMatchObject({ studentCount: 1 });
    expect(list.rows[0].subjects.map((s) => s.name).sort()).toEqual([`Geografia ${tag}`, 'Matematyka'].sort());
    expect(idsOf(await listTutors(admin(), filters({ subjectId: subject.id, dir: 'desc' })))).toEqual([lukasz, lis]);
  });

  it('pages 25 at a time and the export option returns every row', async () => {
    const subject = await createSubject(t.db, { schoolId: w.school.id });
    for (let i = 0; i < 27; i++) await teach(t.db, { schoolId: w.school.id, tutorId: (await createTutor(t.db, { schoolId: w.school.id, withLogin: false })).id, subjectId: subject.id });
    const page1 = await listTutors(admin(), filters({ subjectId: subject.id }));
    const page2 = await listTutors(admin(), filters({ subjectId: subject.id, page: '2' }));
    expect(page1.rows).toHaveLength(25);
    expect(page2.rows).toHaveLength(2);
    expect(page1.total).toBe(27);
    expect((await listTutors(admin(), filters({ subjectId: subject.id }), { all: true })).rows).toHaveLength(27);
  });

  it('malformed filters fall back to their defaults', () => {
    expect(filters({ status: 'nope', subjectId: 'x', sort: 'evil', dir: 'sideways', page: '-3' })).toEqual({ status: 'current', sort: 'name', dir: 'asc', page: 1 });
  });
});

describe('access', () => {
  it('a tutor calling any action is FORBIDDEN and nothing changes', async () => {
    const id = await createAsAdmin();
    const before = { totals: await totals(), row: await tutorRow(id) };
    actAs(viewerOf(w.tutorUser.user!));
    expect(await createTutorAction(valid())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await updateTutorAction({ ...valid({ firstName: 'Hacked' }), tutorId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await setTutorStatusAction({ tutorId: id, status: 'left' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await deleteTutorAction({ tutorId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await totals()).toEqual(before.totals);
    expect(await tutorRow(id)).toEqual(before.row);
  });

  it('a tutor reads pickers but not the admin list, detail or blockers', async () => {
    const tutor = viewerOf(w.tutorUser.user!);
    expect((await listActiveTutors(tutor)).map((r) => r.id)).toContain(w.tutorUser.id);
    expect(await listTutors(tutor, filters({ status: 'all' }))).toMatchObject({ rows: [], total: 0 });
    expect(await getTutor(tutor, w.tutorUser.id)).toBeUndefined();
  });

  it('no session is UNAUTHENTICATED', async () => {
    actAs(null);
    expect(await createTutorAction(valid())).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('an admin of another school gets NOT_FOUND and sees nothing', async () => {
    const id = await createAsAdmin();
    const before = { totals: await totals(), row: await tutorRow(id) };
    const sowa = viewerOf(w.sowaAdmin);
    actAs(sowa);
    expect(await updateTutorAction({ ...valid({ teaches: [] }), tutorId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await setTutorStatusAction({ tutorId: id, status: 'left' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await deleteTutorAction({ tutorId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await createTutorAction(valid())).toMatchObject({ ok: false, code: 'NOT_FOUND' }); // Matematyka is not Sowa's
    expect(await totals()).toEqual(before.totals);
    expect(await tutorRow(id)).toEqual(before.row);

    expect(await getTutor(sowa, id)).toBeUndefined();
    expect(await getTutor(sowa, 'not-a-uuid')).toBeUndefined();
    expect(idsOf(await listTutors(sowa, filters({ status: 'all' }), { all: true }))).not.toContain(id);
    expect((await listActiveTutors(sowa)).map((r) => r.id)).not.toContain(id);
    expect(await tutorDeletionBlockers(sowa, id)).toEqual({ students: 0, lessons: 0 });
  });
});
