import { and, count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, parents, parentStudents, students, studentSubjects, users } from '@/db/schema';
import { createSchool, createStudent, createSubject, createTutor, createUser, enrol, linkParent, createParent } from '@/db/seed/factories';
import type { Viewer } from '@/lib/auth/viewer';
import { addFamilyAction } from '@/lib/families/actions';
import { addAdultStudentAction, deleteStudentAction, setStudentStatusAction, updateStudentAction } from '@/lib/students/actions';
import { getStudentDetail, listOwnSubjects, listStudents } from '@/lib/students/queries';
import { studentListFilters } from '@/lib/students/schema';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();
const filters = (f: Record<string, unknown> = {}) => studentListFilters.parse(f);

async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const other = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const otherAdmin = await createUser(t.db, { schoolId: other.id, role: 'admin' });
  const maths = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka', levels: ['primary', 'secondary', 'adult'] });
  const english = await createSubject(t.db, { schoolId: school.id, name: 'Język angielski', levels: ['primary', 'adult'] });
  const otherSubject = await createSubject(t.db, { schoolId: other.id, name: 'Matematyka' });
  const tutorA = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Nowak' });
  const tutorB = await createTutor(t.db, { schoolId: school.id, firstName: 'Bogdan', lastName: 'Wiśniewski' });
  const lukasz = await createStudent(t.db, { schoolId: school.id, firstName: 'Łukasz', lastName: 'Żołnierz', level: 'secondary' });
  const lucja = await createStudent(t.db, { schoolId: school.id, firstName: 'Łucja', lastName: 'Zieleń', level: 'primary' });
  const otherLukasz = await createStudent(t.db, { schoolId: other.id, firstName: 'Łukasz', lastName: 'Żołnierz', level: 'secondary' });
  await enrol(t.db, { schoolId: school.id, studentId: lukasz.id, subjectId: maths.id, tutorId: tutorA.id });
  await enrol(t.db, { schoolId: school.id, studentId: lucja.id, subjectId: english.id, tutorId: tutorB.id });
  const parent = await createParent(t.db, { schoolId: school.id, firstName: 'Grażyna', lastName: 'Żołnierz', phone: '+48 600 700 800' });
  await linkParent(t.db, { schoolId: school.id, parentId: parent.id, studentId: lukasz.id, access: 'full', isPayer: true });
  return { school, other, admin, otherAdmin, maths, english, otherSubject, tutorA, tutorB, lukasz, lucja, otherLukasz, parent };
}
let w: Awaited<ReturnType<typeof build>>;
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(viewerOf(w.admin)));

/** The audit rows of one record for one action: what a test of that action may rely on. */
const auditOf = (entityId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
    .orderBy(auditLog.id);

const namesOf = (rows: { firstName: string; lastName: string }[]) => rows.map((r) => `${r.firstName} ${r.lastName}`);

describe('students list', () => {
  it('finds a student typed without Polish letters, in any case and order, only in the caller’s school', async () => {
    for (const q of ['lukasz zolnierz', 'ZOLNIERZ', 'żołn łuk', 'olnier']) {
      const { rows } = await listStudents(viewerOf(w.admin), filters({ q }));
      expect(rows.map((r) => r.id), q).toEqual([w.lukasz.id]);
    }
    const { rows } = await listStudents(viewerOf(w.otherAdmin), filters({ q: 'lukasz zolnierz' }));
    expect(rows.map((r) => r.id)).toEqual([w.otherLukasz.id]);
  });

  it('treats % and _ as letters, not wildcards', async () => {
    expect((await listStudents(viewerOf(w.admin), filters({ q: '%' }))).rows).toEqual([]);
    expect((await listStudents(viewerOf(w.admin), filters({ q: '_' }))).rows).toEqual([]);
  });

  it('filters by level, subject and tutor, and returns subjects and parents without extra queries per row', async () => {
    const byLevel = await listStudents(viewerOf(w.admin), filters({ level: 'primary' }));
    expect(byLevel.rows.map((r) => r.id)).toEqual([w.lucja.id]);
    const bySubject = await listStudents(viewerOf(w.admin), filters({ subjectId: w.maths.id }));
    expect(bySubject.rows.map((r) => r.id)).toEqual([w.lukasz.id]);
    expect(bySubject.rows[0].subjects).toEqual([{ name: 'Matematyka', color: w.maths.color, tutor: 'Anna Nowak' }]);
    expect(bySubject.rows[0].parents).toEqual([{ name: 'Grażyna Żołnierz', isPayer: true }]);
    const byTutor = await listStudents(viewerOf(w.admin), filters({ tutorId: w.tutorB.id }));
    expect(byTutor.rows.map((r) => r.id)).toEqual([w.lucja.id]);

    // The number of queries does not grow with the rows: 3 students as for 30, each with a subject and a parent.
    const school = await createSchool(t.db);
    const admin = viewerOf(await createUser(t.db, { schoolId: school.id, role: 'admin' }));
    const tutor = await createTutor(t.db, { schoolId: school.id });
    const subject = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
    const addStudents = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const student = await createStudent(t.db, { schoolId: school.id });
        await enrol(t.db, { schoolId: school.id, studentId: student.id, subjectId: subject.id, tutorId: tutor.id });
        const parent = await createParent(t.db, { schoolId: school.id });
        await linkParent(t.db, { schoolId: school.id, parentId: parent.id, studentId: student.id });
      }
    };
    const listCounted = async (viewer: Viewer, options: { all?: boolean }) => {
      let queries = 0;
      const stop = t.handle.onQuery(() => queries++);
      try {
        const { rows } = await listStudents(viewer, filters(), options);
        expect(rows.every((r) => r.subjects.length === 1)).toBe(true);
        if (viewer.role === 'admin') expect(rows.every((r) => r.parents.length === 1)).toBe(true);
        return { rows: rows.length, queries };
      } finally {
        stop();
      }
    };
    const measure = async () => ({
      all: await listCounted(admin, { all: true }),
      page: await listCounted(admin, {}),
      tutor: await listCounted(viewerOf(tutor.user!), { all: true }),
    });
    await addStudents(3);
    const few = await measure();
    await addStudents(27);
    const many = await measure();
    expect([few.all.rows, few.page.rows, few.tutor.rows]).toEqual([3, 3, 3]);
    expect([many.all.rows, many.page.rows, many.tutor.rows]).toEqual([30, 25, 30]);
    expect(few.all.queries).toBeGreaterThan(0);
    // A full page (25 of 30) also counts every match; a short one (3) tells its total by itself.
    expect([many.all.queries, many.page.queries, many.tutor.queries]).toEqual([few.all.queries, few.page.queries + 1, few.tutor.queries]);
  });

  it('sorts by surname in Polish order, either way, and ignores a malformed URL', async () => {
    const asc = await listStudents(viewerOf(w.admin), filters({ sort: 'name' }));
    expect(namesOf(asc.rows)).toEqual(['Łucja Zieleń', 'Łukasz Żołnierz']);
    const desc = await listStudents(viewerOf(w.admin), filters({ sort: 'name', dir: 'desc' }));
    expect(namesOf(desc.rows)).toEqual(['Łukasz Żołnierz', 'Łucja Zieleń']);
    expect(filters({ sort: 'drop table', page: '-3', status: 'x', subjectId: 'nope' })).toMatchObject({ sort: 'name', page: 1, status: 'current', subjectId: undefined });
  });

  it('gives a tutor only the students they teach; parents are not listed for tutors', async () => {
    const { rows } = await listStudents(viewerOf(w.tutorA.user!), filters());
    expect(rows.map((r) => r.id)).toEqual([w.lukasz.id]);
    expect(rows[0].parents).toEqual([]);
  });
});

describe('a student’s own subjects', () => {
  it('lists only the signed-in student’s subjects with their tutors', async () => {
    const me = await createStudent(t.db, { schoolId: w.school.id, withLogin: true });
    await enrol(t.db, { schoolId: w.school.id, studentId: me.id, subjectId: w.english.id, tutorId: w.tutorB.id });
    const mine = await listOwnSubjects(viewerOf(me.user!));
    expect(mine).toEqual([expect.objectContaining({ name: 'Język angielski', tutorFirst: 'Bogdan' })]);
    expect(await listOwnSubjects(viewerOf(w.admin))).toEqual([]);
  });
});

describe('student detail', () => {
  it('a tutor reads their own student with the parents’ contact, but not another tutor’s student', async () => {
    const mine = await getStudentDetail(viewerOf(w.tutorA.user!), w.lukasz.id);
    expect(mine?.parents).toEqual([expect.objectContaining({ firstName: 'Grażyna', phone: '+48 600 700 800', isPayer: true })]);
    expect(await getStudentDetail(viewerOf(w.tutorA.user!), w.lucja.id)).toBeUndefined();
    expect(await getStudentDetail(viewerOf(w.otherAdmin), w.lukasz.id)).toBeUndefined();
  });

  it('a tutor cannot change a record', async () => {
    actAs(viewerOf(w.tutorA.user!));
    const result = await updateStudentAction({ studentId: w.lukasz.id, firstName: 'X', lastName: 'Y', level: 'secondary', subjects: [] });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await t.db.select().from(students).where(eq(students.id, w.lukasz.id)))[0].firstName).toBe('Łukasz');
  });
});

describe('add a family', () => {
  const family = (over: Record<string, unknown> = {}) => ({
    parent: { firstName: 'Joanna', lastName: 'Kwiatkowska', email: `joanna.${Math.random().toString(36).slice(2)}@example.test`, phone: '+48 501 222 333', preferredLanguage: 'pl' as const, billingType: 'person' as const, billingAddress: 'ul. Polna 3, 00-001 Warszawa' },
    children: [
      { firstName: 'Zosia', lastName: 'Kwiatkowska', level: 'primary' as const, schoolName: 'SP 12', className: 'klasa 4', subjects: [{ subjectId: w.maths.id, tutorId: w.tutorA.id }] },
      { firstName: 'Staś', lastName: 'Kwiatkowski', level: 'primary' as const, birthDate: '2016-03-05', subjects: [{ subjectId: w.english.id, tutorId: null }] },
    ],
    invite: true,
    ...over,
  });

  it('saves the parent, two children, links and subjects in one go, audits each record and invites the parent', async () => {
    const input = family();
    const result = await addFamilyAction(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [parent] = await t.db.select().from(parents).where(eq(parents.id, result.data.parentId));
    expect(parent).toMatchObject({ firstName: 'Joanna', email: input.parent.email, billingName: 'Joanna Kwiatkowska', companyNip: null });
    const links = await t.db.select().from(parentStudents).where(eq(parentStudents.parentId, parent.id));
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.access === 'full' && l.isPayer)).toBe(true);
    const enrolled = await t.db.select().from(studentSubjects).where(eq(studentSubjects.studentId, result.data.studentIds[0]));
    expect(enrolled).toEqual([expect.objectContaining({ subjectId: w.maths.id, tutorId: w.tutorA.id })]);
    expect(await auditOf(parent.id, 'parent.create')).toEqual([expect.objectContaining({ actorUserId: w.admin.id, schoolId: w.school.id, entityType: 'parent' })]);
    expect(result.data.studentIds).toHaveLength(2);
    for (const studentId of result.data.studentIds) {
      expect(await auditOf(studentId, 'student.create')).toEqual([
        expect.objectContaining({ actorUserId: w.admin.id, schoolId: w.school.id, entityType: 'student', after: expect.objectContaining({ parentId: parent.id }) }),
      ]);
    }
    const [user] = await t.db.select().from(users).where(eq(users.id, parent.userId!));
    expect(user).toMatchObject({ role: 'parent', status: 'invited' });
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, input.parent.email));
    expect(mails.map((m) => m.template)).toEqual(['invite-parent']);
  });

  it('refuses an invalid company NIP next to the field and saves nothing', async () => {
    const before = await t.db.select({ n: count() }).from(students);
    const input = family({ parent: { ...family().parent, billingType: 'company', companyName: 'Kwiatek sp. z o.o.', companyNip: '526-025-02-75', companyAddress: 'ul. Kwiatowa 1' } });
    const result = await addFamilyAction(input);
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { 'parent.companyNip': ['records.invalidNip'] } });
    expect(await t.db.select({ n: count() }).from(students)).toEqual(before);
    expect(await t.db.select().from(parents).where(eq(parents.email, input.parent.email))).toEqual([]);
  });

  it('accepts a valid company NIP and stores it as digits', async () => {
    const input = family({ parent: { ...family().parent, billingType: 'company', companyName: 'Kwiatek sp. z o.o.', companyNip: '526-025-02-74', companyAddress: 'ul. Kwiatowa 1' } });
    const result = await addFamilyAction(input);
    expect(result.ok).toBe(true);
    const [parent] = await t.db.select().from(parents).where(eq(parents.email, input.parent.email));
    expect(parent).toMatchObject({ companyNip: '5260250274', billingName: null });
  });

  it('refuses a subject of another school, and an email already in use, saving nothing', async () => {
    const foreign = family({ children: [{ firstName: 'Ala', lastName: 'Kot', level: 'primary', subjects: [{ subjectId: w.otherSubject.id, tutorId: null }] }] });
    expect(await addFamilyAction(foreign)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await t.db.select().from(parents).where(eq(parents.email, foreign.parent.email))).toEqual([]);
    const taken = family({ parent: { ...family().parent, email: w.parent.email.toUpperCase() } });
    expect(await addFamilyAction(taken)).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { 'parent.email': ['students.parentEmailTaken'] } });
  });

  it('needs at least one child and a valid child date of birth', async () => {
    expect(await addFamilyAction(family({ children: [] }))).toMatchObject({ ok: false, code: 'VALIDATION' });
    const future = await addFamilyAction(family({ children: [{ firstName: 'Ala', lastName: 'Kot', level: 'primary', birthDate: '2999-01-01', subjects: [] }] }));
    expect(future).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { 'children.0.birthDate': ['records.invalidDate'] } });
  });
});

describe('editing, archiving and deleting a student', () => {
  it('rejects an invalid email next to the field and changes nothing', async () => {
    const result = await updateStudentAction({ studentId: w.lucja.id, firstName: 'Łucja', lastName: 'Zieleń', level: 'primary', email: 'nie-email', subjects: [] });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(['email']);
    const [row] = await t.db.select().from(students).where(eq(students.id, w.lucja.id));
    expect(row.email).toBeNull();
  });

  it('saves an edit, replaces the subjects and audits the differences', async () => {
    const result = await updateStudentAction({ studentId: w.lucja.id, firstName: 'Łucja', lastName: 'Zieleń', level: 'primary', className: 'klasa 5', subjects: [{ subjectId: w.maths.id, tutorId: w.tutorB.id }] });
    expect(result.ok).toBe(true);
    const enrolled = await t.db.select().from(studentSubjects).where(eq(studentSubjects.studentId, w.lucja.id));
    expect(enrolled.map((e) => e.subjectId)).toEqual([w.maths.id]);
    const [entry, ...more] = await auditOf(w.lucja.id, 'student.update');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorUserId: w.admin.id, schoolId: w.school.id });
    expect(entry.after).toMatchObject({ className: { old: null, new: 'klasa 5' }, subjects: expect.any(Object) });
  });

  it('archives: the student leaves the default list, appears with the Archived filter, keeps a dated history, and comes back', async () => {
    expect(await setStudentStatusAction({ studentId: w.lucja.id, status: 'archived' })).toMatchObject({ ok: true });
    expect((await listStudents(viewerOf(w.admin), filters())).rows.map((r) => r.id)).not.toContain(w.lucja.id);
    expect((await listStudents(viewerOf(w.admin), filters({ status: 'archived', q: 'lucja' }))).rows.map((r) => r.id)).toEqual([w.lucja.id]);
    const detail = await getStudentDetail(viewerOf(w.admin), w.lucja.id);
    expect(detail?.statusHistory[0]).toMatchObject({ from: 'active', to: 'archived' });
    expect(await setStudentStatusAction({ studentId: w.lucja.id, status: 'archived' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await setStudentStatusAction({ studentId: w.lucja.id, status: 'active' })).toMatchObject({ ok: true });
    const audits = await auditOf(w.lucja.id, 'student.status');
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ status: 'active' }, { status: 'archived' }],
      [{ status: 'archived' }, { status: 'active' }],
    ]);
  });

  it('an admin of another school can neither archive nor delete', async () => {
    actAs(viewerOf(w.otherAdmin));
    expect(await setStudentStatusAction({ studentId: w.lukasz.id, status: 'archived' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await deleteStudentAction({ studentId: w.lukasz.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('deletes a student nothing refers to, with their links, subjects and unused account', async () => {
    const s = await createStudent(t.db, { schoolId: w.school.id, withLogin: true });
    await enrol(t.db, { schoolId: w.school.id, studentId: s.id, subjectId: w.maths.id });
    await linkParent(t.db, { schoolId: w.school.id, parentId: w.parent.id, studentId: s.id });
    expect(await deleteStudentAction({ studentId: s.id })).toMatchObject({ ok: true });
    expect(await auditOf(s.id, 'student.delete')).toEqual([expect.objectContaining({ actorUserId: w.admin.id, before: expect.objectContaining({ parentLinks: 1, subjects: 1, account: true }), after: null })]);
    expect(await t.db.select().from(students).where(eq(students.id, s.id))).toEqual([]);
    expect(await t.db.select().from(users).where(eq(users.id, s.userId!))).toEqual([]);
    expect(await t.db.select().from(parentStudents).where(eq(parentStudents.studentId, s.id))).toEqual([]);
  });

  it('only archives a student whose account has been used', async () => {
    const s = await createStudent(t.db, { schoolId: w.school.id, withLogin: true });
    await t.db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, s.userId!));
    expect(await deleteStudentAction({ studentId: s.id })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await t.db.select().from(students).where(eq(students.id, s.id))).toHaveLength(1);
  });
});

describe('add an adult student', () => {
  it('saves a self-paying adult and invites them when asked', async () => {
    const email = `dorosly.${Date.now()}@example.test`;
    const result = await addAdultStudentAction({ firstName: 'Jerzy', lastName: 'Dąbrowski', email, phone: '+48 602 000 111', subjects: [{ subjectId: w.english.id, tutorId: w.tutorB.id }], invite: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [s] = await t.db.select().from(students).where(eq(students.id, result.data.id));
    expect(s).toMatchObject({ level: 'adult', isSelfPayer: true });
    expect(s.userId).not.toBeNull();
    expect(await auditOf(s.id, 'student.create')).toEqual([expect.objectContaining({ actorUserId: w.admin.id, after: expect.objectContaining({ isSelfPayer: true, invited: true }) })]);
    expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).map((m) => m.template)).toEqual(['invite-password']);
  });

  it('needs an email to invite', async () => {
    expect(await addAdultStudentAction({ firstName: 'Jan', lastName: 'Bez', invite: true, subjects: [] })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { email: ['students.emailForInvite'] } });
  });
});
