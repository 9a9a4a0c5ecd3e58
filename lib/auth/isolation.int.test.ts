import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, students } from '@/db/schema';
import { createFamily, createParent, createSchool, createStudent, createSubject, createTutor, createUser, enrol, linkParent } from '@/db/seed/factories';
import { updateStudentContactAction } from '@/lib/students/actions';
import { getStudent, listVisibleStudents } from '@/lib/students/queries';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Two schools. In "Na Piątkę": two tutors each teaching one student, two families (one
// with a second, view-only parent). In "Sowa": an admin.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const subject = await createSubject(t.db, { schoolId: school.id });
  const tutorA = await createTutor(t.db, { schoolId: school.id });
  const tutorB = await createTutor(t.db, { schoolId: school.id });
  const familyA = await createFamily(t.db, { schoolId: school.id, children: 1 });
  const familyB = await createFamily(t.db, { schoolId: school.id, children: 1 });
  const viewOnlyParent = await createParent(t.db, { schoolId: school.id });
  await linkParent(t.db, { schoolId: school.id, parentId: viewOnlyParent.id, studentId: familyA.children[0].id, access: 'view' });
  await enrol(t.db, { schoolId: school.id, studentId: familyA.children[0].id, subjectId: subject.id, tutorId: tutorA.id });
  await enrol(t.db, { schoolId: school.id, studentId: familyB.children[0].id, subjectId: subject.id, tutorId: tutorB.id });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const student = await createStudent(t.db, { schoolId: school.id, withLogin: true });
  return { school, sowa, tutorA, tutorB, familyA, familyB, viewOnlyParent, admin, sowaAdmin, student, childA: familyA.children[0], childB: familyB.children[0] };
}

beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

async function auditCount(entityId: string) {
  return (await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.entityType, 'student')))).length;
}

describe('reading a student record', () => {
  it('a tutor reads their own student but not another tutor’s', async () => {
    const tutor = viewerOf(w.tutorA.user!);
    expect(await getStudent(tutor, w.childA.id)).toMatchObject({ id: w.childA.id });
    expect(await getStudent(tutor, w.childB.id)).toBeUndefined();
    expect((await listVisibleStudents(tutor)).map((s) => s.id)).toEqual([w.childA.id]);
  });

  it('a parent reads their own child but not another family’s', async () => {
    const parent = viewerOf(w.familyA.parent.user!);
    expect(await getStudent(parent, w.childA.id)).toMatchObject({ id: w.childA.id });
    expect(await getStudent(parent, w.childB.id)).toBeUndefined();
  });

  it('a student reads only themself', async () => {
    const student = viewerOf(w.student.user!);
    expect(await getStudent(student, w.student.id)).toMatchObject({ id: w.student.id });
    expect(await getStudent(student, w.childA.id)).toBeUndefined();
  });

  it('an admin of "Sowa" cannot read a "Na Piątkę" student; the school’s own admin can', async () => {
    expect(await getStudent(viewerOf(w.sowaAdmin), w.childA.id)).toBeUndefined();
    expect(await listVisibleStudents(viewerOf(w.sowaAdmin))).toEqual([]);
    expect(await getStudent(viewerOf(w.admin), w.childA.id)).toMatchObject({ id: w.childA.id });
  });

  it('answers "not found" for a malformed id instead of failing', async () => {
    expect(await getStudent(viewerOf(w.admin), 'not-a-uuid')).toBeUndefined();
  });
});

describe('changing a student record', () => {
  const phone = '+48 600 100 200';

  it('refuses a call with no session and changes nothing', async () => {
    const result = await updateStudentContactAction({ studentId: w.childA.id, phone });
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const [row] = await t.db.select().from(students).where(eq(students.id, w.childA.id));
    expect(row.phone).toBeNull();
  });

  it('refuses a view-only parent and changes nothing', async () => {
    actAs(viewerOf(w.viewOnlyParent.user!));
    expect(await getStudent(viewerOf(w.viewOnlyParent.user!), w.childA.id)).toBeDefined();
    const result = await updateStudentContactAction({ studentId: w.childA.id, phone });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const [row] = await t.db.select().from(students).where(eq(students.id, w.childA.id));
    expect(row.phone).toBeNull();
    expect(await auditCount(w.childA.id)).toBe(0);
  });

  it('refuses a tutor (the role may not) and a parent of another family (not found)', async () => {
    actAs(viewerOf(w.tutorA.user!));
    expect(await updateStudentContactAction({ studentId: w.childA.id, phone })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(viewerOf(w.familyB.parent.user!));
    expect(await updateStudentContactAction({ studentId: w.childA.id, phone })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses an admin of another school as not found', async () => {
    actAs(viewerOf(w.sowaAdmin));
    expect(await updateStudentContactAction({ studentId: w.childA.id, phone })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const [row] = await t.db.select().from(students).where(eq(students.id, w.childA.id));
    expect(row.phone).toBeNull();
  });

  it('rejects bad input with field errors and changes nothing', async () => {
    actAs(viewerOf(w.familyA.parent.user!));
    const result = await updateStudentContactAction({ studentId: w.childA.id, phone: 'call me maybe', email: 'nope' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('VALIDATION');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['email', 'phone']);
    expect(await auditCount(w.childA.id)).toBe(0);
  });

  it('lets a full-access parent change it, with an audit row in the same transaction', async () => {
    actAs(viewerOf(w.familyA.parent.user!));
    const result = await updateStudentContactAction({ studentId: w.childA.id, phone });
    expect(result).toEqual({ ok: true, data: { id: w.childA.id } });
    const [row] = await t.db.select().from(students).where(eq(students.id, w.childA.id));
    expect(row.phone).toBe(phone);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, w.childA.id), eq(auditLog.action, 'student.update_contact')));
    expect(entry).toMatchObject({ actorUserId: w.familyA.parent.user!.id, actorRole: 'parent', ip: '203.0.113.7', userAgent: 'vitest', schoolId: w.school.id });
    expect(entry.after).toEqual({ phone: { old: null, new: phone } });
  });
});
