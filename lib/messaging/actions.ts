'use server';

import { and, eq, ne, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { messageReads, messages, messageThreads, students, studentSubjects, tutors } from '@/db/schema';
import { action } from '@/lib/action';
import { hit } from '@/lib/auth/rate-limit';
import { can } from '@/lib/auth/permissions';
import { getViewer, type Viewer } from '@/lib/auth/viewer';
import { getDb, type Tx } from '@/lib/db';
import { AppError, type ActionResult } from '@/lib/errors';
import { studentVisibility } from '@/lib/students/queries';
import { mayWrite, threadVisibility } from './access';
import { WRITE_LIMIT } from './rules';
import { replySchema, startThreadSchema, threadIdSchema } from './schema';
import { parentAccess } from '@/lib/families/access';


async function messagingT() {
  return getTranslations('messaging');
}

async function assertWithinLimit(viewer: Viewer) {
  const state = await hit(`messages:${viewer.userId}`, WRITE_LIMIT);
  if (state.limited) {
    throw new AppError('RATE_LIMITED', (await messagingT())('rateLimited', { minutes: Math.max(1, Math.ceil(state.retryAfterSeconds / 60)) }));
  }
}

function revalidateMessages() {
  for (const role of ['admin', 'tutor', 'student', 'parent']) revalidatePath(`/${role}/messages`, 'layout');
}

/** Marks the thread read up to now for its author: their own message is never "new" to them. */
async function markRead(tx: Tx, schoolId: string, threadId: string, userId: string, at: Date) {
  await tx
    .insert(messageReads)
    .values({ schoolId, threadId, userId, lastReadAt: at })
    .onConflictDoUpdate({ target: [messageReads.threadId, messageReads.userId], set: { lastReadAt: sql`greatest(${messageReads.lastReadAt}, excluded.last_read_at)` } });
}

/**
 * Who the viewer may start a thread with about the student, and which family side reads it.
 * Anything the client names is checked here against the database: the student must be theirs
 * to write about, the tutor must teach that student.
 */
async function resolveParties(tx: Tx, viewer: Viewer, input: { studentId: string; to: string; audience?: 'family' | 'student' }) {
  const t = await messagingT();
  const [student] = await tx
    .select({ id: students.id, userId: students.userId, status: students.status })
    .from(students)
    .where(and(eq(students.id, input.studentId), studentVisibility(viewer)));
  if (!student) throw new AppError('NOT_FOUND');
  if (student.status === 'archived') throw new AppError('CONFLICT', t('studentArchived'));

  if (viewer.role === 'parent' || viewer.role === 'student') {
    if (viewer.role === 'parent') {
      if (!mayWrite('parent', await parentAccess(tx, viewer, student.id))) throw new AppError('FORBIDDEN', t('viewOnly'));
    }
    let tutorId: string | null = null;
    if (input.to !== 'office') {
      const [teaches] = await tx
        .select({ id: tutors.id })
        .from(studentSubjects)
        .innerJoin(tutors, eq(tutors.id, studentSubjects.tutorId))
        .where(and(eq(studentSubjects.studentId, student.id), eq(tutors.id, input.to), eq(tutors.schoolId, viewer.schoolId), ne(tutors.status, 'left')))
        .limit(1);
      if (!teaches) throw new AppError('VALIDATION', t('notTheirTutor'), { to: [t('notTheirTutor')] });
      tutorId = teaches.id;
    }
    return { studentId: student.id, tutorId, audience: viewer.role === 'parent' ? ('family' as const) : ('student' as const) };
  }

  // Staff write as themselves: a tutor in their own name, the admin as the office.
  const audience = input.audience ?? 'family';
  if (audience === 'student' && !student.userId) throw new AppError('VALIDATION', t('studentHasNoAccount'), { audience: [t('studentHasNoAccount')] });
  let tutorId: string | null = null;
  if (viewer.role === 'tutor') {
    const [self] = await tx.select({ id: tutors.id }).from(tutors).where(and(eq(tutors.userId, viewer.userId), eq(tutors.schoolId, viewer.schoolId)));
    if (!self) throw new AppError('FORBIDDEN');
    tutorId = self.id;
  }
  return { studentId: student.id, tutorId, audience };
}

/**
 * Starts a thread about a student with its first message. A parent writes as the family (to
 * the office or one of the child's tutors), a student as themself; a tutor writes in their
 * own name and the admin as the office, to the student's parents or the student.
 */
export const startThreadAction = action(startThreadSchema, { permission: 'messages.write' }, async (input, ctx) => {
  await assertWithinLimit(ctx.viewer);
  const thread = await ctx.mutate(async (tx, audit) => {
    const parties = await resolveParties(tx, ctx.viewer, input);
    const now = new Date();
    const [created] = await tx
      .insert(messageThreads)
      .values({ schoolId: ctx.viewer.schoolId, ...parties, subject: input.subject, createdBy: ctx.viewer.userId, createdAt: now, lastMessageAt: now })
      .returning();
    const [message] = await tx.insert(messages).values({ schoolId: ctx.viewer.schoolId, threadId: created.id, authorId: ctx.viewer.userId, body: input.body, createdAt: now }).returning({ id: messages.id });
    await markRead(tx, ctx.viewer.schoolId, created.id, ctx.viewer.userId, now);
    // The text itself stays in the message: the audit says who wrote where, not what.
    await audit({
      action: 'message.thread_start',
      entityType: 'message_thread',
      entityId: created.id,
      after: { studentId: parties.studentId, tutorId: parties.tutorId, audience: parties.audience, subject: input.subject, messageId: message.id, length: input.body.length },
    });
    return created;
  });
  revalidateMessages();
  return { id: thread.id };
});

/** Answers in a thread the viewer reads; a parent with `view` access cannot. */
export const replyAction = action(replySchema, { permission: 'messages.write' }, async (input, ctx) => {
  await assertWithinLimit(ctx.viewer);
  const message = await ctx.mutate(async (tx, audit) => {
    const [thread] = await tx
      .select({ id: messageThreads.id, studentId: messageThreads.studentId })
      .from(messageThreads)
      .where(and(eq(messageThreads.id, input.threadId), threadVisibility(ctx.viewer)))
      .for('update', { of: messageThreads });
    if (!thread) throw new AppError('NOT_FOUND');
    if (ctx.viewer.role === 'parent' && !mayWrite('parent', await parentAccess(tx, ctx.viewer, thread.studentId))) {
      throw new AppError('FORBIDDEN', (await messagingT())('viewOnly'));
    }
    const now = new Date();
    const [created] = await tx.insert(messages).values({ schoolId: ctx.viewer.schoolId, threadId: thread.id, authorId: ctx.viewer.userId, body: input.body, createdAt: now }).returning();
    await tx.update(messageThreads).set({ lastMessageAt: now }).where(eq(messageThreads.id, thread.id));
    await markRead(tx, ctx.viewer.schoolId, thread.id, ctx.viewer.userId, now);
    await audit({ action: 'message.post', entityType: 'message', entityId: created.id, after: { threadId: thread.id, length: input.body.length } });
    return created;
  });
  revalidateMessages();
  return { id: message.id, createdAt: message.createdAt.toISOString() };
});

/**
 * Marks a thread read up to now, when its page is open. Not audited: a read receipt is not a
 * change to the school's records (and would flood the log), but the session, the input and
 * the viewer's right to read the thread are checked as for any action.
 */
export async function markThreadReadAction(raw: { threadId: string }): Promise<ActionResult<null>> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, code: 'UNAUTHENTICATED', message: (await getTranslations('errors'))('UNAUTHENTICATED') };
  const parsed = threadIdSchema.safeParse(raw);
  if (!parsed.success || !can(viewer.role, 'messages.read')) return { ok: false, code: 'NOT_FOUND', message: (await getTranslations('errors'))('NOT_FOUND') };
  const db = getDb();
  const [thread] = await db.select({ id: messageThreads.id }).from(messageThreads).where(and(eq(messageThreads.id, parsed.data.threadId), threadVisibility(viewer)));
  if (!thread) return { ok: false, code: 'NOT_FOUND', message: (await getTranslations('errors'))('NOT_FOUND') };
  await db.transaction((tx) => markRead(tx, viewer.schoolId, thread.id, viewer.userId, new Date()));
  revalidateMessages();
  return { ok: true, data: null };
}
