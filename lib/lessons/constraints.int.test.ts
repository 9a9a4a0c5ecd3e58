import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlState } from '@/db/client';
import { lessons, lessonStudents } from '@/db/schema';
import { addLessonStudents, createLesson, createRoom, createSchool, createStudent, createSubject, createTutor } from '@/db/seed/factories';
import { freshTestDatabase } from '@/test/database';

const t = freshTestDatabase();

// What the database itself guarantees, whatever the app does: these tests write rows
// directly, below every action. They run on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db);
  const other = await createSchool(t.db);
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 3 });
  const ola = await createStudent(t.db, { schoolId: school.id, firstName: 'Ola', lastName: 'Nowak' });
  const kuba = await createStudent(t.db, { schoolId: school.id, firstName: 'Kuba' });
  const otherTutor = await createTutor(t.db, { schoolId: other.id });
  const otherStudent = await createStudent(t.db, { schoolId: other.id });
  const otherRoom = await createRoom(t.db, { schoolId: other.id });
  return { school, other, anna, jan, math, room, ola, kuba, otherTutor, otherStudent, otherRoom };
}
beforeAll(async () => {
  w = await build();
});

// Each test uses its own day so they do not collide with each other.
let day = 0;
const nextDay = () => {
  day++;
  return (hour: number, minute = 0) => new Date(Date.UTC(2027, 0, day, hour, minute));
};

/** The error a database call failed with, with its SQLSTATE and constraint name. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    let e: unknown = err;
    let constraint: string | undefined;
    for (let depth = 0; e && depth < 4; depth++, e = (e as { cause?: unknown }).cause) {
      const c = (e as { constraint_name?: string; constraint?: string }).constraint_name ?? (e as { constraint?: string }).constraint;
      if (c) constraint = c;
    }
    return { state: sqlState(err), constraint };
  }
  throw new Error('expected the database to refuse this');
}

const base = () => ({ schoolId: w.school.id, subjectId: w.math.id });

describe('no double-booking', () => {
  it('refuses a tutor in two overlapping lessons, allows back-to-back', async () => {
    const at = nextDay();
    await createLesson(t.db, { ...base(), tutorId: w.anna.id, start: at(15), end: at(16) });
    expect(await refusal(createLesson(t.db, { ...base(), tutorId: w.anna.id, start: at(15, 30), end: at(16, 30) }))).toEqual({ state: '23P01', constraint: 'lessons_tutor_no_overlap' });
    // [16:00, 17:00) touches [15:00, 16:00) without overlapping.
    await createLesson(t.db, { ...base(), tutorId: w.anna.id, start: at(16), end: at(17) });
    // Another tutor at the same time is fine.
    await createLesson(t.db, { ...base(), tutorId: w.jan.id, start: at(15), end: at(16) });
  });

  it('refuses a room in two overlapping lessons; online lessons have no room to clash', async () => {
    const at = nextDay();
    await createLesson(t.db, { ...base(), tutorId: w.anna.id, roomId: w.room.id, start: at(15), end: at(16) });
    expect(await refusal(createLesson(t.db, { ...base(), tutorId: w.jan.id, roomId: w.room.id, start: at(15, 45), end: at(16, 45) }))).toEqual({ state: '23P01', constraint: 'lessons_room_no_overlap' });
    await createLesson(t.db, { ...base(), tutorId: w.jan.id, start: at(15), end: at(16) });
    await createLesson(t.db, { ...base(), tutorId: w.jan.id, roomId: w.room.id, start: at(16), end: at(17) });
  });

  it('refuses a student in two overlapping lessons', async () => {
    const at = nextDay();
    await createLesson(t.db, { ...base(), tutorId: w.anna.id, start: at(15), end: at(16), studentIds: [w.ola.id] });
    expect(await refusal(createLesson(t.db, { ...base(), tutorId: w.jan.id, start: at(15, 30), end: at(16, 30), studentIds: [w.ola.id] }))).toEqual({
      state: '23P01',
      constraint: 'lesson_students_no_overlap',
    });
    await createLesson(t.db, { ...base(), tutorId: w.jan.id, start: at(16), end: at(17), studentIds: [w.ola.id] });
  });

  it('lets a cancelled lesson free its tutor, room and students', async () => {
    const at = nextDay();
    const first = await createLesson(t.db, { ...base(), tutorId: w.anna.id, roomId: w.room.id, start: at(15), end: at(16), studentIds: [w.ola.id] });
    await t.db.update(lessons).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(lessons.id, first.id));
    const [copy] = await t.db.select().from(lessonStudents).where(eq(lessonStudents.lessonId, first.id));
    expect(copy.active).toBe(false);
    await createLesson(t.db, { ...base(), tutorId: w.anna.id, roomId: w.room.id, start: at(15), end: at(16), studentIds: [w.ola.id] });
    // Reinstating the cancelled one would double-book everyone: refused.
    expect((await refusal(t.db.update(lessons).set({ status: 'scheduled', cancelledAt: null }).where(eq(lessons.id, first.id)))).state).toBe('23P01');
  });

  it('moves a lesson’s students with it, and refuses a move into a student’s other lesson', async () => {
    const at = nextDay();
    const a = await createLesson(t.db, { ...base(), tutorId: w.anna.id, start: at(15), end: at(16), studentIds: [w.kuba.id] });
    await createLesson(t.db, { ...base(), tutorId: w.jan.id, start: at(17), end: at(18), studentIds: [w.kuba.id] });
    await t.db.update(lessons).set({ during: { start: at(16), end: at(17) } }).where(eq(lessons.id, a.id));
    const [copy] = await t.db.select().from(lessonStudents).where(eq(lessonStudents.lessonId, a.id));
    expect(copy.during).toEqual({ start: at(16), end: at(17) });
    expect(await refusal(t.db.update(lessons).set({ during: { start: at(16, 30), end: at(17, 30) } }).where(eq(lessons.id, a.id)))).toEqual({
      state: '23P01',
      constraint: 'lesson_students_no_overlap',
    });
  });

  it('never trusts a written copy of the lesson’s time', async () => {
    const at = nextDay();
    const a = await createLesson(t.db, { ...base(), tutorId: w.anna.id, start: at(15), end: at(16), studentIds: [w.ola.id] });
    await t.db.update(lessonStudents).set({ during: { start: at(1), end: at(2) }, active: false }).where(eq(lessonStudents.lessonId, a.id));
    const [copy] = await t.db.select().from(lessonStudents).where(eq(lessonStudents.lessonId, a.id));
    expect(copy).toMatchObject({ during: { start: at(15), end: at(16) }, active: true });
  });
});

describe('what a lesson can be', () => {
  it('needs a room or a meeting link, an http(s) link, a bounded span of at most 8 hours', async () => {
    const at = nextDay();
    const lesson = { ...base(), tutorId: w.anna.id };
    expect(await refusal(createLesson(t.db, { ...lesson, meetingUrl: null, start: at(8), end: at(9) }))).toEqual({ state: '23514', constraint: 'lessons_place_present' });
    expect(await refusal(createLesson(t.db, { ...lesson, meetingUrl: 'javascript:alert(1)', start: at(8), end: at(9) }))).toEqual({ state: '23514', constraint: 'lessons_meeting_url_http' });
    expect(await refusal(createLesson(t.db, { ...lesson, start: at(9), end: at(9) }))).toMatchObject({ state: '23514' });
    expect(await refusal(createLesson(t.db, { ...lesson, start: at(10), end: at(9) }))).toMatchObject({ state: expect.stringMatching(/^(22000|23514)$/) });
    expect(await refusal(createLesson(t.db, { ...lesson, start: at(8), end: at(16, 1) }))).toEqual({ state: '23514', constraint: 'lessons_during_valid' });
    expect(await refusal(t.db.execute(sql`insert into lessons (school_id, tutor_id, subject_id, meeting_url, during) values (${w.school.id}, ${w.anna.id}, ${w.math.id}, 'https://x.test', tstzrange(${at(8).toISOString()}::timestamptz, null))`))).toEqual({ state: '23514', constraint: 'lessons_during_valid' });
    expect(await refusal(createLesson(t.db, { ...lesson, kind: 'individual', capacity: 3, start: at(8), end: at(9) }))).toEqual({ state: '23514', constraint: 'lessons_capacity_kind' });
    await createLesson(t.db, { ...lesson, start: at(8), end: at(16) });
  });

  it('refuses another school’s tutor, subject, room or student', async () => {
    const at = nextDay();
    expect((await refusal(createLesson(t.db, { ...base(), tutorId: w.otherTutor.id, start: at(8), end: at(9) }))).state).toBe('23503');
    expect((await refusal(createLesson(t.db, { ...base(), tutorId: w.anna.id, roomId: w.otherRoom.id, start: at(8), end: at(9) }))).state).toBe('23503');
    expect((await refusal(createLesson(t.db, { ...base(), tutorId: w.anna.id, start: at(8), end: at(9), studentIds: [w.otherStudent.id] }))).state).toBe('23503');
  });
});

describe('group capacity', () => {
  it('fills a group to its capacity and no further', async () => {
    const at = nextDay();
    const s = await Promise.all([1, 2, 3].map(() => createStudent(t.db, { schoolId: w.school.id })));
    const group = await createLesson(t.db, { ...base(), tutorId: w.anna.id, kind: 'group', capacity: 2, start: at(10), end: at(11), studentIds: [s[0].id, s[1].id] });
    expect(await refusal(addLessonStudents(t.db, { schoolId: w.school.id, lessonId: group.id, studentIds: [s[2].id] }))).toEqual({ state: '23514', constraint: 'lesson_students_capacity' });
  });

  it('lets exactly the free places be taken when many students join at once', async () => {
    // On PostgreSQL these inserts run in parallel transactions; the trigger locks the lesson
    // row before counting, so the last place cannot be taken twice.
    const at = nextDay();
    const group = await createLesson(t.db, { ...base(), tutorId: w.jan.id, kind: 'group', capacity: 4, start: at(10), end: at(11) });
    const many = await Promise.all(Array.from({ length: 12 }, () => createStudent(t.db, { schoolId: w.school.id })));
    const results = await Promise.allSettled(many.map((s) => addLessonStudents(t.db, { schoolId: w.school.id, lessonId: group.id, studentIds: [s.id] })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    for (const r of results) if (r.status === 'rejected') expect(await refusal(Promise.reject(r.reason))).toEqual({ state: '23514', constraint: 'lesson_students_capacity' });
    expect(await t.db.select().from(lessonStudents).where(eq(lessonStudents.lessonId, group.id))).toHaveLength(4);
  });

  it('never puts more students in a room than it holds', async () => {
    const at = nextDay();
    const s = await Promise.all([1, 2, 3, 4].map(() => createStudent(t.db, { schoolId: w.school.id })));
    // The group would take 10, but Sala 2 holds 3; one statement with four rows is refused whole.
    expect(
      await refusal(createLesson(t.db, { ...base(), tutorId: w.anna.id, roomId: w.room.id, kind: 'group', capacity: 10, start: at(10), end: at(11), studentIds: s.map((x) => x.id) })),
    ).toEqual({ state: '23514', constraint: 'lesson_students_capacity' });
  });
});
