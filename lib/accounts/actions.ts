'use server';

import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { accountTokens, parents, parentStudents, students, tutors, users, type User } from '@/db/schema';
import { sqlState } from '@/db/client';
import { action } from '@/lib/action';
import { issueAccountToken } from '@/lib/auth/sign-in';
import { sendAccountLinkEmail } from './invitations';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { findProfileInSchool } from './queries';
import { changeSignInEmail, notifyOldAddress, signInEmailTaken } from './email-change';
import { changeEmailSchema, familyLinkSchema, inviteProfileSchema, inviteSchema, unlinkSchema, userIdSchema } from './schema';

/** A user of the viewer's school, locked for the change; NOT_FOUND for anyone else's. */
async function lockUser(tx: Tx, viewer: Viewer, userId: string): Promise<User> {
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.schoolId, viewer.schoolId)))
    .for('update');
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}


/**
 * Invites a tutor, student or parent: the account, its profile and a single-use link in one
 * transaction, then the email. The account stays `invited` until the link is used, which
 * also proves the address.
 */
export const inviteUserAction = action(inviteSchema, { permission: 'users.invite' }, async (input, ctx) => {
  const t = await getTranslations('accounts');
  const emailTaken = () => new AppError('CONFLICT', t('emailTaken'), { email: [t('emailTaken')] });
  const [taken] = await getDb().select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
  if (taken) throw emailTaken();

  const name = `${input.firstName} ${input.lastName}`;
  const { user, token } = await ctx.mutate(async (tx, audit) => {
    const [user] = await tx
      .insert(users)
      .values({ schoolId: ctx.viewer.schoolId, role: input.role, status: 'invited', email: input.email, name, locale: input.locale })
      .returning();
    const profile = { schoolId: ctx.viewer.schoolId, userId: user.id, firstName: input.firstName, lastName: input.lastName, email: input.email };
    const [row] =
      input.role === 'tutor'
        ? await tx.insert(tutors).values(profile).returning({ id: tutors.id })
        : input.role === 'student'
          ? await tx.insert(students).values({ ...profile, level: input.level! }).returning({ id: students.id })
          : await tx.insert(parents).values({ ...profile, preferredLanguage: input.locale }).returning({ id: parents.id });
    const token = await issueAccountToken(tx, user.id, 'invite');
    await audit({ action: 'user.invite', entityType: 'user', entityId: user.id, after: { role: input.role, email: input.email, name, profileId: row.id } });
    return { user, token };
  }).catch((err) => {
    // Two invitations for one address at once: the unique index stops the second.
    throw sqlState(err) === '23505' ? emailTaken() : err;
  });
  await sendAccountLinkEmail(ctx.viewer, user, token, 'invite');
  revalidatePath('/admin/users');
  return { id: user.id };
});

/** Deactivates an account: it can no longer sign in, and its session ends at its next request. */
export const deactivateUserAction = action(userIdSchema, { permission: 'users.manage' }, async ({ userId }, ctx) => {
  if (userId === ctx.viewer.userId) throw new AppError('FORBIDDEN', (await getTranslations('accounts'))('cannotDeactivateSelf'));
  await ctx.mutate(async (tx, audit) => {
    const user = await lockUser(tx, ctx.viewer, userId);
    if (user.status === 'deactivated') throw new AppError('CONFLICT', (await getTranslations('accounts'))('alreadyDeactivated'));
    await tx
      .update(users)
      .set({ status: 'deactivated', sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId));
    // Links sent before must not work after a later reactivation.
    await tx.update(accountTokens).set({ usedAt: new Date() }).where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt)));
    await audit({ action: 'user.deactivate', entityType: 'user', entityId: userId, before: { status: user.status }, after: { status: 'deactivated' } });
  });
  revalidatePath(`/admin/users/${userId}`);
  return { id: userId };
});

export const reactivateUserAction = action(userIdSchema, { permission: 'users.manage' }, async ({ userId }, ctx) => {
  const status = await ctx.mutate(async (tx, audit) => {
    const user = await lockUser(tx, ctx.viewer, userId);
    if (user.status !== 'deactivated') throw new AppError('CONFLICT', (await getTranslations('accounts'))('notDeactivated'));
    // An account that never proved its address goes back to waiting for its invitation.
    const status = user.emailVerified ? 'active' : 'invited';
    await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, userId));
    await audit({ action: 'user.reactivate', entityType: 'user', entityId: userId, before: { status: user.status }, after: { status } });
    return status;
  });
  revalidatePath(`/admin/users/${userId}`);
  return { id: userId, status };
});

/**
 * Changes the address a person signs in with (any role; the office's own too). In the same
 * transaction the profile record takes the new address, unused invitation and reset links
 * die and every session of the account ends; after the commit the old address is told, so a
 * change nobody asked for does not go unnoticed. Reactivation or a new invitation sends links
 * to the new address.
 */
export const changeSignInEmailAction = action(changeEmailSchema, { permission: 'users.manage' }, async (input, ctx) => {
  const t = await getTranslations('accounts');
  const emailTaken = () => new AppError('CONFLICT', t('emailTaken'), { email: [t('emailTaken')] });
  const change = await ctx
    .mutate(async (tx, audit) => {
      const user = await lockUser(tx, ctx.viewer, input.userId);
      if (user.email.toLowerCase() === input.email) throw new AppError('VALIDATION', t('emailUnchanged'), { email: [t('emailUnchanged')] });
      if (await signInEmailTaken(tx, input.email, user.id)) throw emailTaken();
      const change = await changeSignInEmail(tx, user, input.email);
      await audit({ action: 'user.email_change', entityType: 'user', entityId: user.id, before: { email: user.email }, after: { email: input.email } });
      return change;
    })
    .catch((err) => {
      // Two changes to one address at once: the unique index on users stops the second.
      throw sqlState(err) === '23505' ? emailTaken() : err;
    });
  // The change stands even if the notice cannot be written; the log says so.
  if (change) await notifyOldAddress(change).catch((err) => log.error('email-changed notice failed', { userId: change.userId, error: err instanceof Error ? err.message : String(err) }));
  revalidatePath('/admin', 'layout');
  return { id: input.userId, email: input.email };
});

/** A fresh invitation link (earlier ones stop working). */
export const resendInviteAction = action(userIdSchema, { permission: 'users.manage' }, async ({ userId }, ctx) => {
  const { user, token } = await ctx.mutate(async (tx, audit) => {
    const user = await lockUser(tx, ctx.viewer, userId);
    if (user.status !== 'invited') throw new AppError('CONFLICT', (await getTranslations('accounts'))('notInvited'));
    const token = await issueAccountToken(tx, user.id, 'invite');
    await audit({ action: 'user.invite_resent', entityType: 'user', entityId: user.id });
    return { user, token };
  });
  await sendAccountLinkEmail(ctx.viewer, user, token, 'invite');
  return { id: userId };
});

/** Emails a link to set a new password. Parents have no password: they always sign in by link. */
export const sendPasswordResetAction = action(userIdSchema, { permission: 'users.manage' }, async ({ userId }, ctx) => {
  const { user, token } = await ctx.mutate(async (tx, audit) => {
    const user = await lockUser(tx, ctx.viewer, userId);
    if (user.role === 'parent' || user.status !== 'active') throw new AppError('CONFLICT', (await getTranslations('accounts'))('resetNotPossible'));
    const token = await issueAccountToken(tx, user.id, 'password_reset');
    await audit({ action: 'user.password_reset_sent', entityType: 'user', entityId: user.id });
    return { user, token };
  });
  await sendAccountLinkEmail(ctx.viewer, user, token, 'password_reset');
  return { id: userId };
});

/**
 * Links a parent to a student with `view` or `full` access. A student has at most one
 * paying parent: marking a payer clears the flag on the student's other links.
 */
export const linkFamilyAction = action(familyLinkSchema, { permission: 'families.manage' }, async (input, ctx) => {
  const t = await getTranslations('accounts');
  const [parent, student] = await Promise.all([findProfileInSchool(ctx.viewer, 'parents', input.parentId), findProfileInSchool(ctx.viewer, 'students', input.studentId)]);
  if (!parent || !student) throw new AppError('NOT_FOUND');
  await ctx.mutate(async (tx, audit) => {
    const [existing] = await tx
      .select()
      .from(parentStudents)
      .where(and(eq(parentStudents.parentId, parent.id), eq(parentStudents.studentId, student.id)));
    if (existing) throw new AppError('CONFLICT', t('alreadyLinked'));
    const payerClearedFor = input.isPayer ? await clearOtherPayers(tx, student.id, parent.id) : [];
    await tx.insert(parentStudents).values({ schoolId: ctx.viewer.schoolId, parentId: parent.id, studentId: student.id, access: input.access, isPayer: input.isPayer });
    await audit({
      action: 'family.link',
      entityType: 'parent_student',
      entityId: `${parent.id}:${student.id}`,
      after: { access: input.access, isPayer: input.isPayer, ...(payerClearedFor.length ? { payerClearedFor } : {}) },
    });
  });
  revalidatePath('/admin/users', 'layout');
  return { parentId: parent.id, studentId: student.id };
});

export const updateFamilyLinkAction = action(familyLinkSchema, { permission: 'families.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const [link] = await tx
      .select()
      .from(parentStudents)
      .where(and(eq(parentStudents.parentId, input.parentId), eq(parentStudents.studentId, input.studentId), eq(parentStudents.schoolId, ctx.viewer.schoolId)))
      .for('update');
    if (!link) throw new AppError('NOT_FOUND');
    const payerClearedFor = input.isPayer ? await clearOtherPayers(tx, input.studentId, input.parentId) : [];
    await tx
      .update(parentStudents)
      .set({ access: input.access, isPayer: input.isPayer })
      .where(and(eq(parentStudents.parentId, input.parentId), eq(parentStudents.studentId, input.studentId)));
    await audit({
      action: 'family.update_link',
      entityType: 'parent_student',
      entityId: `${input.parentId}:${input.studentId}`,
      before: { access: link.access, isPayer: link.isPayer },
      after: { access: input.access, isPayer: input.isPayer, ...(payerClearedFor.length ? { payerClearedFor } : {}) },
    });
  });
  revalidatePath('/admin/users', 'layout');
  return { parentId: input.parentId, studentId: input.studentId };
});

export const unlinkFamilyAction = action(unlinkSchema, { permission: 'families.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const [removed] = await tx
      .delete(parentStudents)
      .where(and(eq(parentStudents.parentId, input.parentId), eq(parentStudents.studentId, input.studentId), eq(parentStudents.schoolId, ctx.viewer.schoolId)))
      .returning();
    if (!removed) throw new AppError('NOT_FOUND');
    await audit({ action: 'family.unlink', entityType: 'parent_student', entityId: `${input.parentId}:${input.studentId}`, before: { access: removed.access, isPayer: removed.isPayer } });
  });
  revalidatePath('/admin/users', 'layout');
  return { parentId: input.parentId, studentId: input.studentId };
});

/** Unmarks the student's other paying parents; answers whose flag was cleared, for the audit row. */
async function clearOtherPayers(tx: Tx, studentId: string, keepParentId: string): Promise<string[]> {
  const cleared = await tx
    .update(parentStudents)
    .set({ isPayer: false })
    .where(and(eq(parentStudents.studentId, studentId), ne(parentStudents.parentId, keepParentId), eq(parentStudents.isPayer, true)))
    .returning({ parentId: parentStudents.parentId });
  return cleared.map((c) => c.parentId);
}

/**
 * Invites the person behind an existing record (a tutor added on the tutors page, a child or
 * parent added with "Add a family") to sign in, instead of creating a second record.
 */
export const inviteProfileAction = action(inviteProfileSchema, { permission: 'users.invite' }, async (input, ctx) => {
  const t = await getTranslations('accounts');
  const table = { tutor: tutors, student: students, parent: parents }[input.kind];
  const { user, token } = await ctx
    .mutate(async (tx, audit) => {
      const [profile] = await tx
        .select({ id: table.id, userId: table.userId, email: table.email, firstName: table.firstName, lastName: table.lastName })
        .from(table)
        .where(and(eq(table.id, input.profileId), eq(table.schoolId, ctx.viewer.schoolId)))
        .for('update');
      if (!profile) throw new AppError('NOT_FOUND');
      if (profile.userId) throw new AppError('CONFLICT', t('alreadyHasAccount'));
      if (!profile.email) throw new AppError('CONFLICT', t('needsEmail'));
      const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${profile.email})`);
      if (taken) throw new AppError('CONFLICT', t('emailTaken'));
      const [user] = await tx
        .insert(users)
        .values({ schoolId: ctx.viewer.schoolId, role: input.kind, status: 'invited', email: profile.email.toLowerCase(), name: `${profile.firstName} ${profile.lastName}` })
        .returning();
      await tx.update(table).set({ userId: user.id }).where(eq(table.id, profile.id));
      const token = await issueAccountToken(tx, user.id, 'invite');
      await audit({ action: 'user.invite', entityType: 'user', entityId: user.id, after: { role: input.kind, email: user.email, name: user.name, profileId: profile.id } });
      return { user, token };
    })
    .catch((err) => {
      throw sqlState(err) === '23505' ? new AppError('CONFLICT', t('emailTaken')) : err;
    });
  await sendAccountLinkEmail(ctx.viewer, user, token, 'invite');
  revalidatePath('/admin', 'layout');
  return { userId: user.id };
});
