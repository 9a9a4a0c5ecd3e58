'use server';

import { and, eq, ne, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { parents, parentStudents, users } from '@/db/schema';
import { sqlState } from '@/db/client';
import { action } from '@/lib/action';
import { diff } from '@/lib/audit';
import type { Viewer } from '@/lib/auth/viewer';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { changeSignInEmail, notifyOldAddress, type EmailChange } from '@/lib/accounts/email-change';
import { billingColumns } from './billing';
import { parentDeletionBlockers } from './queries';
import { parentIdSchema, updateParentSchema } from './schema';

/** A parent of the viewer's school, locked for the change; NOT_FOUND for anyone else's. */
async function lockParent(tx: Tx, viewer: Viewer, parentId: string) {
  const [row] = await tx
    .select()
    .from(parents)
    .where(and(eq(parents.id, parentId), eq(parents.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function revalidateParent(parentId: string) {
  revalidatePath('/admin/parents');
  revalidatePath(`/admin/parents/${parentId}`);
}

/**
 * Edits a parent's contact, language and billing. The email is also their login: when the
 * parent has an account, the account's email (and name) change in the same transaction, and
 * an address already used by any other account is refused. A changed login address ends the
 * parent's sessions and unused links, and the old address is told after the commit. Company
 * billing clears the private person's invoice details and the other way round, so an invoice
 * never mixes the two.
 */
export const updateParentAction = action(updateParentSchema, { permission: 'records.manage' }, async (input, ctx) => {
  const t = await getTranslations('parents');
  const emailTaken = () => new AppError('CONFLICT', t('emailTaken'), { email: [t('emailTaken')] });
  const { parentId, ...values } = input;
  const name = `${values.firstName} ${values.lastName}`;
  const fields = {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    phone: values.phone,
    preferredLanguage: values.preferredLanguage,
    ...billingColumns(values, name),
  };
  const emailChange = await ctx
    .mutate(async (tx, audit) => {
      const before = await lockParent(tx, ctx.viewer, parentId);
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(sql`lower(${users.email}) = ${fields.email}`, before.userId ? ne(users.id, before.userId) : undefined));
      if (taken) throw emailTaken();
      await tx.update(parents).set({ ...fields, updatedAt: new Date() }).where(eq(parents.id, before.id));
      let change: EmailChange | null = null;
      if (before.userId) {
        const [account] = await tx
          .select()
          .from(users)
          .where(and(eq(users.id, before.userId), eq(users.schoolId, ctx.viewer.schoolId)))
          .for('update');
        // A new login address ends the parent's sessions and links and tells the old address.
        if (account) change = await changeSignInEmail(tx, account, fields.email);
        await tx
          .update(users)
          .set({
            name,
            // The account's language follows the parent's only when the office changes it.
            ...(fields.preferredLanguage !== before.preferredLanguage ? { locale: fields.preferredLanguage } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(users.id, before.userId), eq(users.schoolId, ctx.viewer.schoolId)));
      }
      await audit({ action: 'parent.update', entityType: 'parent', entityId: before.id, after: diff(before as unknown as Record<string, unknown>, fields) });
      if (change) await audit({ action: 'user.email_change', entityType: 'user', entityId: change.userId, before: { email: change.oldEmail }, after: { email: change.newEmail } });
      return change;
    })
    .catch((err) => {
      // Two edits to one address at once: the unique index on users stops the second.
      throw sqlState(err) === '23505' ? emailTaken() : err;
    });
  // The edit stands even if the notice cannot be written; the log says so.
  if (emailChange) await notifyOldAddress(emailChange).catch((err) => log.error('email-changed notice failed', { userId: emailChange.userId, error: err instanceof Error ? err.message : String(err) }));
  revalidateParent(parentId);
  return { id: parentId };
});

/** Hides a parent from lists and pickers; links, history and (later) invoices stay. */
export const archiveParentAction = action(parentIdSchema, { permission: 'records.manage' }, async ({ parentId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockParent(tx, ctx.viewer, parentId);
    if (before.archivedAt) throw new AppError('CONFLICT', (await getTranslations('parents'))('alreadyArchived'));
    const archivedAt = new Date();
    await tx.update(parents).set({ archivedAt, updatedAt: archivedAt }).where(eq(parents.id, before.id));
    await audit({ action: 'parent.archive', entityType: 'parent', entityId: before.id, before: { archivedAt: null }, after: { archivedAt } });
  });
  revalidateParent(parentId);
  return { id: parentId };
});

export const restoreParentAction = action(parentIdSchema, { permission: 'records.manage' }, async ({ parentId }, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockParent(tx, ctx.viewer, parentId);
    if (!before.archivedAt) throw new AppError('CONFLICT', (await getTranslations('parents'))('notArchived'));
    await tx.update(parents).set({ archivedAt: null, updatedAt: new Date() }).where(eq(parents.id, before.id));
    await audit({ action: 'parent.restore', entityType: 'parent', entityId: before.id, before: { archivedAt: before.archivedAt }, after: { archivedAt: null } });
  });
  revalidateParent(parentId);
  return { id: parentId };
});

/**
 * Deletes a parent nothing refers to, with their links to children and their login account
 * if it was never used. An account that has signed in is history (the audit trail names it),
 * so such a parent can only be archived.
 */
export const deleteParentAction = action(parentIdSchema, { permission: 'records.manage' }, async ({ parentId }, ctx) => {
  const t = await getTranslations('records');
  await ctx.mutate(async (tx, audit) => {
    const parent = await lockParent(tx, ctx.viewer, parentId);
    const blockers = (await parentDeletionBlockers(ctx.viewer, parent.id, tx)) ?? {};
    if (Object.keys(blockers).length) {
      const tb = await getTranslations('parents.blockers');
      throw new AppError('CONFLICT', t('cannotDelete', { items: Object.entries(blockers).map(([k, n]) => tb(k, { count: n })).join(', ') }));
    }
    const links = await tx.delete(parentStudents).where(eq(parentStudents.parentId, parent.id)).returning();
    await tx.delete(parents).where(eq(parents.id, parent.id));
    if (parent.userId) {
      // Re-checked here with the row locked: a sign-in between the check and now must win.
      const [removed] = await tx
        .delete(users)
        .where(and(eq(users.id, parent.userId), eq(users.schoolId, ctx.viewer.schoolId), sql`${users.lastLoginAt} is null`))
        .returning({ id: users.id });
      if (!removed) throw new AppError('CONFLICT', t('cannotDelete', { items: (await getTranslations('parents.blockers'))('usedAccounts', { count: 1 }) }));
    }
    await audit({
      action: 'parent.delete',
      entityType: 'parent',
      entityId: parent.id,
      before: {
        name: `${parent.firstName} ${parent.lastName}`,
        email: parent.email,
        children: links.map((l) => ({ studentId: l.studentId, access: l.access, isPayer: l.isPayer })),
        accountId: parent.userId,
      },
    });
  });
  revalidatePath('/admin/parents');
  return { id: parentId };
});
