'use server';

import { and, eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { schoolClosures, type SchoolClosure } from '@/db/schema';
import { action } from '@/lib/action';
import type { Viewer } from '@/lib/auth/viewer';
import { getDb, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { cancelForClosure, countClosureLessons, sendClosureNotices } from './apply';
import { createClosureSchema, deleteClosureSchema, previewClosureSchema, updateClosureSchema } from './schema';

/**
 * The school's breaks and days off (admins). Adding a closure, or widening one, cancels the
 * booked lessons in it (never charged) and then writes once to each tutor, student and paying
 * or full-access parent affected. Narrowing or deleting a closure does not bring cancelled
 * lessons back: their slots may have been rebooked, so the admin plans them again.
 */

async function lockClosure(tx: Tx, viewer: Viewer, closureId: string): Promise<SchoolClosure> {
  const [row] = await tx
    .select()
    .from(schoolClosures)
    .where(and(eq(schoolClosures.id, closureId), eq(schoolClosures.schoolId, viewer.schoolId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

const snapshot = (c: Pick<SchoolClosure, 'firstDay' | 'lastDay' | 'name' | 'kind'>) => ({ firstDay: c.firstDay, lastDay: c.lastDay, name: c.name, kind: c.kind });

function revalidateClosures() {
  revalidatePath('/admin/closures');
  revalidatePath('/admin/series');
  revalidatePath('/admin/calendar');
  revalidatePath('/tutor/calendar');
}

/** How many booked lessons a closure over these days would cancel; the dialog asks before saving. */
export const previewClosureAction = action(previewClosureSchema, { permission: 'closures.manage' }, async (input, ctx) => {
  return { lessons: await countClosureLessons(getDb(), ctx.viewer.schoolId, ctx.viewer.timeZone, input.firstDay, input.lastDay) };
});

export const createClosureAction = action(createClosureSchema, { permission: 'closures.manage' }, async (input, ctx) => {
  const { closure, lessonIds } = await ctx.mutate(async (tx, audit) => {
    const [row] = await tx
      .insert(schoolClosures)
      .values({ schoolId: ctx.viewer.schoolId, firstDay: input.firstDay, lastDay: input.lastDay, name: input.name, kind: input.kind, createdBy: ctx.viewer.userId })
      .returning();
    const ids = await cancelForClosure(tx, ctx.viewer.schoolId, ctx.viewer.timeZone, row);
    await audit({ action: 'closure.create', entityType: 'school_closure', entityId: row.id, after: { ...snapshot(row), lessonsCancelled: ids.length, lessonIds: ids } });
    return { closure: row, lessonIds: ids };
  });
  const notified = await sendClosureNotices(getDb(), ctx.viewer.schoolId, ctx.viewer.timeZone, closure, lessonIds);
  revalidateClosures();
  return { id: closure.id, cancelled: lessonIds.length, notified };
});

export const updateClosureAction = action(updateClosureSchema, { permission: 'closures.manage' }, async (input, ctx) => {
  const { closure, lessonIds } = await ctx.mutate(async (tx, audit) => {
    const before = await lockClosure(tx, ctx.viewer, input.closureId);
    const [row] = await tx
      .update(schoolClosures)
      .set({ firstDay: input.firstDay, lastDay: input.lastDay, name: input.name, kind: input.kind, updatedAt: new Date() })
      .where(eq(schoolClosures.id, before.id))
      .returning();
    const ids = await cancelForClosure(tx, ctx.viewer.schoolId, ctx.viewer.timeZone, row);
    await audit({ action: 'closure.update', entityType: 'school_closure', entityId: row.id, before: snapshot(before), after: { ...snapshot(row), lessonsCancelled: ids.length, lessonIds: ids } });
    return { closure: row, lessonIds: ids };
  });
  const notified = await sendClosureNotices(getDb(), ctx.viewer.schoolId, ctx.viewer.timeZone, closure, lessonIds);
  revalidateClosures();
  return { id: closure.id, cancelled: lessonIds.length, notified };
});

export const deleteClosureAction = action(deleteClosureSchema, { permission: 'closures.manage' }, async (input, ctx) => {
  await ctx.mutate(async (tx, audit) => {
    const before = await lockClosure(tx, ctx.viewer, input.closureId);
    await tx.delete(schoolClosures).where(eq(schoolClosures.id, before.id));
    await audit({ action: 'closure.delete', entityType: 'school_closure', entityId: before.id, before: snapshot(before) });
  });
  revalidateClosures();
  return { id: input.closureId };
});
