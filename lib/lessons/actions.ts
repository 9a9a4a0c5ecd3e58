'use server';

import { and, eq, inArray } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { lessons, lessonStudents, rooms, students, subjects, tutors, type Lesson } from '@/db/schema';
import { action } from '@/lib/action';
import { checkAvailability } from '@/lib/availability/check';
import { can } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { lessonConflicts } from './conflicts';
import { placesOf } from './rules';
import { cancelLessonSchema, createLessonSchema, moveLessonSchema } from './schema';

// ---------------------------------------------------------------------------------------
// Shared steps

async function lessonsT() {
  return getTranslations('lessons');
}

/** The tutor record of a signed-in tutor, or undefined for anyone else. */
async function ownTutorId(tx: Tx, viewer: Viewer): Promise<string | undefined> {
  if (viewer.role !== 'tutor') return undefined;
  const [row] = await tx
    .select({ id: tutors.id })
    .from(tutors)
    .where(and(eq(tutors.userId, viewer.userId), eq(tutors.schoolId, viewer.schoolId)));
  return row?.id;
}

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

/**
 * Every id the client sent belongs to the viewer's school and may be chosen for a new
 * lesson: an active tutor, a subject and a room that are not archived, students who are not
 * archived. Anything else answers NOT_FOUND (another school's id is never confirmed to exist).
 */
async function assertChoices(tx: Tx, viewer: Viewer, input: { tutorId: string; subjectId: string; roomId: string | null; studentIds: string[] }) {
  const t = await lessonsT();
  const [tutor] = await tx.select().from(tutors).where(and(eq(tutors.id, input.tutorId), eq(tutors.schoolId, viewer.schoolId)));
  const [subject] = await tx.select().from(subjects).where(and(eq(subjects.id, input.subjectId), eq(subjects.schoolId, viewer.schoolId)));
  const [room] = input.roomId ? await tx.select().from(rooms).where(and(eq(rooms.id, input.roomId), eq(rooms.schoolId, viewer.schoolId))) : [];
  const chosen = input.studentIds.length
    ? await tx
        .select({ id: students.id, firstName: students.firstName, lastName: students.lastName, status: students.status })
        .from(students)
        .where(and(inArray(students.id, input.studentIds), eq(students.schoolId, viewer.schoolId)))
    : [];
  if (!tutor || !subject || (input.roomId && !room) || chosen.length !== input.studentIds.length) throw new AppError('NOT_FOUND');

  const name = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;
  const refuse = (field: string, message: string) => new AppError('VALIDATION', message, { [field]: [message] });
  if (tutor.status !== 'active') throw refuse('tutorId', t('tutorNotActive', { name: name(tutor) }));
  if (subject.archivedAt) throw refuse('subjectId', t('archived', { name: subject.name }));
  if (room && !room.isActive) throw refuse('roomId', t('archived', { name: room.name }));
  const archived = chosen.find((s) => s.status === 'archived');
  if (archived) throw refuse('studentIds', t('studentArchived', { name: name(archived) }));
  return { tutor, subject, room: room ?? null };
}

const snapshot = (l: Pick<Lesson, 'tutorId' | 'subjectId' | 'roomId' | 'meetingUrl' | 'during' | 'kind' | 'capacity' | 'status'>) => ({
  tutorId: l.tutorId,
  subjectId: l.subjectId,
  roomId: l.roomId,
  meetingUrl: l.meetingUrl,
  start: l.during.start.toISOString(),
  end: l.during.end.toISOString(),
  kind: l.kind,
  capacity: l.capacity,
  status: l.status,
});

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
  const lesson = await ctx.mutate(async (tx, audit) => {
    if (!can(ctx.viewer.role, 'lessons.manageAll') && input.tutorId !== (await ownTutorId(tx, ctx.viewer))) {
      const message = (await lessonsT())('onlyOwnLessons');
      throw new AppError('FORBIDDEN', message, { tutorId: [message] });
    }
    const { room } = await assertChoices(tx, ctx.viewer, input);
    // Outside the tutor's hours or on their day off: refused, unless an admin overrides (audited).
    const availabilityOverride = await checkAvailability(tx, ctx.viewer, input.tutorId, input, input.overrideAvailability);
    // A group never holds more than its places or its room; the trigger guards races too.
    const places = placesOf(input.capacity, room?.capacity);
    if (input.studentIds.length > places) {
      const message = (await lessonsT())('tooManyStudents', { count: input.studentIds.length, places, roomLimited: room && room.capacity < input.capacity ? 'yes' : 'no' });
      throw new AppError('VALIDATION', message, { studentIds: [message] });
    }
    const [row] = await tx
      .insert(lessons)
      .values({
        schoolId: ctx.viewer.schoolId,
        tutorId: input.tutorId,
        subjectId: input.subjectId,
        roomId: input.roomId,
        meetingUrl: input.meetingUrl,
        during: { start: input.start, end: input.end },
        kind: input.kind,
        capacity: input.kind === 'individual' ? 1 : input.capacity,
      })
      .returning();
    if (input.studentIds.length) {
      await tx.insert(lessonStudents).values(input.studentIds.map((studentId) => ({ schoolId: ctx.viewer.schoolId, lessonId: row.id, studentId })));
    }
    await audit({ action: 'lesson.create', entityType: 'lesson', entityId: row.id, after: { ...snapshot(row), studentIds: input.studentIds, ...(availabilityOverride ? { availabilityOverride } : {}) } });
    return row;
  });
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
