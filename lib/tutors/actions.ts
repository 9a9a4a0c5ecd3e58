'use server';

import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { subjects, tutors, tutorSubjects, users } from '@/db/schema';
import { action } from '@/lib/action';
import { diff } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { tutorDeletionBlockers } from './queries';
import { createTutorSchema, tutorIdSchema, tutorStatusSchema, updateTutorSchema, type TutorValues } from './schema';

type Teaches = TutorValues['teaches'];

/** A tutor of the viewer's school, locked for the change; NOT_FOUND for anyone else's. */
async function lockTutor(tx: Tx, viewer: Viewer, tutorId: string) {
  const [row] = await tx
    .select()
    .from(tutors)
    .where(and(eq(tutors.id, tutorId), eq(tutors.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Subjects picked in the form must be this school's: an id from the client is never
 * trusted. The composite foreign key would refuse too, but this answers in words.
 */
async function assertSubjectsInSchool(tx: Tx, viewer: Viewer, teaches: Teaches) {
  const ids = [...new Set(teaches.map((t) => t.subjectId))];
  if (!ids.length) return;
  const found = await tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(eq(subjects.schoolId, viewer.schoolId), inArray(subjects.id, ids)));
  if (found.length !== ids.length) throw new AppError('NOT_FOUND', (await getTranslations('tutors'))('subjectNotFound'));
}

/**
 * A tutor's email is the address their login will have once they are invited, and an email
 * belongs to one account only: an address another account already has would be refused at
 * the invitation, weeks later and on another page. Said now, on the email field. The tutor's
 * own account (an edit that keeps or re-cases their address) does not count.
 */
async function assertEmailFree(tx: Tx, email: string | null, ownUserId: string | null) {
  if (!email) return;
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, ownUserId ? ne(users.id, ownUserId) : undefined))
    .limit(1);
  if (!taken) return;
  const message = (await getTranslations('tutors'))('emailTaken');
  throw new AppError('CONFLICT', message, { email: [message] });
}

async function teachesOf(tx: Tx, tutorId: string): Promise<Teaches> {
  const rows = await tx.select({ subjectId: tutorSubjects.subjectId, levels: tutorSubjects.levels }).from(tutorSubjects).where(eq(tutorSubjects.tutorId, tutorId));
  return sortTeaches(rows);
}

async function replaceTeaches(tx: Tx, viewer: Viewer, tutorId: string, teaches: Teaches) {
  await tx.delete(tutorSubjects).where(eq(tutorSubjects.tutorId, tutorId));
  if (teaches.length) await tx.insert(tutorSubjects).values(teaches.map((t) => ({ schoolId: viewer.schoolId, tutorId, subjectId: t.subjectId, levels: t.levels })));
}

const sortTeaches = (list: Teaches) => [...list].sort((a, b) => a.subjectId.localeCompare(b.subjectId));

function revalidateTutors(tutorId?: string) {
  revalidatePath('/admin/tutors');
  if (tutorId) revalidatePath(`/admin/tutors/${tutorId}`);
}

/**
 * Adds a tutor with the subjects and levels they teach. No login is created here: an
 * account is made by inviting the person on People & accounts.
 */
export const createTutorAction = action(createTutorSchema, { permission: 'records.manage' }, async (input, ctx) => {
  const id = await ctx.mutate(async (tx, audit) => {
    await assertSubjectsInSchool(tx, ctx.viewer, input.teaches);
    await assertEmailFree(tx, input.email, null);
    const { teaches, ...fields } = input;
    const [tutor] = await tx
      .insert(tutors)
      .values({ ...fields, schoolId: ctx.viewer.schoolId })
      .returning({ id: tutors.id });
    await replaceTeaches(tx, ctx.viewer, tutor.id, teaches);
    await audit({ action: 'tutor.create', entityType: 'tutor', entityId: tutor.id, after: { ...fields, teaches: sortTeaches(teaches) } });
    return tutor.id;
  });
  revalidateTutors();
  return { id };
});

/**
 * Edits a tutor and replaces the set of subjects they teach, in one transaction. The audit
 * row holds the changed fields and, when they changed, the subjects before and after; a
 * change of status also gets its own `tutor.status` row (the detail page dates it from there).
 */
export const updateTutorAction = action(updateTutorSchema, { permission: 'records.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockTutor(tx, ctx.viewer, input.tutorId);
    await assertSubjectsInSchool(tx, ctx.viewer, input.teaches);
    // Only a changed address is checked: an old clash must not block editing everything else.
    if (input.email !== before.email?.toLowerCase()) await assertEmailFree(tx, input.email, before.userId);
    const beforeTeaches = await teachesOf(tx, before.id);
    const { tutorId, teaches, ...fields } = input;
    await tx
      .update(tutors)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(tutors.id, tutorId));
    await replaceTeaches(tx, ctx.viewer, tutorId, teaches);
    const afterTeaches = sortTeaches(teaches);
    const changes: Record<string, unknown> = diff(before as unknown as Record<string, unknown>, fields);
    if (JSON.stringify(beforeTeaches) !== JSON.stringify(afterTeaches)) changes.teaches = { old: beforeTeaches, new: afterTeaches };
    await audit({ action: 'tutor.update', entityType: 'tutor', entityId: tutorId, after: changes });
    if (before.status !== fields.status) {
      await audit({ action: 'tutor.status', entityType: 'tutor', entityId: tutorId, before: { status: before.status }, after: { status: fields.status } });
    }
  });
  revalidateTutors(input.tutorId);
  return { id: input.tutorId };
});

/**
 * Active, on leave, or left. "Left" is the tutor's archive: hidden from the default list and
 * from pickers, everything kept, restorable by setting them active again. The login account,
 * if any, is not touched: it is deactivated on People & accounts.
 */
export const setTutorStatusAction = action(tutorStatusSchema, { permission: 'records.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockTutor(tx, ctx.viewer, input.tutorId);
    if (before.status === input.status) throw new AppError('CONFLICT', (await getTranslations('tutors'))('statusUnchanged'));
    await tx.update(tutors).set({ status: input.status, updatedAt: new Date() }).where(eq(tutors.id, before.id));
    await audit({ action: 'tutor.status', entityType: 'tutor', entityId: before.id, before: { status: before.status }, after: { status: input.status } });
  });
  revalidateTutors(input.tutorId);
  return { id: input.tutorId, status: input.status };
});

/**
 * Deletes a tutor nothing refers to, with the subjects they teach. A tutor with a login
 * account is never deleted here (the account and its history would be orphaned): the account
 * is deactivated on People & accounts and the tutor set to "left".
 */
export const deleteTutorAction = action(tutorIdSchema, { permission: 'records.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const tutor = await lockTutor(tx, ctx.viewer, input.tutorId);
    const blockers = Object.entries(await tutorDeletionBlockers(ctx.viewer, tutor.id, tx)).filter(([, n]) => n > 0);
    if (blockers.length) {
      const [t, tb] = await Promise.all([getTranslations('records'), getTranslations('tutors.blockers')]);
      throw new AppError('CONFLICT', t('cannotDelete', { items: blockers.map(([k, n]) => tb(k, { count: n })).join(', ') }));
    }
    if (tutor.userId) throw new AppError('CONFLICT', (await getTranslations('tutors'))('hasAccount'));
    const taught = await tx.delete(tutorSubjects).where(eq(tutorSubjects.tutorId, tutor.id)).returning({ subjectId: tutorSubjects.subjectId, levels: tutorSubjects.levels });
    await tx.delete(tutors).where(eq(tutors.id, tutor.id));
    await audit({
      action: 'tutor.delete',
      entityType: 'tutor',
      entityId: tutor.id,
      before: { name: `${tutor.firstName} ${tutor.lastName}`, email: tutor.email, status: tutor.status, teaches: sortTeaches(taught) },
    });
  });
  revalidateTutors();
  return { id: input.tutorId };
});
