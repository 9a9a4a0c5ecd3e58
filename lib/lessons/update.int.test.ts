import fc from 'fast-check';
import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, lessons, lessonStudents, makeupCredits } from '@/db/schema';
import {
  createCancellationRequest,
  createLesson,
  createMakeupCredit,
  createRoom,
  createSchool,
  createStudent,
  createSubject,
  createTutor,
  createUser,
  enrol,
  markAttendance,
  setWeeklyHours,
} from '@/db/seed/factories';
import { cancelLessonAction, updateLessonAction } from '@/lib/lessons/actions';
import { freshTestDatabase } from '@/test/database';
import { hostileString } from '@/test/hostile';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Two schools. In "Na Piątkę": an admin, Anna and Jan (tutors with logins), Matematyka and
// Fizyka, Sala 2 (holds 3) and Sala 5 (holds 10), Ola, Kuba and Ewa (Anna teaches Ola and
// Kuba), Piotr (paused). "Sowa" has its own of each.
// Each test plans on a day of its own, so their lessons never meet.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const physics = await createSubject(t.db, { schoolId: school.id, name: 'Fizyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 3 });
  const bigRoom = await createRoom(t.db, { schoolId: school.id, name: 'Sala 5', capacity: 10 });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis' });
  const ewa = await createStudent(t.db, { schoolId: school.id, firstName: 'Ewa', lastName: 'Sowa' });
  const piotr = await createStudent(t.db, { schoolId: school.id, firstName: 'Piotr', lastName: 'Wolny', status: 'paused' });
  await enrol(t.db, { schoolId: school.id, studentId: ola.id, subjectId: math.id, tutorId: anna.id });
  await enrol(t.db, { schoolId: school.id, studentId: kuba.id, subjectId: math.id, tutorId: anna.id });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaRoom = await createRoom(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, anna, jan, math, physics, room, bigRoom, ola, kuba, ewa, piotr, sowaTutor, sowaSubject, sowaRoom, sowaStudent };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));
const asAnna = () => actAs(viewerOf(w.anna.user!));

let day = 0;
/** A fresh day in January 2028; `at(9)` is 09:00 UTC (10:00 in Warsaw). */
const nextDay = () => {
  day++;
  return (hour: number, minute = 0) => new Date(Date.UTC(2028, 0, day, hour, minute)).toISOString();
};

const url = 'https://meet.example.test/edit';

/** Anna's individual Matematyka with Ola in Sala 2 at 09:00–10:00 UTC of a fresh day, and that day. */
async function annasLesson(overrides: Partial<Parameters<typeof createLesson>[1]> = {}) {
  const at = nextDay();
  const lesson = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: at(9), end: at(10), studentIds: [w.ola.id], ...overrides });
  return { lesson, at };
}

/** The form's whole state for `lesson` as it is, with `change` applied. */
function edit(lesson: { id: string; subjectId: string; roomId: string | null; meetingUrl: string | null; kind: 'individual' | 'group'; capacity: number }, studentIds: string[], change: Record<string, unknown> = {}) {
  return {
    lessonId: lesson.id,
    subjectId: lesson.subjectId,
    roomId: lesson.roomId,
    meetingUrl: lesson.meetingUrl,
    kind: lesson.kind,
    capacity: lesson.capacity,
    studentIds,
    knownStudentIds: studentIds,
    ...change,
  } as Parameters<typeof updateLessonAction>[0];
}

async function rowOf(id: string) {
  const [row] = await t.db.select().from(lessons).where(eq(lessons.id, id));
  return row;
}

async function studentsOf(id: string) {
  return (await t.db.select({ studentId: lessonStudents.studentId }).from(lessonStudents).where(eq(lessonStudents.lessonId, id))).map((r) => r.studentId).sort();
}

async function updatesOf(id: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);
}

describe('updateLessonAction', () => {
  it('turns an individual lesson in a room into an online group with a second student, audited with ids', async () => {
    asAdmin();
    const { lesson, at } = await annasLesson();
    const result = await updateLessonAction(
      edit(lesson, [w.ola.id], { subjectId: w.physics.id, roomId: null, meetingUrl: ` ${url} `, kind: 'group', capacity: 4, studentIds: [w.ola.id, w.kuba.id] }),
    );
    expect(result).toEqual({ ok: true, data: { id: lesson.id, status: 'scheduled', studentIds: [w.ola.id, w.kuba.id] } });

    const row = await rowOf(lesson.id);
    expect(row).toMatchObject({ tutorId: w.anna.id, subjectId: w.physics.id, roomId: null, meetingUrl: url, kind: 'group', capacity: 4, status: 'scheduled' });
    expect(row.during).toEqual({ start: new Date(at(9)), end: new Date(at(10)) });
    expect(await studentsOf(lesson.id)).toEqual([w.ola.id, w.kuba.id].sort());
    // The newcomer's seat carries the lesson's time (the trigger copies it), so the student constraint sees it.
    const [seat] = await t.db.select().from(lessonStudents).where(eq(lessonStudents.studentId, w.kuba.id));
    expect(seat).toMatchObject({ active: true, during: { start: new Date(at(9)), end: new Date(at(10)) } });

    const entries = await updatesOf(lesson.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'lesson.update',
      entityType: 'lesson',
      actorUserId: w.admin.id,
      actorRole: 'admin',
      before: { subjectId: w.math.id, roomId: w.room.id, meetingUrl: null, kind: 'individual', capacity: 1, studentIds: [w.ola.id] },
      after: { subjectId: w.physics.id, roomId: null, meetingUrl: url, kind: 'group', capacity: 4, studentIds: [w.ola.id, w.kuba.id], added: [w.kuba.id], removed: [] },
    });
    // Ids, not names; the unchanged tutor is not mentioned.
    expect(JSON.stringify(entries[0].after)).not.toMatch(/Fizyka|Kuba/);
    expect(entries[0].before).not.toHaveProperty('tutorId');
  });

  it('lets a tutor swap the student of their individual lesson, and refuses what changes nothing', async () => {
    asAnna();
    const { lesson } = await annasLesson();
    expect(await updateLessonAction(edit(lesson, [w.ola.id]))).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.nothingChanged' });
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { studentIds: [w.kuba.id] }))).toMatchObject({ ok: true, data: { studentIds: [w.kuba.id] } });
    expect(await studentsOf(lesson.id)).toEqual([w.kuba.id]);
    expect((await updatesOf(lesson.id)).at(-1)).toMatchObject({ action: 'lesson.update', actorRole: 'tutor', before: { studentIds: [w.ola.id] }, after: { studentIds: [w.kuba.id], added: [w.kuba.id], removed: [w.ola.id] } });
  });

  it('names the room that is busy at the lesson’s time and changes nothing', async () => {
    asAdmin();
    const { lesson, at } = await annasLesson({ roomId: null, meetingUrl: url });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.physics.id, roomId: w.room.id, start: at(9, 30), end: at(10, 30) });
    const result = await updateLessonAction(edit(lesson, [w.ola.id], { roomId: w.room.id, meetingUrl: null, subjectId: w.physics.id }));
    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.roomBusy', reason: 'room_busy' });
    expect(await rowOf(lesson.id)).toMatchObject({ roomId: null, meetingUrl: url, subjectId: w.math.id });
    expect(await updatesOf(lesson.id)).toHaveLength(0);
    // Another room at the same time is free.
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { roomId: w.bigRoom.id, meetingUrl: null }))).toMatchObject({ ok: true });
  });

  it('names the student who is busy and rolls the whole change back', async () => {
    asAdmin();
    const { lesson, at } = await annasLesson();
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.physics.id, start: at(8, 30), end: at(9, 30), studentIds: [w.kuba.id] });
    const result = await updateLessonAction(edit(lesson, [w.ola.id], { kind: 'group', capacity: 3, studentIds: [w.ola.id, w.kuba.id] }));
    expect(result).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.studentBusy', reason: 'student_busy' });
    expect(await rowOf(lesson.id)).toMatchObject({ kind: 'individual', capacity: 1 });
    expect(await studentsOf(lesson.id)).toEqual([w.ola.id]);
    // Jan teaching at the same time is not Anna's problem: without Kuba the group is fine.
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { kind: 'group', capacity: 3, studentIds: [w.ola.id, w.ewa.id] }))).toMatchObject({ ok: true });
  });

  it('keeps the students within the group’s places and the room’s, in the sentence planning uses', async () => {
    asAdmin();
    const { lesson } = await annasLesson({ roomId: null, meetingUrl: url, kind: 'group', capacity: 4, studentIds: [w.ola.id, w.kuba.id, w.ewa.id] });
    const three = [w.ola.id, w.kuba.id, w.ewa.id];
    // Fewer places than students who stay.
    expect(await updateLessonAction(edit(lesson, three, { capacity: 2 }))).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'lessons.tooManyStudents',
      fieldErrors: { capacity: ['lessons.tooManyStudents'] },
    });
    // Sala 2 holds 3: a fourth student does not fit there, whatever the group's places.
    const fourth = await createStudent(t.db, { schoolId: w.school.id });
    expect(await updateLessonAction(edit(lesson, three, { roomId: w.room.id, meetingUrl: null, studentIds: [...three, fourth.id] }))).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'lessons.tooManyStudents',
      fieldErrors: { studentIds: ['lessons.tooManyStudents'] },
    });
    expect(await studentsOf(lesson.id)).toEqual([...three].sort());
    expect(await updateLessonAction(edit(lesson, three, { roomId: w.room.id, meetingUrl: null }))).toMatchObject({ ok: true });
  });

  it('lets two people add a student each to the last place at once: one joins, the other is told it is full', async () => {
    asAdmin();
    const { lesson } = await annasLesson({ kind: 'group', capacity: 3, studentIds: [w.ola.id, w.kuba.id] });
    const [x, y] = await Promise.all([1, 2].map(() => createStudent(t.db, { schoolId: w.school.id })));
    const results = await Promise.all([x, y].map((s) => updateLessonAction(edit(lesson, [w.ola.id, w.kuba.id], { studentIds: [w.ola.id, w.kuba.id, s.id] }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    // The lesson is locked first, so the second one counts the first one's student (the trigger would refuse it otherwise).
    expect(['lessons.tooManyStudents', 'lessons.groupFull']).toContain(!loser.ok && loser.message);
    expect(await studentsOf(lesson.id)).toHaveLength(3);
  });

  it('keeps a change someone made meanwhile: two people adding different students both count', async () => {
    asAdmin();
    const { lesson } = await annasLesson({ roomId: w.bigRoom.id, kind: 'group', capacity: 6, studentIds: [w.ola.id] });
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { studentIds: [w.ola.id, w.kuba.id] }))).toMatchObject({ ok: true });
    // A form opened before Kuba joined adds Ewa: Kuba stays.
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { studentIds: [w.ola.id, w.ewa.id] }))).toMatchObject({ ok: true, data: { studentIds: [w.ola.id, w.kuba.id, w.ewa.id] } });
    expect(await studentsOf(lesson.id)).toEqual([w.ola.id, w.kuba.id, w.ewa.id].sort());
  });

  it('lets a tutor change only their own lessons, keep them, and add only students they may see', async () => {
    const { lesson: jans } = await annasLesson({ tutorId: w.jan.id });
    asAnna();
    // Jan's lesson is not Anna's to see: NOT_FOUND, as if it did not exist.
    expect(await updateLessonAction(edit(jans, [w.ola.id], { subjectId: w.physics.id }))).toEqual({ ok: false, code: 'NOT_FOUND', message: 'errors.NOT_FOUND' });
    expect(await rowOf(jans.id)).toMatchObject({ subjectId: w.math.id });

    const { lesson } = await annasLesson();
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { tutorId: w.jan.id }))).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'lessons.onlyAdminChangesTutor',
      fieldErrors: { tutorId: ['lessons.onlyAdminChangesTutor'] },
    });
    // Naming herself is no change.
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { tutorId: w.anna.id, subjectId: w.physics.id }))).toMatchObject({ ok: true });
    // A student Anna does not teach cannot be found, let alone added.
    const stranger = await createStudent(t.db, { schoolId: w.school.id });
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { studentIds: [stranger.id] }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await rowOf(lesson.id)).toMatchObject({ tutorId: w.anna.id });
    expect(await studentsOf(lesson.id)).toEqual([w.ola.id]);

    // Students and parents cannot edit lessons at all; nobody signed out can.
    actAs(null);
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { subjectId: w.math.id }))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    actAs(viewerOf(await createUser(t.db, { schoolId: w.school.id, role: 'parent' })));
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { subjectId: w.math.id }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets an admin hand a lesson to another tutor within their hours, or outside them on purpose', async () => {
    asAdmin();
    const { lesson, at } = await annasLesson();
    // Marek works only 14:00–20:00 on that weekday (Warsaw); the lesson is at 10:00.
    const marek = await createTutor(t.db, { schoolId: w.school.id, firstName: 'Marek', lastName: 'Zięba', withLogin: false });
    const weekday = ((new Date(at(9)).getUTCDay() + 6) % 7) + 1;
    await setWeeklyHours(t.db, { schoolId: w.school.id, tutorId: marek.id, intervals: [{ weekday, start: '14:00', end: '20:00' }] });
    const refused = await updateLessonAction(edit(lesson, [w.ola.id], { tutorId: marek.id }));
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', reason: 'outside_availability' });
    expect(await rowOf(lesson.id)).toMatchObject({ tutorId: w.anna.id });
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { tutorId: marek.id, overrideAvailability: true }))).toMatchObject({ ok: true });
    expect(await rowOf(lesson.id)).toMatchObject({ tutorId: marek.id });
    expect((await updatesOf(lesson.id)).at(-1)).toMatchObject({
      before: { tutorId: w.anna.id },
      after: { tutorId: marek.id, availabilityOverride: { reason: 'outside_hours' } },
    });
    // A tutor who has left cannot take it.
    const gone = await createTutor(t.db, { schoolId: w.school.id, status: 'left', withLogin: false });
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { tutorId: gone.id }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { tutorId: ['lessons.tutorNotActive'] } });
    // A tutor already teaching then is named.
    const other = nextDay();
    const annas = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start: other(9), end: other(10), studentIds: [w.ola.id] });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.physics.id, start: other(9), end: other(10) });
    expect(await updateLessonAction(edit(annas, [w.ola.id], { tutorId: w.jan.id }))).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.tutorBusy', reason: 'tutor_busy' });
  });

  it('refuses a cancelled or completed lesson with a sentence', async () => {
    asAdmin();
    const { lesson } = await annasLesson();
    expect(await cancelLessonAction({ lessonId: lesson.id, reason: 'Choroba' })).toMatchObject({ ok: true });
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { subjectId: w.physics.id }))).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.editCancelled' });
    const { lesson: done } = await annasLesson({ status: 'completed' });
    expect(await updateLessonAction(edit(done, [w.ola.id], { subjectId: w.physics.id }))).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.editCompleted' });
    expect(await rowOf(done.id)).toMatchObject({ subjectId: w.math.id });
  });

  it('answers NOT_FOUND for another school’s lesson, subject, room, tutor or student, and writes nothing', async () => {
    asAdmin();
    const sowas = await createLesson(t.db, { schoolId: w.sowa.id, tutorId: w.sowaTutor.id, subjectId: w.sowaSubject.id, start: nextDay()(9) });
    expect(await updateLessonAction(edit({ ...sowas, subjectId: w.math.id }, [], { kind: 'group', capacity: 3 }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await rowOf(sowas.id)).toMatchObject({ subjectId: w.sowaSubject.id, kind: 'individual' });

    const { lesson } = await annasLesson();
    for (const change of [
      { subjectId: w.sowaSubject.id },
      { roomId: w.sowaRoom.id },
      { tutorId: w.sowaTutor.id },
      { studentIds: [w.sowaStudent.id] },
      { lessonId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      expect(await updateLessonAction(edit(lesson, [w.ola.id], change)), JSON.stringify(change)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await updatesOf(lesson.id)).toHaveLength(0);
  });

  it('lets only active students join', async () => {
    asAdmin();
    const { lesson } = await annasLesson();
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { studentIds: [w.piotr.id] }))).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { studentIds: ['lessons.studentNotActive'] },
    });
    const gone = await createStudent(t.db, { schoolId: w.school.id, status: 'archived' });
    expect(await updateLessonAction(edit(lesson, [w.ola.id], { studentIds: [gone.id] }))).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { studentIds: ['lessons.studentArchived'] },
    });
    expect(await studentsOf(lesson.id)).toEqual([w.ola.id]);
  });

  it('keeps a student with a pending cancellation request or a marked attendance; gives a makeup credit back to one who leaves', async () => {
    asAdmin();
    const { lesson } = await annasLesson({ roomId: w.bigRoom.id, kind: 'group', capacity: 5, studentIds: [w.ola.id, w.kuba.id, w.ewa.id] });
    const all = [w.ola.id, w.kuba.id, w.ewa.id];
    const parent = await createUser(t.db, { schoolId: w.school.id, role: 'parent' });
    await createCancellationRequest(t.db, { schoolId: w.school.id, lessonId: lesson.id, studentId: w.ola.id, requestedBy: parent.id });
    await markAttendance(t.db, { schoolId: w.school.id, lessonId: lesson.id, studentId: w.kuba.id, status: 'present' });
    const credit = await createMakeupCredit(t.db, { schoolId: w.school.id, studentId: w.ewa.id, sourceLessonId: lesson.id, status: 'used', usedByLessonId: lesson.id, usedAt: new Date() });

    expect(await updateLessonAction(edit(lesson, all, { studentIds: [w.kuba.id, w.ewa.id] }))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      fieldErrors: { studentIds: ['lessons.removePendingRequest'] },
    });
    expect(await updateLessonAction(edit(lesson, all, { studentIds: [w.ola.id, w.ewa.id] }))).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      fieldErrors: { studentIds: ['lessons.removeMarked'] },
    });
    expect(await studentsOf(lesson.id)).toEqual([...all].sort());

    // Ewa may leave: the makeup credit this lesson used is hers again.
    expect(await updateLessonAction(edit(lesson, all, { studentIds: [w.ola.id, w.kuba.id] }))).toMatchObject({ ok: true });
    const [back] = await t.db.select().from(makeupCredits).where(eq(makeupCredits.id, credit.id));
    expect(back).toMatchObject({ status: 'open', usedByLessonId: null, usedAt: null });
    expect((await updatesOf(lesson.id)).at(-1)).toMatchObject({ after: { removed: [w.ewa.id], returnedCreditIds: [credit.id] } });
  });

  it('completes a lesson whose remaining students are all marked, as marking the last one does', async () => {
    asAdmin();
    const { lesson } = await annasLesson({ roomId: w.bigRoom.id, kind: 'group', capacity: 5, studentIds: [w.ola.id, w.kuba.id] });
    await markAttendance(t.db, { schoolId: w.school.id, lessonId: lesson.id, studentId: w.kuba.id, status: 'present' });
    expect(await updateLessonAction(edit(lesson, [w.ola.id, w.kuba.id], { studentIds: [w.kuba.id] }))).toMatchObject({ ok: true, data: { status: 'completed' } });
    expect((await updatesOf(lesson.id)).at(-1)).toMatchObject({ action: 'lesson.update', before: { status: 'scheduled' }, after: { status: 'completed' } });
  });

  it('answers hostile input with field errors, never a 500, and writes nothing', async () => {
    asAdmin();
    const { lesson } = await annasLesson();
    const cases: [Record<string, unknown>, string][] = [
      [{ lessonId: 'not-a-uuid' }, 'lessonId'],
      [{ lessonId: "' or 1=1 --" }, 'lessonId'],
      [{ subjectId: null }, 'subjectId'],
      [{ meetingUrl: 'javascript:alert(1)', roomId: null }, 'meetingUrl'],
      [{ meetingUrl: null, roomId: null }, 'roomId'],
      [{ kind: 'lecture' }, 'kind'],
      [{ kind: 'group', capacity: 1 }, 'capacity'],
      [{ kind: 'group', capacity: 101 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ studentIds: [] }, 'studentIds'],
      [{ studentIds: [w.ola.id, w.kuba.id] }, 'studentIds'],
      [{ kind: 'group', capacity: 4, studentIds: [w.ola.id, w.ola.id] }, 'studentIds'],
      [{ studentIds: 'everyone' }, 'studentIds'],
      [{ knownStudentIds: 'x' }, 'knownStudentIds'],
      [{ tutorId: 42 }, 'tutorId'],
    ];
    for (const [change, field] of cases) {
      const result = await updateLessonAction(edit(lesson, [w.ola.id], change));
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, code: 'VALIDATION' });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(change)).toContain(field);
    }
    // Whatever text arrives in any field: a refusal, never an exception.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('lessonId', 'subjectId', 'roomId', 'meetingUrl', 'kind', 'tutorId'), hostileString, async (field, value) => {
        const result = await updateLessonAction(edit(lesson, [w.ola.id], { [field]: value }));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
    expect(await updateLessonAction(null as never)).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await updatesOf(lesson.id)).toHaveLength(0);
    expect((await t.db.select({ n: count() }).from(lessonStudents).where(eq(lessonStudents.lessonId, lesson.id)))[0].n).toBe(1);
  });
});
