import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { students, users } from '@/db/schema';
import { createLesson, createParent, createSchool, createStudent, createSubject, createTutor, linkParent } from '@/db/seed/factories';
import { lessonRecipients, studentRecipients } from '@/lib/notifications/recipients';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();

// "Na Piątkę" writes in English by default (so a person without an account gets English),
// while Anna's and the parents' accounts keep Polish. Ola has a login and three parents: her
// mother (full access), her grandfather (view only, no account, prefers Polish) and an
// archived one. Kuba has no address at all; his father has. Zosia is archived (her mother is
// not). Iga has only a contact address, the one her mother uses too. Staś's login was
// deactivated, so his contact address counts. Jan left the school. "Sowa" has its own lesson.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę', locale: 'en' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot', status: 'left' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, ola.user!.id));
  const mum = await createParent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Nowak' });
  const grandpa = await createParent(t.db, { schoolId: school.id, firstName: 'Jerzy', lastName: 'Nowak', withLogin: false, preferredLanguage: 'pl' });
  const formerParent = await createParent(t.db, { schoolId: school.id, firstName: 'Adam', lastName: 'Nowak', archivedAt: new Date() });
  await linkParent(t.db, { schoolId: school.id, parentId: mum.id, studentId: ola.id, access: 'full', isPayer: true });
  await linkParent(t.db, { schoolId: school.id, parentId: grandpa.id, studentId: ola.id, access: 'view' });
  await linkParent(t.db, { schoolId: school.id, parentId: formerParent.id, studentId: ola.id, access: 'full' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis' });
  const dad = await createParent(t.db, { schoolId: school.id, firstName: 'Piotr', lastName: 'Lis' });
  await linkParent(t.db, { schoolId: school.id, parentId: dad.id, studentId: kuba.id });
  const zosia = await createStudent(t.db, { schoolId: school.id, firstName: 'Zosia', lastName: 'Wolna', email: 'zosia@example.test', status: 'archived' });
  const zosiasMum = await createParent(t.db, { schoolId: school.id, firstName: 'Marta', lastName: 'Wolna' });
  await linkParent(t.db, { schoolId: school.id, parentId: zosiasMum.id, studentId: zosia.id });
  const igasMum = await createParent(t.db, { schoolId: school.id, firstName: 'Alicja', lastName: 'Mazur', email: 'mazurowie@example.test' });
  const iga = await createStudent(t.db, { schoolId: school.id, firstName: 'Iga', lastName: 'Mazur', email: 'Mazurowie@example.test' });
  await linkParent(t.db, { schoolId: school.id, parentId: igasMum.id, studentId: iga.id });
  const stas = await createStudent(t.db, { schoolId: school.id, firstName: 'Staś', lastName: 'Bury', withLogin: true });
  await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, stas.user!.id));
  await t.db.update(students).set({ email: 'stas.kontakt@example.test' }).where(eq(students.id, stas.id));
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id, email: 'sowa-student@example.test' });
  const sowaLesson = await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: sowaSubject.id, studentIds: [sowaStudent.id] });
  return { school, sowa, anna, jan, math, ola, mum, grandpa, formerParent, kuba, dad, zosia, zosiasMum, iga, igasMum, stas, sowaStudent, sowaLesson };
}
beforeAll(async () => {
  w = await build();
});

describe('lessonRecipients', () => {
  it('tells a group lesson’s tutor (of every student), its students with an address and their parents (of their own child only)', async () => {
    const lesson = await createLesson(t.db, {
      schoolId: w.school.id,
      tutorId: w.anna.id,
      subjectId: w.math.id,
      kind: 'group',
      capacity: 8,
      start: '2027-02-01T15:00:00Z',
      studentIds: [w.ola.id, w.kuba.id, w.zosia.id, w.iga.id, w.stas.id],
    });
    const people = (await lessonRecipients(t.db, w.school, [lesson.id])).get(lesson.id)!;
    expect(people).toEqual([
      { email: w.anna.email, name: 'Anna Kowalczyk', locale: 'pl', userId: w.anna.user!.id, role: 'tutor', students: ['Staś Bury', 'Kuba Lis', 'Iga Mazur', 'Ola Nowak'] },
      { email: 'stas.kontakt@example.test', name: 'Staś Bury', locale: 'pl', userId: w.stas.user!.id, role: 'student', students: ['Staś Bury'] },
      { email: w.dad.email, name: 'Piotr Lis', locale: 'pl', userId: w.dad.user!.id, role: 'parent', students: ['Kuba Lis'] },
      // Iga's address is her mother's: one message, to the first of them, naming Iga once.
      { email: 'Mazurowie@example.test', name: 'Iga Mazur', locale: 'en', userId: null, role: 'student', students: ['Iga Mazur'] },
      { email: w.ola.user!.email, name: 'Ola Nowak', locale: 'en', userId: w.ola.user!.id, role: 'student', students: ['Ola Nowak'] },
      { email: w.mum.email, name: 'Ewa Nowak', locale: 'pl', userId: w.mum.user!.id, role: 'parent', students: ['Ola Nowak'] },
      { email: w.grandpa.email, name: 'Jerzy Nowak', locale: 'pl', userId: null, role: 'parent', students: ['Ola Nowak'] },
    ]);
    const addresses = people.map((p) => p.email);
    // Never the archived: Zosia, her parent through her, Ola's former parent.
    for (const gone of ['zosia@example.test', w.zosiasMum.email, w.formerParent.email]) expect(addresses).not.toContain(gone);
    expect(people.flatMap((p) => p.students)).not.toContain('Zosia Wolna');
  });

  it('leaves out a tutor who left, keeps the lesson’s people, and still answers for a cancelled lesson', async () => {
    const lesson = await createLesson(t.db, {
      schoolId: w.school.id,
      tutorId: w.jan.id,
      subjectId: w.math.id,
      start: '2027-02-02T15:00:00Z',
      studentIds: [w.kuba.id],
      status: 'cancelled',
      cancelledAt: new Date(),
    });
    const people = (await lessonRecipients(t.db, w.school, [lesson.id])).get(lesson.id)!;
    expect(people.map((p) => [p.role, p.email])).toEqual([['parent', w.dad.email]]);
  });

  it('never answers for another school’s lesson or student', async () => {
    expect((await lessonRecipients(t.db, w.school, [w.sowaLesson.id])).size).toBe(0);
    expect((await studentRecipients(t.db, w.school, [w.sowaStudent.id])).size).toBe(0);
    const sowa = await lessonRecipients(t.db, w.sowa, [w.sowaLesson.id]);
    expect(sowa.get(w.sowaLesson.id)!.map((p) => p.email)).toContain('sowa-student@example.test');
  });
});

describe('studentRecipients', () => {
  it('tells a student and their parents, and nobody for an archived student', async () => {
    const byStudent = await studentRecipients(t.db, w.school, [w.ola.id, w.zosia.id, w.kuba.id]);
    expect(byStudent.get(w.ola.id)!.map((p) => p.email)).toEqual([w.ola.user!.email, w.mum.email, w.grandpa.email]);
    expect(byStudent.get(w.kuba.id)!.map((p) => p.email)).toEqual([w.dad.email]);
    expect(byStudent.has(w.zosia.id)).toBe(false);
  });
});
