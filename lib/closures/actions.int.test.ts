import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, emailOutbox, lessons, schoolClosures } from '@/db/schema';
import { createClosure, createLesson, createParent, createSchool, createStudent, createSubject, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { createClosureAction, deleteClosureAction, previewClosureAction, updateClosureAction } from '@/lib/closures/actions';
import { listClosures } from '@/lib/closures/queries';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk', email: 'anna@example.test' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', email: 'ola@example.test' });
  const payer = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Nowak', email: 'ewa@example.test' });
  const viewer = await createParent(t.db, { schoolId: school.id, firstName: 'Piotr', lastName: 'Nowak', email: 'piotr@example.test' });
  const full = await createParent(t.db, { schoolId: school.id, firstName: 'Zofia', lastName: 'Nowak', email: 'zofia@example.test' });
  await linkParent(t.db, { schoolId: school.id, parentId: payer.id, studentId: ola.id, access: 'view', isPayer: true });
  await linkParent(t.db, { schoolId: school.id, parentId: viewer.id, studentId: ola.id, access: 'view', isPayer: false });
  await linkParent(t.db, { schoolId: school.id, parentId: full.id, studentId: ola.id, access: 'full', isPayer: false });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, sowaAdmin, anna, math, ola, sowaTutor, sowaSubject };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));
const asAdmin = () => actAs(viewerOf(w.admin));

describe('createClosureAction', () => {
  it('cancels the booked lessons in its days (school zone), never others, and writes once to each person affected', async () => {
    const lesson = (start: string) => createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start, minutes: 60, studentIds: [w.ola.id] });
    const dayBefore = await lesson('2027-02-14T22:30:00Z'); // 23:30 on 14 Feb in Warsaw: outside
    const first = await lesson('2027-02-14T23:30:00Z'); // 00:30 on 15 Feb in Warsaw: inside
    const second = await lesson('2027-02-20T15:00:00Z');
    const after = await lesson('2027-02-28T23:00:00Z'); // 1 March in Warsaw: outside
    const sowaLesson = await createLesson(t.db, { schoolId: w.sowa.id, tutorId: w.sowaTutor.id, subjectId: w.sowaSubject.id, start: '2027-02-16T15:00:00Z' });

    asAdmin();
    expect(await previewClosureAction({ firstDay: '2027-02-15', lastDay: '2027-02-28' })).toEqual({ ok: true, data: { lessons: 2 } });
    const result = await createClosureAction({ firstDay: '2027-02-15', lastDay: '2027-02-28', name: 'Ferie zimowe', kind: 'break' });
    expect(result).toMatchObject({ ok: true, data: { cancelled: 2, notified: 4 } });

    const rows = await t.db.select().from(lessons).where(inArray(lessons.id, [dayBefore.id, first.id, second.id, after.id, sowaLesson.id]));
    const status = Object.fromEntries(rows.map((r) => [r.id, [r.status, r.cancelReason]]));
    expect(status[first.id]).toEqual(['cancelled', 'closure: Ferie zimowe']);
    expect(status[second.id]).toEqual(['cancelled', 'closure: Ferie zimowe']);
    expect(status[dayBefore.id]).toEqual(['scheduled', null]);
    expect(status[after.id]).toEqual(['scheduled', null]);
    expect(status[sowaLesson.id]).toEqual(['scheduled', null]);

    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'lessons-cancelled-closure'));
    // The tutor, the student, the paying parent and the full-access parent; not the view-only non-payer.
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['anna@example.test', 'ewa@example.test', 'ola@example.test', 'zofia@example.test']);
    const toOla = mail.find((m) => m.toAddress === 'ola@example.test')!;
    expect(toOla.subject).toBe('Odwołane lekcje: Ferie zimowe — Na Piątkę');
    expect(toOla.text).toContain('15.02.2027 00:30–01:30');
    expect(toOla.text).toContain('20.02.2027 16:00–17:00');
    expect(toOla.schoolId).toBe(w.school.id);

    if (!result.ok) return;
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, result.data.id));
    expect(entry).toMatchObject({ action: 'closure.create', after: { name: 'Ferie zimowe', lessonsCancelled: 2 } });
  });

  it('refuses tutors, bad input and another school’s closure', async () => {
    const tutorUser = await createUser(t.db, { schoolId: w.school.id, role: 'tutor' });
    actAs(viewerOf(tutorUser));
    expect(await createClosureAction({ firstDay: '2027-04-01', lastDay: '2027-04-01', name: 'X' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    asAdmin();
    expect(await createClosureAction({ firstDay: '2027-04-02', lastDay: '2027-04-01', name: 'X' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { lastDay: [expect.any(String)] } });
    expect(await createClosureAction({ firstDay: '2027-04-01', lastDay: '2027-04-01', name: '   ' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { name: [expect.any(String)] } });
    expect(await createClosureAction({ firstDay: 'jutro', lastDay: '2027-04-01', name: 'X' } as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    const sowaClosure = await createClosure(t.db, { schoolId: w.sowa.id, firstDay: '2027-05-04', name: 'Sowa' });
    expect(await updateClosureAction({ closureId: sowaClosure.id, firstDay: '2027-05-04', lastDay: '2027-05-04', name: 'Mine' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await deleteClosureAction({ closureId: sowaClosure.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await listClosures(viewerOf(w.admin))).map((c) => c.id)).not.toContain(sowaClosure.id);
  });

  it('widening a closure cancels the newly covered lessons; deleting it keeps them cancelled', async () => {
    const l = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start: '2027-05-05T10:00:00Z' });
    const closure = await createClosure(t.db, { schoolId: w.school.id, firstDay: '2027-05-04', name: 'Dzień dyrektorski' });
    asAdmin();
    expect(await updateClosureAction({ closureId: closure.id, firstDay: '2027-05-04', lastDay: '2027-05-05', name: 'Dni dyrektorskie', kind: 'day_off' })).toMatchObject({ ok: true, data: { cancelled: 1 } });
    expect(await deleteClosureAction({ closureId: closure.id })).toEqual({ ok: true, data: { id: closure.id } });
    expect(await t.db.select().from(schoolClosures).where(eq(schoolClosures.id, closure.id))).toEqual([]);
    const [row] = await t.db.select().from(lessons).where(and(eq(lessons.id, l.id)));
    expect(row.status).toBe('cancelled');
  });
});
