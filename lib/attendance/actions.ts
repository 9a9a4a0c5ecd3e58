'use server';

import { and, count, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { lessonAttendance, lessonNotes, lessons, lessonStudents, tutors, type Lesson } from '@/db/schema';
import { action } from '@/lib/action';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { canMarkAt, isFullyMarked, type AttendanceMark } from './rules';
import { markAttendanceSchema, saveLessonNotesSchema } from './schema';

/**
 * A lesson of the viewer's school that the viewer teaches (an admin: any), locked so that
 * two marks arriving together count the lesson's students one after the other.
 * NOT_FOUND for anyone else's lesson (ids cannot be probed).
 */
async function lockOwnLesson(tx: Tx, viewer: Viewer, lessonId: string): Promise<Lesson> {
  const [row] = await tx
    .select({ lesson: lessons, tutorUserId: tutors.userId })
    .from(lessons)
    .innerJoin(tutors, eq(tutors.id, lessons.tutorId))
    .where(and(eq(lessons.id, lessonId), eq(lessons.schoolId, viewer.schoolId)))
    .for('update', { of: lessons });
  if (!row) throw new AppError('NOT_FOUND');
  if (!can(viewer.role, 'lessons.manageAll') && row.tutorUserId !== viewer.userId) throw new AppError('NOT_FOUND');
  return row.lesson;
}

/**
 * Thrown inside a mutation that turns out to change nothing (the same mark tapped twice, the
 * same notes saved again): the transaction rolls back with no audit row, and the caller
 * answers success.
 */
class Unchanged<T> extends Error {
  constructor(readonly value: T) {
    super('unchanged');
  }
}

async function mutateOrUnchanged<T>(run: () => Promise<T>): Promise<{ value: T; changed: boolean }> {
  try {
    return { value: await run(), changed: true };
  } catch (err) {
    if (err instanceof Unchanged) return { value: err.value as T, changed: false };
    throw err;
  }
}

function revalidateAttendance() {
  revalidatePath('/tutor');
  revalidatePath('/admin/attendance');
}

/**
 * Marks one student of a lesson present, late, absent or excused. Only the lesson's tutor or
 * an admin; only a lesson that has started or is today, and was not cancelled. Marking the
 * last unmarked student completes the lesson. A mark can be changed later; every change is
 * audited with the mark before and after.
 */
export const markAttendanceAction = action(markAttendanceSchema, { permission: 'attendance.mark' }, async (input, ctx) => {
  const { value: result, changed } = await mutateOrUnchanged(() => ctx.mutate(async (tx, audit) => {
    const lesson = await lockOwnLesson(tx, ctx.viewer, input.lessonId);
    const t = await getTranslations('attendance');
    // The student must be in this lesson (which also keeps them in this school).
    const [enrolment] = await tx
      .select({ studentId: lessonStudents.studentId, mark: lessonAttendance.status })
      .from(lessonStudents)
      .leftJoin(lessonAttendance, and(eq(lessonAttendance.lessonId, lessonStudents.lessonId), eq(lessonAttendance.studentId, lessonStudents.studentId)))
      .where(and(eq(lessonStudents.lessonId, lesson.id), eq(lessonStudents.studentId, input.studentId), eq(lessonStudents.schoolId, ctx.viewer.schoolId)));
    if (!enrolment) throw new AppError('NOT_FOUND');
    if (lesson.status === 'cancelled') throw new AppError('CONFLICT', t('lessonCancelled'));
    if (!canMarkAt(lesson.during.start, new Date(), ctx.viewer.timeZone)) throw new AppError('CONFLICT', t('notYet'));

    const before: AttendanceMark | null = enrolment.mark ?? null;
    if (before === input.status) throw new Unchanged({ status: input.status, lessonStatus: lesson.status });

    const now = new Date();
    await tx
      .insert(lessonAttendance)
      .values({ schoolId: ctx.viewer.schoolId, lessonId: lesson.id, studentId: input.studentId, status: input.status, markedBy: ctx.viewer.userId, markedAt: now })
      .onConflictDoUpdate({
        target: [lessonAttendance.lessonId, lessonAttendance.studentId],
        set: { status: input.status, markedBy: ctx.viewer.userId, markedAt: now },
      });
    await audit({
      action: before ? 'attendance.change' : 'attendance.mark',
      entityType: 'lesson',
      entityId: lesson.id,
      before: before ? { studentId: input.studentId, status: before } : null,
      after: { studentId: input.studentId, status: input.status },
    });

    let lessonStatus = lesson.status;
    if (lesson.status === 'scheduled') {
      const [{ students }] = await tx.select({ students: count() }).from(lessonStudents).where(eq(lessonStudents.lessonId, lesson.id));
      const [{ marked }] = await tx.select({ marked: count() }).from(lessonAttendance).where(eq(lessonAttendance.lessonId, lesson.id));
      if (isFullyMarked(students, marked)) {
        await tx.update(lessons).set({ status: 'completed', updatedAt: now }).where(eq(lessons.id, lesson.id));
        await audit({ action: 'lesson.complete', entityType: 'lesson', entityId: lesson.id, before: { status: 'scheduled' }, after: { status: 'completed' } });
        lessonStatus = 'completed';
      }
    }
    return { status: input.status, lessonStatus };
  }));
  if (changed) revalidateAttendance();
  return { lessonId: input.lessonId, studentId: input.studentId, status: result.status, lessonStatus: result.lessonStatus };
});

/**
 * Records what a lesson covered: topic, homework and a note the student and their parents
 * read in their progress history. The lesson's tutor or an admin; not on a cancelled lesson.
 * Saving the same text again changes nothing and writes nothing.
 */
export const saveLessonNotesAction = action(saveLessonNotesSchema, { permission: 'attendance.mark' }, async (input, ctx) => {
  const { changed } = await mutateOrUnchanged(() => ctx.mutate(async (tx, audit) => {
    const lesson = await lockOwnLesson(tx, ctx.viewer, input.lessonId);
    if (lesson.status === 'cancelled') throw new AppError('CONFLICT', (await getTranslations('attendance'))('lessonCancelled'));
    const [existing] = await tx.select().from(lessonNotes).where(eq(lessonNotes.lessonId, lesson.id));
    const before = existing ? { topic: existing.topic, homework: existing.homework, note: existing.note } : null;
    const after = { topic: input.topic, homework: input.homework, note: input.note };
    if (before && before.topic === after.topic && before.homework === after.homework && before.note === after.note) throw new Unchanged(null);
    if (!before && !after.topic && !after.homework && !after.note) throw new Unchanged(null);
    const now = new Date();
    await tx
      .insert(lessonNotes)
      .values({ lessonId: lesson.id, schoolId: ctx.viewer.schoolId, ...after, updatedBy: ctx.viewer.userId, updatedAt: now })
      .onConflictDoUpdate({ target: lessonNotes.lessonId, set: { ...after, updatedBy: ctx.viewer.userId, updatedAt: now } });
    await audit({ action: before ? 'lesson_notes.update' : 'lesson_notes.create', entityType: 'lesson', entityId: lesson.id, before, after });
  }));
  if (changed) revalidateAttendance();
  return { lessonId: input.lessonId, changed };
});
