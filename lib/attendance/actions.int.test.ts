import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, lessonAttendance, lessonNotes, lessons } from '@/db/schema';
import { createFamily, createLesson, createRoom, createSchool, createStudent, createSubject, createTutor, createUser, linkParent } from '@/db/seed/factories';
import { markAttendanceAction, saveLessonNotesAction } from '@/lib/attendance/actions';
import { freshTestDatabase } from '@/test/database';
import { actAs } from '@/test/mocks/viewer';
import { viewerOf } from '@/test/viewers';

const t = freshTestDatabase();

// "Na Piątkę": Anna teaches Ola and Kuba (the Nowak children); Jan is another tutor; a
// parent with `view` access to Ola; Iga is a student with her own login. "Sowa" has its own
// admin, tutor, student and lesson. Every lesson sits in an hour of its own so none overlap.
let w: Awaited<ReturnType<typeof build>>;
async function build() {
  const school = await createSchool(t.db, { name: 'Na Piątkę' });
  const sowa = await createSchool(t.db, { name: 'Sowa' });
  const admin = await createUser(t.db, { schoolId: school.id, role: 'admin' });
  const anna = await createTutor(t.db, { schoolId: school.id, firstName: 'Anna', lastName: 'Kowalczyk' });
  const jan = await createTutor(t.db, { schoolId: school.id, firstName: 'Jan', lastName: 'Kot' });
  const math = await createSubject(t.db, { schoolId: school.id, name: 'Matematyka' });
  const room = await createRoom(t.db, { schoolId: school.id, name: 'Sala 2', capacity: 6 });
  const { parent, children } = await createFamily(t.db, { schoolId: school.id, children: 2, lastName: 'Nowak' });
  const [ola, kuba] = children;
  const viewParent = await createFamily(t.db, { schoolId: school.id, children: 0, lastName: 'Wiśniewska' });
  await linkParent(t.db, { schoolId: school.id, parentId: viewParent.parent.id, studentId: ola.id, access: 'view' });
  const iga = await createStudent(t.db, { schoolId: school.id, firstName: 'Iga', lastName: 'Adamczyk', withLogin: true });
  const sowaAdmin = await createUser(t.db, { schoolId: sowa.id, role: 'admin' });
  const sowaTutor = await createTutor(t.db, { schoolId: sowa.id });
  const sowaStudent = await createStudent(t.db, { schoolId: sowa.id });
  return { school, sowa, admin, anna, jan, math, room, parent, viewParent: viewParent.parent, ola, kuba, iga, sowaAdmin, sowaTutor, sowaStudent };
}
beforeAll(async () => {
  w = await build();
});
beforeEach(() => actAs(null));

let slot = 0;
/** A group lesson of Anna's with Ola and Kuba that started `hoursAgo` hours ago (each call a fresh hour further back). */
async function annasLesson(options: { startsInDays?: number; studentIds?: string[] } = {}) {
  slot++;
  const start = options.startsInDays
    ? new Date(Date.now() + options.startsInDays * 86_400_000 + slot * 3_600_000)
    : new Date(Date.now() - 30 * 60_000 - slot * 3 * 3_600_000);
  return createLesson(t.db, {
    schoolId: w.school.id,
    tutorId: w.anna.id,
    subjectId: w.math.id,
    roomId: w.room.id,
    kind: 'group',
    capacity: 4,
    start,
    studentIds: options.studentIds ?? [w.ola.id, w.kuba.id],
  });
}

const asAdmin = () => actAs(viewerOf(w.admin));
const asAnna = () => actAs(viewerOf(w.anna.user!));

async function marks(lessonId: string) {
  const rows = await t.db.select().from(lessonAttendance).where(eq(lessonAttendance.lessonId, lessonId));
  return Object.fromEntries(rows.map((r) => [r.studentId, r.status]));
}
async function statusOf(lessonId: string) {
  return (await t.db.select({ status: lessons.status }).from(lessons).where(eq(lessons.id, lessonId)))[0].status;
}
async function auditOf(lessonId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, lessonId)).orderBy(auditLog.id);
}

describe('markAttendanceAction', () => {
  it('lets the tutor mark each student; the last mark completes the lesson, with audit rows', async () => {
    const lesson = await annasLesson();
    asAnna();
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'present' })).toEqual({
      ok: true,
      data: { lessonId: lesson.id, studentId: w.ola.id, status: 'present', lessonStatus: 'scheduled' },
    });
    expect(await statusOf(lesson.id)).toBe('scheduled');
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.kuba.id, status: 'absent' })).toMatchObject({ ok: true, data: { lessonStatus: 'completed' } });
    expect(await marks(lesson.id)).toEqual({ [w.ola.id]: 'present', [w.kuba.id]: 'absent' });
    expect(await statusOf(lesson.id)).toBe('completed');
    const audit = await auditOf(lesson.id);
    expect(audit.map((a) => a.action)).toEqual(['attendance.mark', 'attendance.mark', 'lesson.complete']);
    expect(audit[0]).toMatchObject({ actorUserId: w.anna.user!.id, before: null, after: { studentId: w.ola.id, status: 'present' } });
    const [mark] = await t.db.select().from(lessonAttendance).where(and(eq(lessonAttendance.lessonId, lesson.id), eq(lessonAttendance.studentId, w.ola.id)));
    expect(mark.markedBy).toBe(w.anna.user!.id);
  });

  it('allows a later change, audited with before and after; the lesson stays completed', async () => {
    const lesson = await annasLesson({ studentIds: [w.ola.id] });
    asAnna();
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'absent' })).toMatchObject({ ok: true, data: { lessonStatus: 'completed' } });
    asAdmin();
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'excused' })).toMatchObject({ ok: true, data: { status: 'excused', lessonStatus: 'completed' } });
    expect(await marks(lesson.id)).toEqual({ [w.ola.id]: 'excused' });
    const change = (await auditOf(lesson.id)).at(-1)!;
    expect(change).toMatchObject({ action: 'attendance.change', actorUserId: w.admin.id, before: { studentId: w.ola.id, status: 'absent' }, after: { studentId: w.ola.id, status: 'excused' } });
  });

  it('writes nothing when the same mark is tapped twice', async () => {
    const lesson = await annasLesson();
    asAnna();
    await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'late' });
    const before = (await auditOf(lesson.id)).length;
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'late' })).toMatchObject({ ok: true, data: { status: 'late' } });
    expect((await auditOf(lesson.id)).length).toBe(before);
  });

  it('answers NOT_FOUND to another tutor, and FORBIDDEN to a student or parent, whatever their access', async () => {
    const lesson = await annasLesson();
    actAs(viewerOf(w.jan.user!));
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.viewParent.user!));
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(viewerOf(w.parent.user!));
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    actAs(viewerOf(w.iga.user!));
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await marks(lesson.id)).toEqual({});
  });

  it('refuses ids of another school and students not in the lesson', async () => {
    const lesson = await annasLesson();
    const sowaLesson = await createLesson(t.db, { schoolId: w.sowa.id, tutorId: w.sowaTutor.id, subjectId: (await createSubject(t.db, { schoolId: w.sowa.id })).id, start: new Date(Date.now() - 3_600_000), studentIds: [w.sowaStudent.id] });
    asAdmin();
    expect(await markAttendanceAction({ lessonId: sowaLesson.id, studentId: w.sowaStudent.id, status: 'present' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.sowaStudent.id, status: 'present' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.iga.id, status: 'present' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.sowaAdmin));
    expect(await markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await marks(sowaLesson.id)).toEqual({});
    expect(await marks(lesson.id)).toEqual({});
  });

  it('refuses a cancelled lesson and a lesson on a later day; bad input is a validation error', async () => {
    const cancelled = await annasLesson();
    await t.db.update(lessons).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(lessons.id, cancelled.id));
    const later = await annasLesson({ startsInDays: 3 });
    asAnna();
    expect(await markAttendanceAction({ lessonId: cancelled.id, studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'attendance.lessonCancelled' });
    expect(await markAttendanceAction({ lessonId: later.id, studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'CONFLICT', message: 'attendance.notYet' });
    expect(await markAttendanceAction({ lessonId: later.id, studentId: w.ola.id, status: 'sick' as 'present' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await markAttendanceAction({ lessonId: 'nope', studentId: w.ola.id, status: 'present' })).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await marks(cancelled.id)).toEqual({});
    expect(await marks(later.id)).toEqual({});
  });

  it('completes a lesson once when both students are marked at the same moment', async () => {
    const lesson = await annasLesson();
    asAnna();
    const results = await Promise.all([
      markAttendanceAction({ lessonId: lesson.id, studentId: w.ola.id, status: 'present' }),
      markAttendanceAction({ lessonId: lesson.id, studentId: w.kuba.id, status: 'late' }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await statusOf(lesson.id)).toBe('completed');
    expect((await auditOf(lesson.id)).filter((a) => a.action === 'lesson.complete')).toHaveLength(1);
  });
});

describe('saveLessonNotesAction', () => {
  it('saves topic, homework and note, then an audited change; the same text again writes nothing', async () => {
    const lesson = await annasLesson();
    asAnna();
    expect(await saveLessonNotesAction({ lessonId: lesson.id, topic: '  Ułamki ', homework: 'Zad. 1–5\r\nstr. 42', note: '' })).toEqual({ ok: true, data: { lessonId: lesson.id, changed: true } });
    const [row] = await t.db.select().from(lessonNotes).where(eq(lessonNotes.lessonId, lesson.id));
    expect(row).toMatchObject({ topic: 'Ułamki', homework: 'Zad. 1–5\nstr. 42', note: null, updatedBy: w.anna.user!.id, schoolId: w.school.id });
    expect(await saveLessonNotesAction({ lessonId: lesson.id, topic: 'Ułamki', homework: 'Zad. 1–5\nstr. 42', note: null })).toMatchObject({ ok: true, data: { changed: false } });
    expect(await saveLessonNotesAction({ lessonId: lesson.id, topic: 'Ułamki zwykłe', homework: 'Zad. 1–5\nstr. 42', note: 'Świetnie' })).toMatchObject({ ok: true, data: { changed: true } });
    const audit = (await auditOf(lesson.id)).filter((a) => a.action.startsWith('lesson_notes'));
    expect(audit.map((a) => a.action)).toEqual(['lesson_notes.create', 'lesson_notes.update']);
    expect(audit[1]).toMatchObject({ before: { topic: 'Ułamki', note: null }, after: { topic: 'Ułamki zwykłe', note: 'Świetnie' } });
  });

  it('refuses another tutor, a parent, hostile text and a topic too long', async () => {
    const lesson = await annasLesson();
    actAs(viewerOf(w.jan.user!));
    expect(await saveLessonNotesAction({ lessonId: lesson.id, topic: 'x' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    actAs(viewerOf(w.parent.user!));
    expect(await saveLessonNotesAction({ lessonId: lesson.id, topic: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    asAnna();
    expect(await saveLessonNotesAction({ lessonId: lesson.id, topic: 'a\u0000b' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { topic: [expect.any(String)] } });
    expect(await saveLessonNotesAction({ lessonId: lesson.id, topic: 'x'.repeat(201) })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { topic: [expect.any(String)] } });
    expect(await t.db.select().from(lessonNotes).where(eq(lessonNotes.lessonId, lesson.id))).toEqual([]);
  });
});
