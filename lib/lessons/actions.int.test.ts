import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, lessons, lessonStudents } from '@/db/schema';
import { addLessonStudents, createLesson, createRoom, createSchool, createStudent, createSubject, createTutor, createUser } from '@/db/seed/factories';
import { dbConflictOf } from '@/lib/db/conflicts';
import { cancelLessonAction, createLessonAction, moveLessonAction } from '@/lib/lessons/actions';
import { capacityFacts, clashFacts, lessonConflicts } from '@/lib/lessons/conflicts';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// Two schools. In "Na Piątkę": an admin, Anna and Jan (tutors with logins), Matematyka,
// Sala 2 (holds 3), Ola and Kuba. "Sowa" has its own tutor, subject, room and student.
// Each test books on a day of its own, so their lessons never meet.
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
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba', lastName: 'Lis' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaSubject = await createSubject(t.db, { schoolId: sowa.id });
  const sowaRoom = await createRoom(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, anna, jan, math, physics, room, ola, kuba, sowaTutor, sowaSubject, sowaRoom, sowaStudent };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

const asAdmin = () => actAs(viewerOf(w.admin));
const asAnna = () => actAs(viewerOf(w.anna.user!));

let day = 0;
/** A fresh day in December 2027; `at(16)` is 16:00 UTC (17:00 in Warsaw). */
const nextDay = () => {
  day++;
  return (hour: number, minute = 0) => new Date(Date.UTC(2027, 11, day, hour, minute)).toISOString();
};

const online = { meetingUrl: 'https://meet.example.test/abc' };

async function lessonCount(where = eq(lessons.schoolId, w.school.id)) {
  return (await t.db.select({ n: count() }).from(lessons).where(where))[0].n;
}

async function auditOf(entityId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
}

describe('createLessonAction', () => {
  it('plans a lesson with its students and an audit row', async () => {
    asAdmin();
    const at = nextDay();
    const result = await createLessonAction({ tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: at(15), end: at(16), studentIds: [w.ola.id] });
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), start: at(15), end: at(16) } });
    if (!result.ok) return;
    const [lesson] = await t.db.select().from(lessons).where(eq(lessons.id, result.data.id));
    expect(lesson).toMatchObject({ tutorId: w.anna.id, roomId: w.room.id, kind: 'individual', capacity: 1, status: 'scheduled', during: { start: new Date(at(15)), end: new Date(at(16)) } });
    expect(await t.db.select({ studentId: lessonStudents.studentId }).from(lessonStudents).where(eq(lessonStudents.lessonId, lesson.id))).toEqual([{ studentId: w.ola.id }]);
    const [entry] = await auditOf(lesson.id);
    expect(entry).toMatchObject({ action: 'lesson.create', actorUserId: w.admin.id, after: { tutorId: w.anna.id, start: at(15), end: at(16), studentIds: [w.ola.id] } });
  });

  it('lets a tutor plan only their own lessons', async () => {
    asAnna();
    const at = nextDay();
    expect(await createLessonAction({ tutorId: w.anna.id, subjectId: w.math.id, ...online, start: at(15), end: at(16), studentIds: [w.kuba.id] })).toMatchObject({ ok: true });
    const before = await lessonCount();
    expect(await createLessonAction({ tutorId: w.jan.id, subjectId: w.math.id, ...online, start: at(17), end: at(18), studentIds: [w.kuba.id] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: 'lessons.onlyOwnLessons',
    });
    expect(await lessonCount()).toBe(before);
  });

  it('refuses students, parents and signed-out callers', async () => {
    const at = nextDay();
    const input = { tutorId: w.anna.id, subjectId: w.math.id, ...online, start: at(15), end: at(16), studentIds: [w.ola.id] };
    expect(await createLessonAction(input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    actAs(viewerOf(await createUser(t.db, { schoolId: w.school.id, role: 'parent' })));
    expect(await createLessonAction(input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(viewerOf(await createUser(t.db, { schoolId: w.school.id, role: 'student' })));
    expect(await createLessonAction(input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('answers NOT_FOUND for another school’s tutor, subject, room or student, and writes nothing', async () => {
    asAdmin();
    const at = nextDay();
    const base = { tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: at(15), end: at(16), studentIds: [w.ola.id] };
    const before = await lessonCount();
    for (const input of [
      { ...base, tutorId: w.sowaTutor.id },
      { ...base, subjectId: w.sowaSubject.id },
      { ...base, roomId: w.sowaRoom.id },
      { ...base, studentIds: [w.sowaStudent.id] },
    ]) {
      expect(await createLessonAction(input)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect(await lessonCount()).toBe(before);
  });

  it('answers bad input with field errors, never a 500', async () => {
    asAdmin();
    const at = nextDay();
    const base = { tutorId: w.anna.id, subjectId: w.math.id, ...online, start: at(15), end: at(16), studentIds: [w.ola.id] };
    const cases: [Record<string, unknown>, string][] = [
      [{ end: at(14) }, 'end'],
      [{ end: at(15, 5) }, 'end'],
      [{ end: new Date(Date.parse(at(15)) + 9 * 3600_000).toISOString() }, 'end'],
      [{ start: 'tomorrow' }, 'start'],
      [{ start: '2027-12-01T15:00:00' }, 'start'],
      [{ meetingUrl: 'javascript:alert(1)' }, 'meetingUrl'],
      [{ meetingUrl: null }, 'roomId'],
      [{ studentIds: [w.ola.id, w.kuba.id] }, 'studentIds'],
      [{ studentIds: [] }, 'studentIds'],
      [{ kind: 'group', capacity: 1 }, 'capacity'],
      [{ kind: 'group', capacity: 5, studentIds: [w.ola.id, w.ola.id] }, 'studentIds'],
      [{ tutorId: 'not-a-uuid' }, 'tutorId'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ start: 42, end: null }, 'start'],
      [{ studentIds: 'everyone' }, 'studentIds'],
      [{ kind: 'lecture' }, 'kind'],
    ];
    for (const [change, field] of cases) {
      const result = await createLessonAction({ ...base, ...change } as Parameters<typeof createLessonAction>[0]);
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, code: 'VALIDATION' });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(change)).toContain(field);
    }
  });

  it('keeps a group within its places and its room', async () => {
    asAdmin();
    const at = nextDay();
    const four = await Promise.all([1, 2, 3, 4].map(() => createStudent(t.db, { schoolId: w.school.id })));
    // Sala 2 holds 3: a group of 10 places still takes only 3 students there.
    const result = await createLessonAction({ tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, kind: 'group', capacity: 10, start: at(15), end: at(16), studentIds: four.map((s) => s.id) });
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: 'lessons.tooManyStudents', fieldErrors: { studentIds: ['lessons.tooManyStudents'] } });
    expect(
      await createLessonAction({ tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, kind: 'group', capacity: 10, start: at(15), end: at(16), studentIds: four.slice(0, 3).map((s) => s.id) }),
    ).toMatchObject({ ok: true });
  });

  it('names the tutor, room or student who is busy', async () => {
    asAdmin();
    const at = nextDay();
    const existing = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: at(15), end: at(16), studentIds: [w.ola.id] });

    const tutorBusy = await createLessonAction({ tutorId: w.anna.id, subjectId: w.physics.id, ...online, start: at(15, 30), end: at(16, 30), studentIds: [w.kuba.id] });
    expect(tutorBusy).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.tutorBusy', reason: 'tutor_busy' });
    const roomBusy = await createLessonAction({ tutorId: w.jan.id, subjectId: w.physics.id, roomId: w.room.id, start: at(15, 30), end: at(16, 30), studentIds: [w.kuba.id] });
    expect(roomBusy).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.roomBusy', reason: 'room_busy' });
    const studentBusy = await createLessonAction({ tutorId: w.jan.id, subjectId: w.physics.id, ...online, start: at(15, 30), end: at(16, 30), studentIds: [w.ola.id] });
    expect(studentBusy).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.studentBusy', reason: 'student_busy' });

    // Back-to-back is fine: [16:00, 17:00) after [15:00, 16:00).
    expect(await createLessonAction({ tutorId: w.anna.id, subjectId: w.physics.id, roomId: w.room.id, start: at(16), end: at(17), studentIds: [w.ola.id] })).toMatchObject({ ok: true });

    // The facts behind the sentence come from the existing lesson, found by the key in the DETAIL.
    const err = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.physics.id, start: at(15, 30), end: at(16, 30), studentIds: [w.ola.id] }).catch((e) => e);
    const conflict = dbConflictOf(err)!;
    expect(conflict.constraint).toBe('lesson_students_no_overlap');
    expect(await clashFacts(viewerOf(w.admin), conflict)).toEqual({
      clash: 'student_busy',
      lessonId: existing.id,
      tutor: 'Anna Kowalczyk',
      subject: 'Matematyka',
      room: 'Sala 2',
      student: 'Ola Nowak',
      start: new Date(at(15)),
      end: new Date(at(16)),
      timeZone: 'Europe/Warsaw',
    });
    // Another school's admin learns nothing from the same refusal.
    expect(await clashFacts(viewerOf(await createUser(t.db, { schoolId: w.sowa.id, role: 'admin' })), conflict)).toBeUndefined();
  });

  it('explains a full group with its numbers and the room', async () => {
    const at = nextDay();
    const s = await Promise.all([1, 2, 3, 4].map(() => createStudent(t.db, { schoolId: w.school.id })));
    const group = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.math.id, roomId: w.room.id, kind: 'group', capacity: 8, start: at(9), end: at(10), studentIds: s.slice(0, 3).map((x) => x.id) });
    const err = await addLessonStudents(t.db, { schoolId: w.school.id, lessonId: group.id, studentIds: [s[3].id] }).catch((e) => e);
    const conflict = dbConflictOf(err)!;
    expect(conflict).toMatchObject({ sqlState: '23514', constraint: 'lesson_students_capacity' });
    expect(capacityFacts(conflict.detail)).toEqual({ lessonId: group.id, roomId: w.room.id, taken: 3, capacity: 8, roomCapacity: 3 });
    const explained = await lessonConflicts.lesson_students_capacity(conflict, { viewer: viewerOf(w.admin) });
    expect(explained).toMatchObject({ code: 'CONFLICT', userMessage: 'lessons.groupFull', reason: 'group_full' });
  });
});

describe('moveLessonAction', () => {
  it('moves a lesson with its students, audited before and after', async () => {
    asAnna();
    const at = nextDay();
    const lesson = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start: at(15), end: at(16), studentIds: [w.kuba.id] });
    expect(await moveLessonAction({ lessonId: lesson.id, start: at(17), end: at(18, 30) })).toEqual({ ok: true, data: { id: lesson.id, start: at(17), end: at(18, 30) } });
    const [copy] = await t.db.select().from(lessonStudents).where(eq(lessonStudents.lessonId, lesson.id));
    expect(copy.during).toEqual({ start: new Date(at(17)), end: new Date(at(18, 30)) });
    const entries = await auditOf(lesson.id);
    expect(entries.at(-1)).toMatchObject({ action: 'lesson.move', before: { start: at(15), end: at(16) }, after: { start: at(17), end: at(18, 30) } });
  });

  it('refuses a move that puts a student in two places, naming the other lesson', async () => {
    asAdmin();
    const at = nextDay();
    const lesson = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, start: at(15), end: at(16), studentIds: [w.kuba.id] });
    await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.physics.id, start: at(17), end: at(18), studentIds: [w.kuba.id] });
    expect(await moveLessonAction({ lessonId: lesson.id, start: at(16, 30), end: at(17, 30) })).toEqual({ ok: false, code: 'CONFLICT', message: 'lessons.studentBusy', reason: 'student_busy' });
    const [after] = await t.db.select().from(lessons).where(eq(lessons.id, lesson.id));
    expect(after.during).toEqual({ start: new Date(at(15)), end: new Date(at(16)) });
  });

  it('answers NOT_FOUND for another tutor’s lesson or another school’s, and refuses a cancelled lesson', async () => {
    const at = nextDay();
    const jans = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.jan.id, subjectId: w.math.id, start: at(15), end: at(16) });
    const sowas = await createLesson(t.db, { schoolId: w.sowa.id, tutorId: w.sowaTutor.id, subjectId: w.sowaSubject.id, start: at(15), end: at(16) });
    asAnna();
    expect(await moveLessonAction({ lessonId: jans.id, start: at(17), end: at(18) })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cancelLessonAction({ lessonId: jans.id, reason: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    asAdmin();
    expect(await moveLessonAction({ lessonId: sowas.id, start: at(17), end: at(18) })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await cancelLessonAction({ lessonId: jans.id, reason: 'Choroba' })).toMatchObject({ ok: true });
    expect(await moveLessonAction({ lessonId: jans.id, start: at(17), end: at(18) })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'lessons.notScheduled' });
  });
});

describe('cancelLessonAction', () => {
  it('cancels with a reason, frees the slot and is audited', async () => {
    asAdmin();
    const at = nextDay();
    const lesson = await createLesson(t.db, { schoolId: w.school.id, tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: at(15), end: at(16), studentIds: [w.ola.id] });
    expect(await cancelLessonAction({ lessonId: lesson.id, reason: '  Choroba korepetytora ' })).toEqual({ ok: true, data: { id: lesson.id } });
    const [row] = await t.db.select().from(lessons).where(eq(lessons.id, lesson.id));
    expect(row).toMatchObject({ status: 'cancelled', cancelReason: 'Choroba korepetytora', cancelledAt: expect.any(Date) });
    expect((await auditOf(lesson.id)).at(-1)).toMatchObject({ action: 'lesson.cancel', before: { status: 'scheduled' }, after: { status: 'cancelled', reason: 'Choroba korepetytora' } });
    expect(await createLessonAction({ tutorId: w.anna.id, subjectId: w.math.id, roomId: w.room.id, start: at(15), end: at(16), studentIds: [w.ola.id] })).toMatchObject({ ok: true });
    expect(await cancelLessonAction({ lessonId: lesson.id, reason: 'again' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'lessons.alreadyCancelled' });
    expect(await cancelLessonAction({ lessonId: lesson.id, reason: '   ' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

/**
 * Twenty people book overlapping slots at the same moment. On PostgreSQL the twenty
 * transactions really run at once (TEST_DATABASE_URL); on PGlite they queue in one process.
 * Either way exactly one lesson exists afterwards and every other person is told why.
 */
describe('20 parallel bookings of one tutor, one room, one student', () => {
  const attempts = 20;
  // Slots start minute by minute, each an hour long: every two of them overlap.
  const slot = (at: (h: number, m?: number) => string, i: number) => ({ start: at(12, i), end: at(13, i) });

  async function expectOneWinner(results: Awaited<ReturnType<typeof createLessonAction>>[], reason: string, message: string) {
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(attempts - 1);
    for (const loser of losers) expect(loser).toEqual({ ok: false, code: 'CONFLICT', message, reason });
  }

  it('one tutor', async () => {
    asAdmin();
    const at = nextDay();
    const tutor = await createTutor(t.db, { schoolId: w.school.id });
    const students = await Promise.all(Array.from({ length: attempts }, () => createStudent(t.db, { schoolId: w.school.id })));
    const results = await Promise.all(
      students.map((s, i) => createLessonAction({ tutorId: tutor.id, subjectId: w.math.id, ...online, ...slot(at, i), studentIds: [s.id] })),
    );
    await expectOneWinner(results, 'tutor_busy', 'lessons.tutorBusy');
    expect(await lessonCount(eq(lessons.tutorId, tutor.id))).toBe(1);
  });

  it('one room', async () => {
    asAdmin();
    const at = nextDay();
    const room = await createRoom(t.db, { schoolId: w.school.id, capacity: 5 });
    const tutors = await Promise.all(Array.from({ length: attempts }, () => createTutor(t.db, { schoolId: w.school.id, withLogin: false })));
    const students = await Promise.all(Array.from({ length: attempts }, () => createStudent(t.db, { schoolId: w.school.id })));
    const results = await Promise.all(
      tutors.map((tutor, i) => createLessonAction({ tutorId: tutor.id, subjectId: w.math.id, roomId: room.id, ...slot(at, i), studentIds: [students[i].id] })),
    );
    await expectOneWinner(results, 'room_busy', 'lessons.roomBusy');
    expect(await lessonCount(eq(lessons.roomId, room.id))).toBe(1);
  });

  it('one student', async () => {
    asAdmin();
    const at = nextDay();
    const student = await createStudent(t.db, { schoolId: w.school.id });
    const tutors = await Promise.all(Array.from({ length: attempts }, () => createTutor(t.db, { schoolId: w.school.id, withLogin: false })));
    const results = await Promise.all(
      tutors.map((tutor, i) => createLessonAction({ tutorId: tutor.id, subjectId: w.math.id, ...online, ...slot(at, i), studentIds: [student.id] })),
    );
    await expectOneWinner(results, 'student_busy', 'lessons.studentBusy');
    expect((await t.db.select({ n: count() }).from(lessonStudents).where(eq(lessonStudents.studentId, student.id)))[0].n).toBe(1);
    // The losers' lessons were rolled back with their students: no lesson without its student.
    expect(await lessonCount(inArray(lessons.tutorId, tutors.map((x) => x.id)))).toBe(1);
  });
});
