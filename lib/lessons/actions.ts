'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { lessons } from '@/db/schema';
import { action } from '@/lib/action';
import { checkAvailability } from '@/lib/availability/check';
import { AppError } from '@/lib/errors';
import { notifyAfterResponse, recordLessonChanges } from '@/lib/notifications/events';
import { lessonConflicts } from './conflicts';
import { createLesson, lessonsT } from './create';
import { cancelLessonSchema, createLessonSchema, moveLessonSchema, updateLessonSchema } from './schema';
import { lockLesson, updateLesson } from './update';

// ---------------------------------------------------------------------------------------
// Shared steps

function revalidateCalendars() {
  revalidatePath('/admin/calendar');
  revalidatePath('/tutor/calendar');
}

// ---------------------------------------------------------------------------------------
// Actions

/**
 * Plans a lesson. An admin plans for any tutor, a tutor only for themself. The database
 * refuses a tutor, room or student who is busy at that time (even when two people book the
 * same slot at once); the refusal reaches the person as a sentence naming the lesson that is
 * already there.
 */
export const createLessonAction = action(createLessonSchema, { permission: 'lessons.manage', conflicts: lessonConflicts }, async (input, ctx) => {
  const lesson = await ctx.mutate((tx, audit) => createLesson(tx, ctx.viewer, input, audit));
  revalidateCalendars();
  return { id: lesson.id, start: lesson.during.start.toISOString(), end: lesson.during.end.toISOString() };
});

/**
 * Moves or resizes a scheduled lesson (the calendar's drag and stretch). Its students move
 * with it in the same statement (a trigger), so a student busy at the new time refuses the
 * move as surely as the tutor or the room. Its students, their parents and its tutor are
 * told (a lesson still ahead; not the person who moved it), after the response.
 */
export const moveLessonAction = action(moveLessonSchema, { permission: 'lessons.manage', conflicts: lessonConflicts }, async (input, ctx) => {
  const lesson = await ctx.mutate(async (tx, audit, afterCommit) => {
    const before = await lockLesson(tx, ctx.viewer, input.lessonId);
    const t = await lessonsT();
    if (before.status !== 'scheduled') throw new AppError('CONFLICT', t('notScheduled'));
    if (before.during.start.getTime() === input.start.getTime() && before.during.end.getTime() === input.end.getTime()) {
      throw new AppError('CONFLICT', t('unchanged'));
    }
    const availabilityOverride = await checkAvailability(tx, ctx.viewer, before.tutorId, input, input.overrideAvailability);
    const [row] = await tx
      .update(lessons)
      .set({ during: { start: input.start, end: input.end }, updatedAt: new Date() })
      .where(eq(lessons.id, before.id))
      .returning();
    await audit({
      action: 'lesson.move',
      entityType: 'lesson',
      entityId: row.id,
      before: { start: before.during.start.toISOString(), end: before.during.end.toISOString() },
      after: { start: row.during.start.toISOString(), end: row.during.end.toISOString(), ...(availabilityOverride ? { availabilityOverride } : {}) },
    });
    const events = await recordLessonChanges(tx, ctx.viewer.schoolId, [{ change: 'moved', before, after: row }], { actorUserId: ctx.viewer.userId });
    afterCommit(() => notifyAfterResponse(events));
    return row;
  });
  revalidateCalendars();
  return { id: lesson.id, start: lesson.during.start.toISOString(), end: lesson.during.end.toISOString() };
});

/**
 * Changes a scheduled lesson's subject, room or link, kind and places, and its students (an
 * admin also its tutor); see updateLesson for what may change and what refuses it. A room or
 * student busy at the lesson's time, or a group that filled up meanwhile, is refused by the
 * database and explained as on planning.
 */
export const updateLessonAction = action(updateLessonSchema, { permission: 'lessons.manage', conflicts: lessonConflicts }, async (input, ctx) => {
  const { lesson, studentIds } = await ctx.mutate(async (tx, audit, afterCommit) => {
    const updated = await updateLesson(tx, ctx.viewer, input, audit);
    afterCommit(() => notifyAfterResponse(updated.eventIds));
    return updated;
  });
  revalidateCalendars();
  return { id: lesson.id, status: lesson.status, studentIds };
});

/**
 * Cancels a scheduled lesson with a reason. It stays in the calendar (struck through) and no
 * longer holds its tutor, room or students: the slot can be booked again. Its students, their
 * parents and its tutor are told, with the reason (a lesson still ahead; not the canceller).
 */
export const cancelLessonAction = action(cancelLessonSchema, { permission: 'lessons.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit, afterCommit) => {
    const before = await lockLesson(tx, ctx.viewer, input.lessonId);
    const t = await lessonsT();
    if (before.status === 'cancelled') throw new AppError('CONFLICT', t('alreadyCancelled'));
    if (before.status !== 'scheduled') throw new AppError('CONFLICT', t('notScheduled'));
    const cancelledAt = new Date();
    await tx.update(lessons).set({ status: 'cancelled', cancelledAt, cancelReason: input.reason, updatedAt: cancelledAt }).where(eq(lessons.id, before.id));
    await audit({
      action: 'lesson.cancel',
      entityType: 'lesson',
      entityId: before.id,
      before: { status: before.status },
      after: { status: 'cancelled', cancelledAt: cancelledAt.toISOString(), reason: input.reason },
    });
    const events = await recordLessonChanges(tx, ctx.viewer.schoolId, [{ change: 'cancelled', lesson: before, reason: input.reason }], { actorUserId: ctx.viewer.userId, now: cancelledAt });
    afterCommit(() => notifyAfterResponse(events));
  });
  revalidateCalendars();
  return { id: input.lessonId };
});
