'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { lessons, type Lesson } from '@/db/schema';
import { action } from '@/lib/action';
import { checkAvailability } from '@/lib/availability/check';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { lessonConflicts } from './conflicts';
import { createLesson, lessonsT, ownTutorId } from './create';
import { cancelLessonSchema, createLessonSchema, moveLessonSchema } from './schema';

// ---------------------------------------------------------------------------------------
// Shared steps

/**
 * A lesson of the viewer's school that the viewer may change, locked: admins any, tutors
 * their own. NOT_FOUND for anyone else's (ids cannot be probed).
 */
async function lockLesson(tx: Tx, viewer: Viewer, lessonId: string): Promise<Lesson> {
  const [row] = await tx
    .select()
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  if (!can(viewer.role, 'lessons.manageAll') && row.tutorId !== (await ownTutorId(tx, viewer))) throw new AppError('NOT_FOUND');
  return row;
}

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
 * move as surely as the tutor or the room.
 */
export const moveLessonAction = action(moveLessonSchema, { permission: 'lessons.manage', conflicts: lessonConflicts }, async (input, ctx) => {
  const lesson = await ctx.mutate(async (tx, audit) => {
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
    return row;
  });
  revalidateCalendars();
  return { id: lesson.id, start: lesson.during.start.toISOString(), end: lesson.during.end.toISOString() };
});

/**
 * Cancels a scheduled lesson with a reason. It stays in the calendar (struck through) and no
 * longer holds its tutor, room or students: the slot can be booked again.
 */
export const cancelLessonAction = action(cancelLessonSchema, { permission: 'lessons.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
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
  });
  revalidateCalendars();
  return { id: input.lessonId };
});
