'use server';

import { and, eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { parentStudents, students, studentSubjects, users } from '@/db/schema';
import { action } from '@/lib/action';
import { sendAccountLinkEmail } from '@/lib/accounts/invitations';
import { issueAccountToken } from '@/lib/auth/sign-in';
import { diff } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { parentAccess } from '@/lib/families/access';
import { assertEnrolmentsInSchool, replaceEnrolments } from './enrolments';
import { getStudent, studentDeletionBlockers } from './queries';
import { addAdultSchema, studentIdSchema, studentStatusSchema, updateContactSchema, updateStudentSchema } from './schema';

/**
 * A child's phone and email. Admins may change any student of their school; a parent only
 * a child they are linked to with `full` access (view-only parents see, never change).
 */
export const updateStudentContactAction = action(updateContactSchema, { permission: 'students.updateContact' }, async (input, ctx) => {
  const student = await getStudent(ctx.viewer, input.studentId);
  if (!student) throw new AppError('NOT_FOUND');
  if (ctx.viewer.role === 'parent' && (await parentAccess(getDb(), ctx.viewer, student.id)) !== 'full') throw new AppError('FORBIDDEN');

  const changes = { ...(input.phone !== undefined ? { phone: input.phone } : {}), ...(input.email !== undefined ? { email: input.email } : {}) };
  await ctx.mutate(async (tx, audit) => {
    await tx
      .update(students)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(students.id, student.id), eq(students.schoolId, ctx.viewer.schoolId)));
    await audit({ action: 'student.update_contact', entityType: 'student', entityId: student.id, after: diff({ phone: student.phone, email: student.email }, changes) });
  });
  revalidatePath('/', 'layout');
  return { id: student.id };
});

async function lockStudent(tx: Tx, viewer: Viewer, studentId: string) {
  const [row] = await tx
    .select()
    .from(students)
    .where(and(eq(students.id, studentId), eq(students.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const enrolmentsOf = async (tx: Tx, studentId: string) =>
  tx.select({ subjectId: studentSubjects.subjectId, tutorId: studentSubjects.tutorId }).from(studentSubjects).where(eq(studentSubjects.studentId, studentId));

/** An adult learner paying for themself, optionally invited to sign in. */
export const addAdultStudentAction = action(addAdultSchema, { permission: 'records.manage' }, async (input, ctx) => {
  const t = await getTranslations('students');
  const result = await ctx.mutate(async (tx, audit) => {
    await assertEnrolmentsInSchool(tx, ctx.viewer, input.subjects);
    let userId: string | null = null;
    if (input.invite && input.email) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (exists) throw new AppError('CONFLICT', t('emailTaken'), { email: [t('emailTaken')] });
      const [user] = await tx
        .insert(users)
        .values({ schoolId: ctx.viewer.schoolId, role: 'student', status: 'invited', email: input.email, name: `${input.firstName} ${input.lastName}` })
        .returning({ id: users.id });
      userId = user.id;
    }
    const { subjects: list, invite: _invite, ...fields } = input;
    const [student] = await tx
      .insert(students)
      .values({ ...fields, schoolId: ctx.viewer.schoolId, userId, isSelfPayer: true })
      .returning();
    await replaceEnrolments(tx, ctx.viewer, student.id, list);
    await audit({ action: 'student.create', entityType: 'student', entityId: student.id, after: { ...fields, status: 'active', isSelfPayer: true, subjects: list, invited: Boolean(userId) } });
    // Issued here so the link is part of the audited change; emailed after the commit.
    const token = userId ? await issueAccountToken(tx, userId, 'invite') : null;
    return { student, token };
  });
  if (result.token && input.email) {
    await sendAccountLinkEmail(ctx.viewer, { email: input.email, name: `${input.firstName} ${input.lastName}`, role: 'student', locale: 'pl' }, result.token, 'invite');
  }
  revalidatePath('/admin/students');
  return { id: result.student.id };
});

/** Edits a student's record and replaces their subjects, in one transaction with one audit row. */
export const updateStudentAction = action(updateStudentSchema, { permission: 'records.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockStudent(tx, ctx.viewer, input.studentId);
    await assertEnrolmentsInSchool(tx, ctx.viewer, input.subjects);
    const beforeSubjects = await enrolmentsOf(tx, before.id);
    const { studentId, subjects: list, ...fields } = input;
    await tx.update(students).set({ ...fields, updatedAt: new Date() }).where(eq(students.id, studentId));
    await replaceEnrolments(tx, ctx.viewer, studentId, list);
    const changes = diff(before as unknown as Record<string, unknown>, fields);
    const subjectsChanged = JSON.stringify(sortEnrolments(beforeSubjects)) !== JSON.stringify(sortEnrolments(list));
    await audit({
      action: 'student.update',
      entityType: 'student',
      entityId: studentId,
      after: subjectsChanged ? { ...changes, subjects: { old: beforeSubjects, new: list } } : changes,
    });
  });
  revalidatePath(`/admin/students/${input.studentId}`);
  revalidatePath('/admin/students');
  return { id: input.studentId };
});

const sortEnrolments = (list: { subjectId: string; tutorId: string | null }[]) => [...list].sort((a, b) => a.subjectId.localeCompare(b.subjectId));

/**
 * Active, paused or archived. Archived students leave lists and pickers but keep everything;
 * the date of the change is kept on the record and the change in the audit trail.
 */
export const setStudentStatusAction = action(studentStatusSchema, { permission: 'records.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockStudent(tx, ctx.viewer, input.studentId);
    if (before.status === input.status) throw new AppError('CONFLICT', (await getTranslations('students'))('statusUnchanged'));
    await tx.update(students).set({ status: input.status, statusChangedAt: new Date(), updatedAt: new Date() }).where(eq(students.id, before.id));
    await audit({ action: 'student.status', entityType: 'student', entityId: before.id, before: { status: before.status }, after: { status: input.status } });
  });
  revalidatePath(`/admin/students/${input.studentId}`);
  revalidatePath('/admin/students');
  return { id: input.studentId, status: input.status };
});

/**
 * Deletes a student nothing refers to, with their parent links, subjects and unused login.
 * Anything else can only be archived.
 */
export const deleteStudentAction = action(studentIdSchema, { permission: 'records.manage' }, async (input, ctx) => {
  const t = await getTranslations('records');
  await ctx.mutate(async (tx, audit) => {
    const student = await lockStudent(tx, ctx.viewer, input.studentId);
    const blockers = await studentDeletionBlockers(tx, student.id);
    if (Object.keys(blockers).length) {
      const tb = await getTranslations('students.blockers');
      throw new AppError('CONFLICT', t('cannotDelete', { items: Object.entries(blockers).map(([k, n]) => tb(k, { count: n })).join(', ') }));
    }
    const links = await tx.delete(parentStudents).where(eq(parentStudents.studentId, student.id)).returning();
    const enrolments = await tx.delete(studentSubjects).where(eq(studentSubjects.studentId, student.id)).returning();
    await tx.delete(students).where(eq(students.id, student.id));
    if (student.userId) await tx.delete(users).where(eq(users.id, student.userId));
    await audit({
      action: 'student.delete',
      entityType: 'student',
      entityId: student.id,
      before: { name: `${student.firstName} ${student.lastName}`, level: student.level, parentLinks: links.length, subjects: enrolments.length, account: Boolean(student.userId) },
    });
  });
  revalidatePath('/admin/students');
  return { id: input.studentId };
});
