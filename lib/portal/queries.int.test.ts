import { beforeAll, describe, expect, it } from 'vitest';
import {
  createFamily,
  createLesson,
  createMakeupCredit,
  createParent,
  createSchool,
  createStudent,
  createSubject,
  createTutor,
  createUser,
  createCancellationRequest,
  enrol,
  linkParent,
  markAttendance,
} from '@/db/seed/factories';
import { attendanceRates } from '@/lib/attendance/queries';
import { listDecidedRequests, listMakeupsToSchedule, listOpenCredits, listPendingRequests, listUpcomingLessons } from '@/lib/cancellations/queries';
import { chooseChild, listOwnChildren } from '@/lib/portal/queries';
import { listPayerContacts } from '@/lib/students/queries';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

const DAY = 86_400_000;

// Na Piątkę. Anna teaches Ola and Kuba (siblings: Ewa pays for both with full access, Jerzy
// sees only Kuba, view-only) and Marek, an adult who pays for himself. Jan teaches Iga, whose
// mother Zofia pays; Ola also has one lesson with Jan. Sowa, another school, has a family of
// its own. Credits: Ola two open ones from Anna's maths (one expiring sooner), one from Anna's
// English, one from Jan's lesson, one expired and one used; Kuba one from Anna's; Iga one from Jan's.
// An archived child of Ewa's has a credit too.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const s = school.id;
  const admin = await createUser(t.db, { schoolId: s, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: s, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: s, firstName: 'Jan', lastName: 'Żak' });
  const math = await createSubject(t.db, { schoolId: s, name: 'Matematyka' });
  const english = await createSubject(t.db, { schoolId: s, name: 'Angielski' });

  const ewa = await createParent(t.db, { schoolId: s, firstName: 'Ewa', lastName: 'Nowak', phone: '+48 601 234 567' });
  const ola = await createStudent(t.db, { schoolId: s, firstName: 'Ola', lastName: 'Nowak', withLogin: true });
  const kuba = await createStudent(t.db, { schoolId: s, firstName: 'Kuba', lastName: 'Nowak' });
  // Linked first, but not the payer: billing's payer is the parent marked as payer.
  const jerzy = await createParent(t.db, { schoolId: s, firstName: 'Jerzy', lastName: 'Nowak' });
  await linkParent(t.db, { schoolId: s, parentId: jerzy.id, studentId: kuba.id, access: 'view' });
  await linkParent(t.db, { schoolId: s, parentId: ewa.id, studentId: ola.id, access: 'full', isPayer: true });
  await linkParent(t.db, { schoolId: s, parentId: ewa.id, studentId: kuba.id, access: 'full', isPayer: true });
  const archived = await createStudent(t.db, { schoolId: s, firstName: 'Adam', lastName: 'Nowak', status: 'archived' });
  await linkParent(t.db, { schoolId: s, parentId: ewa.id, studentId: archived.id, access: 'full', isPayer: true });
  const marek = await createStudent(t.db, { schoolId: s, firstName: 'Marek', lastName: 'Dorosły', level: 'adult', isSelfPayer: true, email: 'marek@example.test', phone: '+48 700 800 900' });
  const noPayer = await createStudent(t.db, { schoolId: s, firstName: 'Bez', lastName: 'Płatnika' });
  const igas = await createFamily(t.db, { schoolId: s, lastName: 'Bąk' });
  const iga = igas.children[0];
  await enrol(t.db, { schoolId: s, studentId: ola.id, subjectId: math.id, tutorId: anna.id });
  await enrol(t.db, { schoolId: s, studentId: kuba.id, subjectId: math.id, tutorId: anna.id });
  await enrol(t.db, { schoolId: s, studentId: marek.id, subjectId: english.id, tutorId: anna.id });
  await enrol(t.db, { schoolId: s, studentId: noPayer.id, subjectId: math.id, tutorId: anna.id });
  await enrol(t.db, { schoolId: s, studentId: iga.id, subjectId: math.id, tutorId: jan.id });

  const now = Date.now();
  const at = (days: number, hour = 0) => new Date(now + days * DAY + hour * 3_600_000);
  const lesson = (tutorId: string, subjectId: string, start: Date, studentIds: string[]) =>
    createLesson(t.db, { schoolId: s, tutorId, subjectId, start, studentIds, ...(studentIds.length > 1 ? { kind: 'group', capacity: 4 } : {}) });
  // The past: marks for the rates (Anna's and Jan's lessons).
  const past1 = await lesson(anna.id, math.id, at(-14), [ola.id, kuba.id]);
  const past2 = await lesson(anna.id, math.id, at(-7), [ola.id]);
  const pastJan = await lesson(jan.id, english.id, at(-6), [ola.id, iga.id]);
  const pastEnglish = await lesson(anna.id, english.id, at(-5), [ola.id, marek.id]);
  await markAttendance(t.db, { schoolId: s, lessonId: past1.id, studentId: ola.id, status: 'present' });
  await markAttendance(t.db, { schoolId: s, lessonId: past1.id, studentId: kuba.id, status: 'absent' });
  await markAttendance(t.db, { schoolId: s, lessonId: past2.id, studentId: ola.id, status: 'late' });
  await markAttendance(t.db, { schoolId: s, lessonId: pastJan.id, studentId: ola.id, status: 'absent' });
  await markAttendance(t.db, { schoolId: s, lessonId: pastJan.id, studentId: iga.id, status: 'present' });
  await markAttendance(t.db, { schoolId: s, lessonId: pastEnglish.id, studentId: marek.id, status: 'excused' });
  // The next days: a lesson for each sibling, and a request for each.
  const olaNext = await lesson(anna.id, math.id, at(3), [ola.id]);
  const kubaNext = await lesson(anna.id, math.id, at(3, 2), [kuba.id]);
  const igaNext = await lesson(jan.id, math.id, at(4), [iga.id]);
  const olaRequest = await createCancellationRequest(t.db, { schoolId: s, lessonId: olaNext.id, studentId: ola.id, requestedBy: ewa.user!.id });
  const kubaRequest = await createCancellationRequest(t.db, { schoolId: s, lessonId: kubaNext.id, studentId: kuba.id, requestedBy: ewa.user!.id });
  const kubaDecided = await createCancellationRequest(t.db, { schoolId: s, lessonId: past1.id, studentId: kuba.id, requestedBy: ewa.user!.id, status: 'rejected' });

  const credit = (studentId: string, sourceLessonId: string, days: number, extra: object = {}) => createMakeupCredit(t.db, { schoolId: s, studentId, sourceLessonId, days, ...extra });
  const olaMathLate = await credit(ola.id, past1.id, 25);
  const olaMathSoon = await credit(ola.id, past2.id, 5);
  const olaEnglish = await credit(ola.id, pastEnglish.id, 12);
  await credit(ola.id, past2.id, 0, { expiresAt: new Date(now - 1000) }); // ran out
  await credit(ola.id, past2.id, 30, { status: 'used', usedByLessonId: olaNext.id, usedAt: new Date() });
  const olaFromJan = await credit(ola.id, pastJan.id, 8);
  const kubaCredit = await credit(kuba.id, past1.id, 20);
  const igaCredit = await credit(iga.id, pastJan.id, 3);
  // An archived student's credit is nobody's to book.
  const archivedLesson = await lesson(anna.id, math.id, at(-21), [archived.id]);
  await credit(archived.id, archivedLesson.id, 10);

  // Sowa: a tutor, a family and a credit of its own.
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaFamily = await createFamily(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaLesson = await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: sowaSubject.id, start: at(-3), studentIds: [sowaFamily.children[0].id] });
  await createMakeupCredit(t.db, { schoolId: sowa.id, studentId: sowaFamily.children[0].id, sourceLessonId: sowaLesson.id, days: 9 });

  return {
    school,
    admin,
    anna,
    jan,
    math,
    english,
    ewa,
    jerzy,
    ola,
    kuba,
    marek,
    noPayer,
    iga,
    igas,
    archived,
    olaNext,
    kubaNext,
    igaNext,
    olaRequest,
    kubaRequest,
    kubaDecided,
    olaMathLate,
    olaMathSoon,
    olaEnglish,
    olaFromJan,
    kubaCredit,
    igaCredit,
    sowaTutor,
    sowaFamily,
  };
}
beforeAll(async () => {
  w = await build();
});

describe('listMakeupsToSchedule', () => {
  it('gives a tutor the credits earned in their own lessons, per student and subject, the soonest to run out first', async () => {
    const rows = await listMakeupsToSchedule(viewerOf(w.anna.user!));
    expect(rows.map((r) => [r.studentName, r.subjectName, r.credits])).toEqual([
      ['Ola Nowak', 'Matematyka', 2],
      ['Ola Nowak', 'Angielski', 1],
      ['Kuba Nowak', 'Matematyka', 1],
    ]);
    // The earliest of Ola's two maths credits, not the later one.
    expect(rows[0].earliestExpiresAt.getTime()).toBe(w.olaMathSoon.expiresAt.getTime());
    expect(rows[0].earliestExpiresAt.getTime()).toBeLessThan(w.olaMathLate.expiresAt.getTime());
  });

  it('never gives a tutor another tutor’s credits, the archive, or another school’s', async () => {
    const jan = await listMakeupsToSchedule(viewerOf(w.jan.user!));
    expect(jan.map((r) => [r.studentId, r.credits])).toEqual([
      [w.iga.id, 1],
      [w.ola.id, 1],
    ]);
    expect(await listMakeupsToSchedule(viewerOf(w.sowaTutor.user!))).toHaveLength(1);
    const admin = await listMakeupsToSchedule(viewerOf(w.admin));
    expect(admin.reduce((n, r) => n + r.credits, 0)).toBe(6);
    expect(admin.some((r) => r.studentId === w.archived.id || r.studentId === w.sowaFamily.children[0].id)).toBe(false);
  });

  it('gives nothing to students and parents: they do not book makeups', async () => {
    expect(await listMakeupsToSchedule(viewerOf(w.ola.user!))).toEqual([]);
    expect(await listMakeupsToSchedule(viewerOf(w.ewa.user!))).toEqual([]);
  });
});

describe('a student’s and a parent’s makeup credits', () => {
  it('a student sees their own usable credits, the soonest to run out first, none expired or used', async () => {
    const list = await listOpenCredits(viewerOf(w.ola.user!));
    expect(list.rows.map((c) => c.id)).toEqual([w.olaMathSoon.id, w.olaFromJan.id, w.olaEnglish.id, w.olaMathLate.id]);
    expect(list.total).toBe(4);
  });

  it('narrowed to one child, a parent sees that child’s; an id not theirs gives nothing, never more', async () => {
    const ewa = viewerOf(w.ewa.user!);
    expect((await listOpenCredits(ewa, { studentId: w.kuba.id })).rows.map((c) => c.id)).toEqual([w.kubaCredit.id]);
    expect((await listOpenCredits(ewa, { studentId: w.ola.id })).total).toBe(4);
    expect(await listOpenCredits(ewa, { studentId: w.iga.id })).toMatchObject({ rows: [], total: 0 });
    expect(await listOpenCredits(ewa, { studentId: 'not-a-uuid' })).toMatchObject({ rows: [], total: 0 });
    // Jerzy sees Kuba (view access) and nothing of Ola.
    const jerzy = viewerOf(w.jerzy.user!);
    expect((await listOpenCredits(jerzy)).rows.map((c) => c.id)).toEqual([w.kubaCredit.id]);
    expect((await listOpenCredits(jerzy, { studentId: w.ola.id })).total).toBe(0);
  });

  it('narrows the next lessons and the requests to the chosen child the same way', async () => {
    const ewa = viewerOf(w.ewa.user!);
    expect((await listUpcomingLessons(ewa)).map((l) => l.lessonId)).toEqual([w.olaNext.id, w.kubaNext.id]);
    expect((await listUpcomingLessons(ewa, { studentId: w.kuba.id })).map((l) => [l.lessonId, l.canRequest])).toEqual([[w.kubaNext.id, true]]);
    expect(await listUpcomingLessons(ewa, { studentId: w.iga.id })).toEqual([]);
    expect((await listPendingRequests(ewa, { studentId: w.ola.id })).map((r) => r.id)).toEqual([w.olaRequest.id]);
    expect((await listDecidedRequests(ewa, { studentId: w.kuba.id })).rows.map((r) => r.id)).toEqual([w.kubaDecided.id]);
    expect((await listDecidedRequests(ewa, { studentId: w.ola.id })).total).toBe(0);
    // A view-only parent sees Kuba's lesson but may not ask.
    const jerzy = viewerOf(w.jerzy.user!);
    expect((await listUpcomingLessons(jerzy, { studentId: w.kuba.id })).map((l) => [l.lessonId, l.canRequest])).toEqual([[w.kubaNext.id, false]]);
    expect(await listPendingRequests(jerzy, { studentId: w.ola.id })).toEqual([]);
  });
});

describe('the payer’s contact on a tutor’s roster', () => {
  const all = () => [w.ola.id, w.kuba.id, w.marek.id, w.noPayer.id, w.iga.id, w.sowaFamily.children[0].id];

  it('is the parent marked as payer, or the adult paying for themself, or nobody', async () => {
    const contacts = await listPayerContacts(viewerOf(w.anna.user!), all());
    expect(contacts.get(w.ola.id)).toEqual({ kind: 'parent', name: 'Ewa Nowak', email: w.ewa.email, phone: '+48 601 234 567' });
    // Jerzy was linked to Kuba first, but Ewa pays.
    expect(contacts.get(w.kuba.id)).toMatchObject({ kind: 'parent', name: 'Ewa Nowak' });
    expect(contacts.get(w.marek.id)).toEqual({ kind: 'self', name: 'Marek Dorosły', email: 'marek@example.test', phone: '+48 700 800 900' });
    expect(contacts.has(w.noPayer.id)).toBe(true);
    expect(contacts.get(w.noPayer.id)).toBeNull();
  });

  it('never gives a tutor the parent of another tutor’s student, or of another school', async () => {
    const anna = await listPayerContacts(viewerOf(w.anna.user!), all());
    expect(anna.has(w.iga.id)).toBe(false);
    expect(anna.has(w.sowaFamily.children[0].id)).toBe(false);
    expect([...anna.values()].some((c) => c?.name === w.igas.parent.firstName + ' ' + w.igas.parent.lastName)).toBe(false);
    const jan = await listPayerContacts(viewerOf(w.jan.user!), all());
    // Jan taught Ola once (a lesson that was not cancelled): she is his student too; Kuba is not.
    expect([...jan.keys()].sort()).toEqual([w.iga.id, w.ola.id].sort());
    expect(jan.get(w.iga.id)).toMatchObject({ kind: 'parent', email: w.igas.parent.email });
  });

  it('gives parents and students nothing', async () => {
    expect((await listPayerContacts(viewerOf(w.ewa.user!), all())).size).toBe(0);
    expect((await listPayerContacts(viewerOf(w.ola.user!), all())).size).toBe(0);
  });
});

describe('attendance rates of a roster', () => {
  it('counts, for a tutor, only the lessons they teach, every student of the page in one query', async () => {
    let queries = 0;
    const stop = t.handle.onQuery(() => queries++);
    const rates = await attendanceRates(viewerOf(w.anna.user!), [w.ola.id, w.kuba.id, w.marek.id, w.noPayer.id, w.iga.id]);
    stop();
    expect(queries).toBe(1);
    // Ola with Anna: present, late (her absence was in Jan's lesson).
    expect(rates.get(w.ola.id)).toMatchObject({ present: 1, late: 1, absent: 0, rate: 1 });
    expect(rates.get(w.kuba.id)).toMatchObject({ absent: 1, rate: 0 });
    expect(rates.get(w.marek.id)).toMatchObject({ excused: 1, rate: 0 });
    expect(rates.get(w.noPayer.id)?.rate).toBeNull();
    // Iga is Jan's: Anna gets no numbers for her.
    expect(rates.get(w.iga.id)).toMatchObject({ present: 0, rate: null });
    expect((await attendanceRates(viewerOf(w.jan.user!), [w.ola.id])).get(w.ola.id)).toMatchObject({ absent: 1, rate: 0 });
    expect((await attendanceRates(viewerOf(w.admin), [w.ola.id])).get(w.ola.id)).toMatchObject({ present: 1, late: 1, absent: 1 });
  });
});

describe('the parent’s choice of child', () => {
  it('lists a parent’s own children with their access, the archive left out', async () => {
    const ewa = await listOwnChildren(viewerOf(w.ewa.user!));
    expect(ewa.map((c) => [c.firstName, c.access])).toEqual([
      ['Kuba', 'full'],
      ['Ola', 'full'],
    ]);
    expect((await listOwnChildren(viewerOf(w.jerzy.user!))).map((c) => [c.id, c.access])).toEqual([[w.kuba.id, 'view']]);
    expect(await listOwnChildren(viewerOf(w.ola.user!))).toEqual([]);
    expect(await listOwnChildren(viewerOf(w.anna.user!))).toEqual([]);
  });

  it('takes the child asked for when it is theirs, else the first — another family’s, another school’s or a malformed id changes nothing', async () => {
    const ewa = viewerOf(w.ewa.user!);
    expect((await chooseChild(ewa, w.ola.id)).child?.id).toBe(w.ola.id);
    expect((await chooseChild(ewa, undefined)).child?.id).toBe(w.kuba.id);
    for (const foreign of [w.iga.id, w.sowaFamily.children[0].id, w.archived.id, 'nie-uuid', '']) {
      const choice = await chooseChild(ewa, foreign);
      expect(choice.child?.id).toBe(w.kuba.id);
      expect(choice.children.map((c) => c.id)).not.toContain(foreign);
    }
    // Jerzy may look at Kuba only; asking for Ola gives him Kuba.
    expect((await chooseChild(viewerOf(w.jerzy.user!), w.ola.id)).child?.id).toBe(w.kuba.id);
    expect(await chooseChild(viewerOf(w.igas.parent.user!), w.ola.id)).toMatchObject({ child: { id: w.iga.id } });
  });

  it('has no child to choose for a parent without children', async () => {
    const lonely = await createParent(t.db, { schoolId: w.school.id });
    expect(await chooseChild(viewerOf(lonely.user!), w.ola.id)).toEqual({ children: [], child: undefined });
  });
});
