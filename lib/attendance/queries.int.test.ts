import { beforeAll, describe, expect, it } from 'vitest';
import { createFamily, createLesson, createRoom, createSchool, createStudent, createSubject, createTutor, createUser, linkParent, markAttendance, writeLessonNotes } from '@/db/seed/factories';
import { attendanceByStudentMonth, attendanceByTutorMonth, attendanceRate, listTodayForTutor, listWeekAheadForTutor, progressForStudent } from '@/lib/attendance/queries';
import { freshTestDatabase } from '@/test/database';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// A fixed "now": Wednesday 14 October 2026, 12:00 in Warsaw (10:00 UTC).
const now = new Date('2026-10-14T10:00:00Z');

// Anna teaches Ola and Kuba (siblings, a parent with full access to both and one with `view`
// access to Ola only) and, in a group, Ola with Iga (another family's child). Jan teaches Kuba.
// October 2026 (Warsaw): Anna's four lessons and Jan's two; one cancelled; one in November
// and one at 00:30 on 1 October Warsaw time (30 September in UTC) to test the month's edges.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Żak' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 6 });
  const { parent, children } = await createFamily(t.db, { schoolId: school.id, children: 2, lastName: 'Nowak' });
  const [ola, kuba] = children;
  const viewOnly = (await createFamily(t.db, { schoolId: school.id, children: 0, lastName: 'Lis' })).parent;
  await linkParent(t.db, { schoolId: school.id, parentId: viewOnly.id, studentId: ola.id, access: 'view' });
  const igaFamily = await createFamily(t.db, { schoolId: school.id, children: 1, lastName: 'Adamczyk' });
  const iga = await createStudent(t.db, { schoolId: school.id, firstName: 'Iga', lastName: 'Bąk', withLogin: true });
  const s = school.id;
  const lesson = (tutorId: string, start: string, studentIds: string[], extra: object = {}) =>
    createLesson(t.db, { schoolId: s, tutorId, subjectId: math.id, roomId: room.id, kind: 'group', capacity: 4, start, studentIds, ...extra });
  const a1 = await lesson(anna.id, '2026-10-01T14:00:00Z', [ola.id, kuba.id], { status: 'completed' });
  const a2 = await lesson(anna.id, '2026-10-08T14:00:00Z', [ola.id, iga.id], { status: 'completed' });
  const a3 = await lesson(anna.id, '2026-10-14T08:00:00Z', [ola.id]); // today, started, unmarked
  const a4 = await lesson(anna.id, '2026-10-14T14:00:00Z', [kuba.id]); // today, later
  const cancelled = await lesson(anna.id, '2026-10-14T16:00:00Z', [ola.id], { status: 'cancelled', cancelledAt: new Date('2026-10-10T10:00:00Z') });
  const tomorrow = await lesson(anna.id, '2026-10-15T14:00:00Z', [ola.id]);
  const nextWeek = await lesson(anna.id, '2026-10-22T14:00:00Z', [ola.id]); // a day past the week ahead
  const j1 = await lesson(jan.id, '2026-10-02T14:00:00Z', [kuba.id], { status: 'completed' });
  const edge = await lesson(jan.id, '2026-09-30T22:30:00Z', [kuba.id], { status: 'completed' }); // 00:30 on Oct 1 in Warsaw
  const november = await lesson(jan.id, '2026-10-31T23:30:00Z', [kuba.id]); // 00:30 on Nov 1 in Warsaw
  for (const [lessonId, studentId, status] of [
    [a1.id, ola.id, 'present'],
    [a1.id, kuba.id, 'late'],
    [a2.id, ola.id, 'absent'],
    [a2.id, iga.id, 'present'],
    [j1.id, kuba.id, 'excused'],
    [edge.id, kuba.id, 'present'],
  ] as const) {
    await markAttendance(t.db, { schoolId: s, lessonId, studentId, status });
  }
  await writeLessonNotes(t.db, { schoolId: s, lessonId: a1.id, topic: 'Ułamki', homework: 'str. 12', note: 'Dobrze' });
  await writeLessonNotes(t.db, { schoolId: s, lessonId: a3.id, topic: 'Procenty' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  const sowaLesson = await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: (await createSubject(t.db, { schoolId: sowa.id })).id, start: '2026-10-05T14:00:00Z', studentIds: [sowaStudent.id] });
  await markAttendance(t.db, { schoolId: sowa.id, lessonId: sowaLesson.id, studentId: sowaStudent.id, status: 'absent' });
  return { school, admin, sowaAdmin, anna, jan, parent, viewOnly, igaParent: igaFamily.parent, ola, kuba, iga, a1, a2, a3, a4, cancelled, tomorrow, nextWeek, j1, edge, november, sowaStudent };
}
beforeAll(async () => {
  w = await build();
});

describe('listTodayForTutor', () => {
  it('gives a tutor today’s own lessons in the school’s zone, with marks and notes, in one query', async () => {
    let queries = 0;
    const stop = t.handle.onQuery(() => queries++);
    const today = await listTodayForTutor(viewerOf(w.anna.user!), now);
    stop();
    expect(queries).toBe(1);
    expect(today.date).toBe('2026-10-14');
    expect(today.lessons.map((l) => l.id)).toEqual([w.a3.id, w.a4.id, w.cancelled.id]);
    expect(today.lessons[0]).toMatchObject({ status: 'scheduled', roomName: 'Sala 2', notes: { topic: 'Procenty', homework: null }, students: [{ id: w.ola.id, name: 'Ola Nowak', mark: null }] });
    expect(today.lessons[2].status).toBe('cancelled');
    expect((await listTodayForTutor(viewerOf(w.jan.user!), now)).lessons).toEqual([]);
  });

  it('lists the week ahead from tomorrow for seven days, and nothing for non-tutors', async () => {
    expect((await listWeekAheadForTutor(viewerOf(w.anna.user!), now)).map((l) => l.id)).toEqual([w.tomorrow.id]);
    expect((await listTodayForTutor(viewerOf(w.admin), now)).lessons).toEqual([]);
    expect((await listTodayForTutor(viewerOf(w.parent.user!), now)).lessons).toEqual([]);
  });

  it('shows the marks already taken', async () => {
    const [first] = (await listTodayForTutor(viewerOf(w.anna.user!), new Date('2026-10-01T10:00:00Z'))).lessons;
    expect(first.students).toEqual([
      { id: w.kuba.id, name: 'Kuba Nowak', mark: 'late' },
      { id: w.ola.id, name: 'Ola Nowak', mark: 'present' },
    ]);
  });
});

describe('monthly attendance (admin)', () => {
  it('counts per student, by start in the school’s zone, cancelled lessons left out', async () => {
    const rows = await attendanceByStudentMonth(viewerOf(w.admin), '2026-10', now);
    const byName = Object.fromEntries(rows.map((r) => [`${r.firstName} ${r.lastName}`, r]));
    expect(rows.map((r) => `${r.firstName} ${r.lastName}`)).toEqual(['Iga Bąk', 'Kuba Nowak', 'Ola Nowak']);
    // Ola: a1 present, a2 absent, a3 started unmarked; the cancelled and later ones excluded.
    expect(byName['Ola Nowak']).toEqual({ id: w.ola.id, firstName: 'Ola', lastName: 'Nowak', lessons: 5, present: 1, late: 0, absent: 1, excused: 0, unmarked: 1, rate: 0.5 });
    // Kuba: edge (00:30 Oct 1 Warsaw) present, a1 late, j1 excused, a4 not started; November's not counted.
    expect(byName['Kuba Nowak']).toMatchObject({ lessons: 4, present: 1, late: 1, absent: 0, excused: 1, unmarked: 0, rate: 2 / 3 });
    expect(byName['Iga Bąk']).toMatchObject({ lessons: 1, present: 1, rate: 1 });
  });

  it('counts per tutor: lessons, completed, marks', async () => {
    const rows = await attendanceByTutorMonth(viewerOf(w.admin), '2026-10', now);
    expect(rows.map((r) => r.lastName)).toEqual(['Kowalczyk', 'Żak']);
    expect(rows[0]).toMatchObject({ lessons: 6, completed: 2, present: 2, late: 1, absent: 1, excused: 0, unmarked: 1, rate: 0.75 });
    expect(rows[1]).toMatchObject({ lessons: 2, completed: 2, present: 1, excused: 1, unmarked: 0, rate: 0.5 });
  });

  it('shows another school nothing of this one, and tutors nothing at all', async () => {
    const sowa = await attendanceByStudentMonth(viewerOf(w.sowaAdmin), '2026-10', now);
    expect(sowa.map((r) => r.id)).toEqual([w.sowaStudent.id]);
    expect(await attendanceByTutorMonth(viewerOf(w.anna.user!), '2026-10', now)).toEqual([]);
    expect(await attendanceByStudentMonth(viewerOf(w.parent.user!), '2026-10', now)).toEqual([]);
  });
});

describe('progressForStudent', () => {
  it('gives the history newest first, started lessons only, cancelled ones left out', async () => {
    const rows = await progressForStudent(viewerOf(w.admin), w.ola.id, { now });
    expect(rows.map((r) => r.lessonId)).toEqual([w.a3.id, w.a2.id, w.a1.id]);
    expect(rows[2]).toMatchObject({ tutorName: 'Anna Kowalczyk', subject: { name: 'Matematyka' }, mark: 'present', topic: 'Ułamki', homework: 'str. 12', note: 'Dobrze' });
    expect(rows[1]).toMatchObject({ mark: 'absent', topic: null });
  });

  it('lets the student and both parents read it, `view` access included', async () => {
    expect((await progressForStudent(viewerOf(w.parent.user!), w.ola.id, { now })).length).toBe(3);
    expect((await progressForStudent(viewerOf(w.viewOnly.user!), w.ola.id, { now })).length).toBe(3);
    expect((await progressForStudent(viewerOf(w.iga.user!), w.iga.id, { now })).map((r) => r.mark)).toEqual(['present']);
  });

  it('never shows a child’s marks to the parent or student of another child in the same group', async () => {
    expect(await progressForStudent(viewerOf(w.igaParent.user!), w.ola.id, { now })).toEqual([]);
    expect(await progressForStudent(viewerOf(w.iga.user!), w.ola.id, { now })).toEqual([]);
    expect(await progressForStudent(viewerOf(w.viewOnly.user!), w.kuba.id, { now })).toEqual([]);
    expect(await progressForStudent(viewerOf(w.sowaAdmin), w.ola.id, { now })).toEqual([]);
    expect(await progressForStudent(viewerOf(w.admin), 'nope', { now })).toEqual([]);
  });

  it('shows a tutor only the lessons they taught', async () => {
    expect((await progressForStudent(viewerOf(w.jan.user!), w.kuba.id, { now })).map((r) => r.lessonId)).toEqual([w.j1.id, w.edge.id]);
    expect((await progressForStudent(viewerOf(w.anna.user!), w.kuba.id, { now })).map((r) => r.lessonId)).toEqual([w.a1.id]);
  });
});

describe('attendanceRate', () => {
  it('is present and late over the marks of the last weeks', async () => {
    expect(await attendanceRate(viewerOf(w.parent.user!), w.kuba.id, { now, weeks: 12 })).toEqual({ weeks: 12, present: 1, late: 1, absent: 0, excused: 1, rate: 2 / 3 });
    // One week back from Oct 14 reaches Oct 7: only a2 (absent) for Ola.
    expect(await attendanceRate(viewerOf(w.admin), w.ola.id, { now, weeks: 1 })).toMatchObject({ absent: 1, present: 0, rate: 0 });
    expect((await attendanceRate(viewerOf(w.igaParent.user!), w.ola.id, { now })).rate).toBeNull();
  });
});
