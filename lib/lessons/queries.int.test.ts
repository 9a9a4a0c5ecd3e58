import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFamily, createLesson, createRoom, createSchool, createStudent, createSubject, createTutor, createUser } from '@/db/seed/factories';
import { archiveRoomAction, archiveSubjectAction, deleteRoomAction, deleteSubjectAction } from '@/lib/catalog/actions';
import { roomDeletionBlockers, subjectDeletionBlockers } from '@/lib/catalog/queries';
import { getLesson, listLessons } from '@/lib/lessons/queries';
import { deleteStudentAction, setStudentStatusAction } from '@/lib/students/actions';
import { getStudent, listVisibleStudents, studentDeletionBlockers } from '@/lib/students/queries';
import { deleteTutorAction, setTutorStatusAction } from '@/lib/tutors/actions';
import { tutorDeletionBlockers } from '@/lib/tutors/queries';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// "Na Piątkę": Anna and Jan teach; the Nowak family has Ola (Anna's lesson, in Sala 2) and
// Kuba (Jan's online group with Iga, a student with her own login). Sowa, the other school,
// has a lesson at the same time. All on 1 December 2027.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db);
  const sowa = await createSchool(t.db);
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 6 });
  const { parent, children } = await createFamily(t.db, { schoolId: school.id, children: 2, lastName: 'Nowak' });
  const [ola, kuba] = children;
  const iga = await createStudent(t.db, { schoolId: school.id, firstName: 'Iga', lastName: 'Adamczyk', withLogin: true });
  const annasLesson = await createLesson(t.db, { schoolId: school.id, tutorId: anna.id, subjectId: math.id, roomId: room.id, start: '2027-12-01T15:00:00Z', studentIds: [ola.id] });
  const jansGroup = await createLesson(t.db, { schoolId: school.id, tutorId: jan.id, subjectId: physics.id, kind: 'group', capacity: 4, start: '2027-12-01T15:00:00Z', studentIds: [kuba.id, iga.id] });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaLesson = await createLesson(t.db, { schoolId: sowa.id, tutorId: sowaTutor.id, subjectId: (await createSubject(t.db, { schoolId: sowa.id })).id, start: '2027-12-01T15:00:00Z' });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  return { school, sowa, admin, anna, jan, math, physics, room, parent, ola, kuba, iga, annasLesson, jansGroup, sowaLesson, sowaAdmin };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const december = { from: new Date('2027-12-01T00:00:00Z'), to: new Date('2027-12-08T00:00:00Z') };
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('lessonVisibility', () => {
  it('shows an admin every lesson of their school, and nothing of another school', async () => {
    expect(ids(await listLessons(viewerOf(w.admin), december))).toEqual([w.annasLesson.id, w.jansGroup.id].sort());
    expect(ids(await listLessons(viewerOf(w.sowaAdmin), december))).toEqual([w.sowaLesson.id]);
    expect(await getLesson(viewerOf(w.sowaAdmin), w.annasLesson.id)).toBeUndefined();
  });

  it('shows a tutor only their own lessons', async () => {
    expect(ids(await listLessons(viewerOf(w.anna.user!), december))).toEqual([w.annasLesson.id]);
    expect(await getLesson(viewerOf(w.anna.user!), w.jansGroup.id)).toBeUndefined();
    // Even when asking for Jan's lessons by filter.
    expect(await listLessons(viewerOf(w.anna.user!), { ...december, tutorId: w.jan.id })).toEqual([]);
  });

  it('shows a parent their children’s lessons and a student their own', async () => {
    expect(ids(await listLessons(viewerOf(w.parent.user!), december))).toEqual([w.annasLesson.id, w.jansGroup.id].sort());
    expect(ids(await listLessons(viewerOf(w.iga.user!), december))).toEqual([w.jansGroup.id]);
    expect(await getLesson(viewerOf(w.iga.user!), w.annasLesson.id)).toBeUndefined();
    const stranger = await createUser(t.db, { schoolId: w.school.id, role: 'parent' });
    expect(await listLessons(viewerOf(stranger), december)).toEqual([]);
  });

  it('answers undefined for a malformed id', async () => {
    expect(await getLesson(viewerOf(w.admin), 'nope')).toBeUndefined();
  });
});

describe('listLessons', () => {
  it('gives the calendar what it needs, in one query', async () => {
    let queries = 0;
    const stop = t.handle.onQuery(() => queries++);
    const rows = await listLessons(viewerOf(w.admin), december);
    stop();
    expect(queries).toBe(1);
    const group = rows.find((r) => r.id === w.jansGroup.id)!;
    expect(group).toMatchObject({
      start: new Date('2027-12-01T15:00:00Z'),
      end: new Date('2027-12-01T16:00:00Z'),
      kind: 'group',
      capacity: 4,
      status: 'scheduled',
      meetingUrl: expect.stringMatching(/^https:\/\//),
      tutor: { id: w.jan.id, name: 'Jan Kot' },
      subject: { id: w.physics.id, name: 'Fizyka' },
      room: null,
    });
    // Students in Polish surname order: Adamczyk before Nowak.
    expect(group.students).toEqual([
      { id: w.iga.id, name: 'Iga Adamczyk' },
      { id: w.kuba.id, name: `${w.kuba.firstName} Nowak` },
    ]);
    expect(rows.find((r) => r.id === w.annasLesson.id)?.room).toEqual({ id: w.room.id, name: 'Sala 2', capacity: 6 });
  });

  it('filters by the window and by tutor, room, student and subject', async () => {
    const admin = viewerOf(w.admin);
    expect(await listLessons(admin, { from: new Date('2027-12-01T16:00:00Z'), to: new Date('2027-12-02T00:00:00Z') })).toEqual([]);
    expect(ids(await listLessons(admin, { from: new Date('2027-12-01T15:59:00Z'), to: new Date('2027-12-01T16:00:00Z') }))).toHaveLength(2);
    expect(ids(await listLessons(admin, { ...december, tutorId: w.jan.id }))).toEqual([w.jansGroup.id]);
    expect(ids(await listLessons(admin, { ...december, roomId: w.room.id }))).toEqual([w.annasLesson.id]);
    expect(ids(await listLessons(admin, { ...december, studentId: w.iga.id }))).toEqual([w.jansGroup.id]);
    expect(ids(await listLessons(admin, { ...december, subjectId: w.math.id }))).toEqual([w.annasLesson.id]);
  });
});

describe('studentVisibility learns lessons', () => {
  it('lets a tutor see the students in their lessons, not other tutors’ students', async () => {
    // Nobody is enrolled with a usual tutor here: only the lessons connect them.
    expect(await getStudent(viewerOf(w.anna.user!), w.ola.id)).toMatchObject({ id: w.ola.id });
    expect(await getStudent(viewerOf(w.anna.user!), w.kuba.id)).toBeUndefined();
    expect(ids(await listVisibleStudents(viewerOf(w.jan.user!)))).toEqual([w.iga.id, w.kuba.id].sort());
  });

  it('forgets a student whose only lesson with the tutor was cancelled', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    const student = await createStudent(t.db, { schoolId: w.school.id });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: tutor.id, subjectId: w.math.id, start: '2027-12-02T15:00:00Z', studentIds: [student.id], status: 'cancelled', cancelledAt: new Date() });
    expect(await getStudent(viewerOf(tutor.user!), student.id)).toBeUndefined();
  });
});

describe('lessons keep records from being deleted (archive still works)', () => {
  it('a tutor with lessons', async () => {
    const tutor = await createTutor(t.db, { schoolId: w.school.id, withLogin: false });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: tutor.id, subjectId: w.math.id, start: '2027-12-03T15:00:00Z' });
    expect(await tutorDeletionBlockers(viewerOf(w.admin), tutor.id)).toEqual({ students: 0, lessons: 1 });
    expect(await tutorDeletionBlockers(viewerOf(w.sowaAdmin), tutor.id)).toEqual({ students: 0, lessons: 0 });
    actAs(viewerOf(w.admin));
    expect(await deleteTutorAction({ tutorId: tutor.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'records.cannotDelete' });
    expect(await setTutorStatusAction({ tutorId: tutor.id, status: 'left' })).toMatchObject({ ok: true });
  });

  it('a student with lessons, even only cancelled ones', async () => {
    const student = await createStudent(t.db, { schoolId: w.school.id });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start: '2027-12-04T15:00:00Z', studentIds: [student.id], status: 'cancelled', cancelledAt: new Date() });
    expect(await studentDeletionBlockers(t.db, student.id)).toEqual({ lessons: 1 });
    actAs(viewerOf(w.admin));
    expect(await deleteStudentAction({ studentId: student.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'records.cannotDelete' });
    expect(await setStudentStatusAction({ studentId: student.id, status: 'archived' })).toMatchObject({ ok: true });
    const free = await createStudent(t.db, { schoolId: w.school.id });
    expect(await studentDeletionBlockers(t.db, free.id)).toEqual({});
  });

  it('a subject and a room with lessons', async () => {
    const subject = await createSubject(t.db, { schoolId: w.school.id });
    const room = await createRoom(t.db, { schoolId: w.school.id });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: subject.id, roomId: room.id, start: '2027-12-05T15:00:00Z' });
    const admin = viewerOf(w.admin);
    expect(await subjectDeletionBlockers(admin, subject.id)).toEqual({ lessons: 1 });
    expect(await roomDeletionBlockers(admin, room.id)).toEqual({ lessons: 1 });
    expect(await roomDeletionBlockers(viewerOf(w.sowaAdmin), room.id)).toEqual({});
    expect(await roomDeletionBlockers(viewerOf(w.anna.user!), room.id)).toEqual({});
    actAs(admin);
    expect(await deleteSubjectAction({ subjectId: subject.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'records.cannotDelete' });
    expect(await deleteRoomAction({ roomId: room.id })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'records.cannotDelete' });
    expect(await archiveSubjectAction({ subjectId: subject.id })).toMatchObject({ ok: true });
    expect(await archiveRoomAction({ roomId: room.id })).toMatchObject({ ok: true });
    const emptyRoom = await createRoom(t.db, { schoolId: w.school.id });
    expect(await roomDeletionBlockers(admin, emptyRoom.id)).toEqual({});
    expect(await deleteRoomAction({ roomId: emptyRoom.id })).toMatchObject({ ok: true });
  });
});
