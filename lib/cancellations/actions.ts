'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { cancellationRequests, lessons, lessonStudents, schools, students, subjects, type CancellationRequest } from '@/db/schema';
import { action } from '@/lib/action';
import { can } from '@/lib/auth/permissions';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { notifyAfterResponse, recordLessonChanges, writeNotificationEvents } from '@/lib/notifications/events';
import { assertMayRequestFor, ownTutorId } from './access';
import { grantCredit, useOldestCredit } from './credits';
import { isLateCancellation, lastUsableDay } from './rules';
import { lessonConflicts } from '@/lib/lessons/conflicts';
import { createLesson } from '@/lib/lessons/create';
import { bookMakeupSchema, decideCancellationSchema, requestCancellationSchema, withdrawCancellationSchema } from './schema';

async function cancellationsT() {
  return getTranslations('cancellations');
}

/** A second pending request for the same lesson and student, refused by the database. */
const requestConflicts = {
  cancellation_requests_one_pending: async () => new AppError('CONFLICT', (await cancellationsT())('alreadyRequested')),
};

function revalidateCancellations() {
  revalidatePath('/admin/cancellations');
  revalidatePath('/tutor/cancellations');
  revalidatePath('/student');
  revalidatePath('/parent');
}

/**
 * Asks to cancel one future lesson of a student, with a reason. Whether it is late is fixed
 * now, against the school's notice: a late cancellation earns no makeup credit when approved.
 */
export const requestCancellationAction = action(
  requestCancellationSchema,
  { permission: 'cancellations.request', conflicts: requestConflicts },
  async (input, ctx) => {
    const t = await cancellationsT();
    const request = await ctx.mutate(async (tx, audit) => {
      await assertMayRequestFor(tx, ctx.viewer, input.studentId);
      const [row] = await tx
        .select({ lesson: lessons })
        .from(lessons)
        .innerJoin(lessonStudents, and(eq(lessonStudents.lessonId, lessons.id), eq(lessonStudents.studentId, input.studentId)))
        .where(and(eq(lessons.id, input.lessonId), eq(lessons.schoolId, ctx.viewer.schoolId)))
        .for('update', { of: lessons });
      if (!row) throw new AppError('NOT_FOUND');
      const now = new Date();
      if (row.lesson.status !== 'scheduled') throw new AppError('CONFLICT', t('notScheduled'));
      if (row.lesson.during.start.getTime() <= now.getTime()) throw new AppError('CONFLICT', t('alreadyStarted'));
      const [school] = await tx.select({ notice: schools.cancellationNoticeHours }).from(schools).where(eq(schools.id, ctx.viewer.schoolId));
      const late = isLateCancellation(row.lesson.during.start, now, school.notice);
      const [created] = await tx
        .insert(cancellationRequests)
        .values({ schoolId: ctx.viewer.schoolId, lessonId: input.lessonId, studentId: input.studentId, requestedBy: ctx.viewer.userId, reason: input.reason, late, createdAt: now, updatedAt: now })
        .returning();
      await audit({ action: 'cancellation.request', entityType: 'cancellation_request', entityId: created.id, after: { lessonId: input.lessonId, studentId: input.studentId, reason: input.reason, late } });
      return created;
    });
    revalidateCancellations();
    return { id: request.id, late: request.late };
  },
);

/** A request of the viewer's school, locked; NOT_FOUND when it is not there. */
async function lockRequest(tx: Tx, schoolId: string, requestId: string): Promise<CancellationRequest> {
  const [row] = await tx
    .select()
    .from(cancellationRequests)
    .where(and(eq(cancellationRequests.id, requestId), eq(cancellationRequests.schoolId, schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

type Decided = {
  request: CancellationRequest;
  outcome: 'credit' | 'late' | 'cap' | null;
  creditExpiresAt: Date | null;
};

/**
 * The lesson's tutor or an admin approves or rejects a pending request. Approving takes the
 * student out of the lesson — an individual lesson is cancelled, a group frees the student's
 * place — and, when it was asked for in time and the term's cap allows, gives a makeup
 * credit; a late one gives none and stays marked late (chargeable by the school's policy).
 * Rejecting changes nothing else. The requester is emailed either way, after the commit (a
 * `cancellation-decided` event written with the decision). An individual lesson cancelled by
 * the approval is also news for its tutor and the student's other people (a `lesson-changed`
 * event); the requester, who has the decision, and the decider, who made it, are not told twice.
 */
export const decideCancellationAction = action(decideCancellationSchema, { permission: 'cancellations.decide' }, async (input, ctx) => {
  const t = await cancellationsT();
  const decided: Decided = await ctx.mutate(async (tx, audit, afterCommit) => {
    const request = await lockRequest(tx, ctx.viewer.schoolId, input.requestId);
    const [lesson] = await tx.select().from(lessons).where(and(eq(lessons.id, request.lessonId), eq(lessons.schoolId, ctx.viewer.schoolId))).for('update');
    if (!lesson) throw new AppError('NOT_FOUND');
    if (!can(ctx.viewer.role, 'lessons.manageAll') && lesson.tutorId !== (await ownTutorId(tx, ctx.viewer))) throw new AppError('NOT_FOUND');
    if (request.status !== 'pending') throw new AppError('CONFLICT', t('alreadyDecided'));
    const [school] = await tx.select().from(schools).where(eq(schools.id, ctx.viewer.schoolId));
    const now = new Date();
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    let outcome: Decided['outcome'] = null;
    let creditId: string | null = null;
    let creditExpiresAt: Date | null = null;
    let lessonCancelled = false;

    if (status === 'approved') {
      if (lesson.status !== 'scheduled') throw new AppError('CONFLICT', t('notScheduled'));
      const [seat] = await tx
        .select({ studentId: lessonStudents.studentId })
        .from(lessonStudents)
        .where(and(eq(lessonStudents.lessonId, lesson.id), eq(lessonStudents.studentId, request.studentId)));
      if (!seat) throw new AppError('CONFLICT', t('notInLesson'));
      if (lesson.kind === 'individual') {
        await tx.update(lessons).set({ status: 'cancelled', cancelledAt: now, cancelReason: request.reason, updatedAt: now }).where(eq(lessons.id, lesson.id));
        lessonCancelled = true;
        await audit({ action: 'lesson.cancel', entityType: 'lesson', entityId: lesson.id, before: { status: lesson.status }, after: { status: 'cancelled', cancelledAt: now.toISOString(), reason: request.reason, requestId: request.id } });
      } else {
        await tx.delete(lessonStudents).where(and(eq(lessonStudents.lessonId, lesson.id), eq(lessonStudents.studentId, request.studentId)));
        await audit({ action: 'lesson.removeStudent', entityType: 'lesson', entityId: lesson.id, before: { studentId: request.studentId }, after: { requestId: request.id } });
      }
      const granted = await grantCredit(tx, school, { studentId: request.studentId, sourceLessonId: lesson.id, requestId: request.id, late: request.late, at: now });
      outcome = granted.outcome;
      creditId = granted.credit?.id ?? null;
      creditExpiresAt = granted.credit?.expiresAt ?? null;
    }

    const [updated] = await tx
      .update(cancellationRequests)
      .set({ status, decidedBy: ctx.viewer.userId, decidedAt: now, decisionNote: input.note, updatedAt: now })
      .where(eq(cancellationRequests.id, request.id))
      .returning();
    await audit({
      action: `cancellation.${input.decision}`,
      entityType: 'cancellation_request',
      entityId: request.id,
      before: { status: request.status },
      after: { status, note: input.note, late: request.late, outcome, creditId, creditExpiresAt: creditExpiresAt?.toISOString() ?? null },
    });

    const [[student], [subject]] = await Promise.all([
      tx.select({ firstName: students.firstName, lastName: students.lastName }).from(students).where(eq(students.id, request.studentId)),
      tx.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, lesson.subjectId)),
    ]);
    const events = await writeNotificationEvents(tx, ctx.viewer.schoolId, [
      {
        kind: 'cancellation-decided',
        entityId: request.id,
        payload: {
          requestId: request.id,
          requestedBy: request.requestedBy,
          studentName: student ? `${student.firstName} ${student.lastName}` : '',
          subject: subject?.name ?? '',
          start: lesson.during.start.toISOString(),
          end: lesson.during.end.toISOString(),
          decision: status,
          outcome,
          creditUntil: creditExpiresAt ? lastUsableDay(creditExpiresAt, school.timeZone) : null,
          lateCharged: school.lateCancellationCharged,
          note: updated.decisionNote,
          actorUserId: ctx.viewer.userId,
        },
      },
    ]);
    if (lessonCancelled) {
      events.push(
        ...(await recordLessonChanges(tx, ctx.viewer.schoolId, [{ change: 'cancelled', lesson, reason: request.reason }], { actorUserId: ctx.viewer.userId, exclude: [request.requestedBy], now })),
      );
    }
    afterCommit(() => notifyAfterResponse(events));
    return { request: updated, outcome, creditExpiresAt };
  });

  revalidateCancellations();
  revalidatePath('/admin/calendar');
  revalidatePath('/tutor/calendar');
  return { id: decided.request.id, status: decided.request.status, outcome: decided.outcome, creditExpiresAt: decided.creditExpiresAt?.toISOString() ?? null };
});

/** The requester (or anyone else who may ask for that student) takes back a pending request. */
export const withdrawCancellationAction = action(withdrawCancellationSchema, { permission: 'cancellations.request' }, async (input, ctx) => {
  const t = await cancellationsT();
  await ctx.mutate(async (tx, audit) => {
    const request = await lockRequest(tx, ctx.viewer.schoolId, input.requestId);
    await assertMayRequestFor(tx, ctx.viewer, request.studentId);
    if (request.status !== 'pending') throw new AppError('CONFLICT', t('alreadyDecided'));
    const now = new Date();
    await tx.update(cancellationRequests).set({ status: 'withdrawn', decidedBy: ctx.viewer.userId, decidedAt: now, updatedAt: now }).where(eq(cancellationRequests.id, request.id));
    await audit({ action: 'cancellation.withdraw', entityType: 'cancellation_request', entityId: request.id, before: { status: 'pending' }, after: { status: 'withdrawn' } });
  });
  revalidateCancellations();
  return { id: input.requestId };
});

/**
 * Books a makeup lesson: plans the lesson exactly as the calendar does (same checks, same
 * named conflicts) and uses the student's oldest open credit, in one transaction — no credit,
 * no lesson. Admins for any tutor, tutors for themselves.
 */
export const bookMakeupAction = action(bookMakeupSchema, { permission: 'makeups.book', conflicts: lessonConflicts }, async (input, ctx) => {
  const t = await cancellationsT();
  const booked = await ctx.mutate(async (tx, audit) => {
    const lesson = await createLesson(tx, ctx.viewer, input, audit);
    const credit = await useOldestCredit(tx, { schoolId: ctx.viewer.schoolId, studentId: input.studentId, lessonId: lesson.id, at: new Date() });
    if (!credit) throw new AppError('CONFLICT', t('noOpenCredit'));
    await audit({ action: 'makeup.use', entityType: 'makeup_credit', entityId: credit.id, before: { status: 'open' }, after: { status: 'used', lessonId: lesson.id, studentId: input.studentId } });
    return { lesson, credit };
  });
  revalidateCancellations();
  revalidatePath('/admin/calendar');
  revalidatePath('/tutor/calendar');
  return { lessonId: booked.lesson.id, creditId: booked.credit.id };
});
